import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../src/features/order/api';
import {
  describedAs,
  keepEvidenceOfFailures,
  launchChromium,
  openPhone,
  screenshot,
  signIn,
  startTestAppliance,
  tableTile,
  type TestAppliance,
} from './support';

describe('a waiter on a phone', () => {
  let appliance: TestAppliance;
  let browser: Browser;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures();

  it('takes an order with choices, sends it, and a colleague sees the table open at once; it is paid in two parts and closed', async () => {
    const nikos = await openPhone(browser);
    const page = nikos.page;
    await page.goto(`${appliance.url}/waiter/`);
    await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).waitFor();
    await screenshot(page, '01-login-staff');
    await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).click();
    for (const digit of '1357') await page.getByRole('button', { name: digit, exact: true }).click();
    await screenshot(page, '02-login-pin');
    await page.getByRole('button', { name: 'Είσοδος' }).click();

    // A colleague's phone, in English, watching the same floor.
    const eleni = await openPhone(browser, { locale: 'en-US' });
    await eleni.page.goto(`${appliance.url}/waiter/`);
    await signIn(eleni.page, 'Ελένη Κωνσταντίνου', '8642', 'Sign in');
    const seenByEleni = tableTile(eleni.page, '5');
    await seenByEleni.waitFor();
    // The tile can be read a moment before its description is (a re-render after the stream's catch-up).
    await expect.poll(() => describedAs(seenByEleni)).toContain('Free');

    await tableTile(page, '5').waitFor();
    await screenshot(page, '03-tables');
    await tableTile(page, '5').click();

    await page.getByRole('tab', { name: 'Σαλάτες' }).click();
    await page.getByRole('button', { name: 'Χωριάτικη' }).click();
    const salad = page.getByRole('dialog', { name: 'Χωριάτικη' });
    await salad.getByRole('checkbox', { name: /έξτρα φέτα/ }).check();
    await salad.getByRole('checkbox', { name: 'χωρίς κρεμμύδι' }).check();
    await screenshot(page, '04-choices');
    await salad.getByRole('button', { name: 'Προσθήκη · 11,50 €' }).click();

    await page.getByRole('searchbox').fill('σουβλακι');
    await page.getByRole('button', { name: 'Σουβλάκι χοιρινό' }).click();
    const souvlaki = page.getByRole('dialog', { name: 'Σουβλάκι χοιρινό' });
    const addSouvlaki = souvlaki.getByRole('button', { name: /^Προσθήκη/ });
    expect(await addSouvlaki.isDisabled()).toBe(true); // the side dish is required
    await souvlaki.getByRole('radio', { name: 'ρύζι' }).check();
    await addSouvlaki.click();
    await page.getByRole('button', { name: /Παραγγελία/ }).click();
    await screenshot(page, '05-order-draft');

    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.getByText(/^Στάλθηκαν 2/).waitFor();
    await screenshot(page, '06-order-sent');

    await expect.poll(() => describedAs(seenByEleni), { timeout: 10_000 }).toContain('Open');
    await screenshot(eleni.page, '07-colleague-sees-open');

    const token = await appliance.login('nikos');
    const [order] = (await appliance.call<Order[]>('GET', '/api/orders/my', { token })).body.filter((candidate) => candidate.table_label === '5');
    expect(
      order?.items.map((line) => ({
        name: line.name,
        options: line.options.map((o) => o.name),
        removed: line.removed_ingredients.map((i) => i.name),
        preferences: line.preferences.map((p) => p.name),
      })),
    ).toEqual([
      { name: 'Χωριάτικη', options: ['έξτρα φέτα'], removed: ['κρεμμύδι'], preferences: [] },
      { name: 'Σουβλάκι χοιρινό', options: [], removed: [], preferences: ['ρύζι'] },
    ]);

    // Part: the salad, by card.
    await page.getByRole('button', { name: 'Λογαριασμός' }).click();
    await page.getByRole('checkbox', { name: /Χωριάτικη/ }).check();
    await page.getByRole('radio', { name: 'Κάρτα' }).check();
    await page.getByRole('button', { name: 'Πληρωμή 11,50 €' }).click();
    await page.getByText('Η πληρωμή καταγράφηκε.').waitFor();
    await expect.poll(() => describedAs(seenByEleni), { timeout: 10_000 }).toContain('Partly paid');
    await screenshot(page, '08-bill-part-paid');

    // The rest, in cash, with change from a 20.
    await page.getByRole('button', { name: 'Όλα τα απλήρωτα' }).click();
    await page.getByRole('radio', { name: 'Μετρητά' }).check();
    await page.getByRole('button', { name: '20,00 €' }).click();
    await page.getByText('Ρέστα 9,00 €').waitFor();
    await screenshot(page, '09-bill-change-due');
    await page.getByRole('button', { name: 'Πληρωμή 11,00 €' }).click();
    await page.getByText('Όλα πληρωμένα — μπορείς να κλείσεις το τραπέζι.').waitFor();
    await page.getByRole('button', { name: 'Κλείσιμο τραπεζιού' }).click();
    await page.getByRole('heading', { name: 'Τραπέζια' }).waitFor();
    await expect.poll(() => describedAs(seenByEleni), { timeout: 10_000 }).toContain('Free');
    await expect.poll(async () => describedAs(tableTile(page, '5')), { timeout: 10_000 }).toContain('Ελεύθερο');
    await screenshot(page, '10-table-closed');

    const closed = (await appliance.call<Order>('GET', `/api/orders/${order!.id}`, { token })).body;
    expect(closed.status).toBe('closed');
    expect(closed.payments.map((payment) => [payment.method, payment.amount_cents])).toEqual([
      ['card', 1150],
      ['cash', 1100],
    ]);
  });

  it('a dish that runs out shows greyed on every phone at once and cannot be added', async () => {
    const { page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await signIn(page, 'Γιώργος Δημητρίου', '9753');
    await tableTile(page, '8').click();
    const tzatziki = page.getByRole('button', { name: 'Τζατζίκι' });
    await tzatziki.waitFor();
    expect(await tzatziki.isEnabled()).toBe(true);

    const maria = await appliance.login('maria');
    const products = (await appliance.call<Array<{ id: number; name: string }>>('GET', '/api/products/', { token: maria })).body;
    const id = products.find((product) => product.name === 'Τζατζίκι')!.id;
    expect((await appliance.call('PUT', `/api/products/${id}`, { token: maria, body: { is_available: false } })).status).toBe(200);

    await expect.poll(() => tzatziki.isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await describedAs(tzatziki)).toContain('Εξαντλήθηκε');
    await screenshot(page, '11-sold-out-live');
  });

  it('on a small 360 px phone, adding dishes moves nothing on the screen and every control is thumb-sized', async () => {
    const { page } = await openPhone(browser, { viewport: { width: 360, height: 640 }, locale: 'en-US' });
    await page.goto(`${appliance.url}/waiter/`);
    await signIn(page, 'Ελένη Κωνσταντίνου', '8642', 'Sign in');
    await tableTile(page, '11').click();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Σαγανάκι' }).waitFor();
    await page.evaluate(() => {
      const shifts: number[] = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as PerformanceEntry & { value: number }).value))).observe({
        type: 'layout-shift',
      });
      (window as unknown as { shifts: number[] }).shifts = shifts;
    });
    for (const dish of ['Σαγανάκι', 'Ταραμοσαλάτα', 'Σαγανάκι', 'Κολοκυθοκεφτέδες']) await page.getByRole('button', { name: dish }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
    await screenshot(page, '17-small-phone-draft');

    const tooSmall = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role="tab"], input, label.choice')]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        // A card's stretched button is tapped anywhere on its card: the card is its target.
        .map((element) => ({
          name: element.getAttribute('aria-label') ?? element.textContent?.trim(),
          box: (element.classList.contains('stretched-button') ? element.parentElement! : element).getBoundingClientRect(),
        }))
        .filter(({ box }) => box.height < 48 || box.width < 44)
        .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(tooSmall).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
