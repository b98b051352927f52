import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupNow,
  describedAs,
  emulatedPrinters,
  eventually,
  FAST_PRINTING,
  keepEvidenceOfFailures,
  launchChromium,
  openTablet,
  openScreen,
  screenshot,
  signIn,
  startTestAppliance,
  tableTile,
  type TestAppliance,
  type TestPrinters,
} from './support';

type Line = { id: string; name: string; unit_price_cents: number; status: string };

describe('a manager on a tablet', () => {
  let appliance: TestAppliance;
  let printers: TestPrinters;
  let browser: Browser;
  let page: Page;
  let nikos: string;
  let maria: string;
  let orderId: string;

  const api = (method: string, path: string, token: string, body?: unknown) => appliance.call(method, path, { token, body });
  const productId = async (name: string): Promise<number> => (await api('GET', '/api/products', nikos)).body.find((p: { name: string }) => p.name === name).id;
  const addLine = async (name: string, quantity = 1) => {
    const response = await api('POST', `/api/orders/${orderId}/items`, nikos, { items: [{ product_id: await productId(name), quantity }] });
    expect(response.status).toBe(201);
    return response.body.items as Line[];
  };

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance({ env: { ...FAST_PRINTING, HTTPS_PORT: '0' } }), launchChromium()]);
    printers = await emulatedPrinters(appliance);
    [nikos, maria] = await Promise.all([appliance.login('nikos'), appliance.login('maria')]);
    page = await openTablet(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await printers?.stop();
    await appliance?.stop();
  });
  keepEvidenceOfFailures(() => page);

  it('keeps a waiter out with a clear message, and lets a manager in', async () => {
    await page.goto(`${appliance.url}/manager/`);
    await page.getByRole('button', { name: 'Μαρία Παπαδοπούλου' }).waitFor();
    expect(await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).count()).toBe(0);
    await screenshot(page, 'dashboard-01-sign-in');

    await page.getByLabel('Όνομα χρήστη').fill('nikos');
    await page.getByRole('button', { name: 'Συνέχεια' }).click();
    for (const digit of '1357') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Είσοδος' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('μόνο για υπευθύνους');
    await screenshot(page, 'dashboard-02-waiter-refused');

    await page.getByRole('button', { name: 'Άλλος χρήστης' }).click();
    await signIn(page, 'Μαρία Παπαδοπούλου', '2468');
    await tableTile(page, '5').waitFor();
    await screenshot(page, 'dashboard-03-floor');
  });

  it('shows a table a waiter opens, with its lines, within a second and without a reload', async () => {
    const tile = tableTile(page, '5');
    expect(await describedAs(tile)).toContain('Ελεύθερο');
    const opened = await api('POST', '/api/orders', nikos, {
      table_id: (await api('GET', '/api/tables', nikos)).body.find((t: { label: string }) => t.label === '5').id,
    });
    expect(opened.status).toBe(201);
    orderId = opened.body.id;
    await addLine('Μουσακάς', 2);
    const answered = Date.now();
    await expect.poll(() => describedAs(tile), { timeout: 1_000, interval: 25 }).toMatch(/Ανοιχτό[\s\S]*26,00\s€[\s\S]*Νίκος Γεωργίου/u);
    expect(Date.now() - answered).toBeLessThan(1_000);
    await screenshot(page, 'dashboard-04-floor-live');
  });

  it('86s a dish with one tap, and the API reports it unavailable', async () => {
    const id = await productId('Τζατζίκι');
    await openScreen(page, 'Μενού');
    const tzatziki = page.getByRole('switch', { name: 'Τζατζίκι' });
    await expect.poll(() => tzatziki.getAttribute('aria-checked')).toBe('true');
    await tzatziki.click();
    await expect.poll(() => tzatziki.getAttribute('aria-checked')).toBe('false');
    await expect
      .poll(async () => (await api('GET', '/api/products?include_unavailable=true', nikos)).body.find((p: { id: number }) => p.id === id).is_available)
      .toBe(false);
    expect((await api('POST', `/api/orders/${orderId}/items`, nikos, { items: [{ product_id: id, quantity: 1 }] })).status).toBe(409);
    await page.getByRole('searchbox').fill('μουσακα');
    await expect.poll(() => page.getByRole('switch').count()).toBe(1);
    await screenshot(page, 'dashboard-05-menu');
  });

  it('changes a price: new lines use it, lines already ordered keep theirs', async () => {
    await page.getByRole('button', { name: 'Επεξεργασία: Μουσακάς' }).click();
    const editor = page.getByRole('dialog', { name: 'Επεξεργασία: Μουσακάς' });
    await editor.getByLabel('Τιμή').fill('14,00');
    await screenshot(page, 'dashboard-06-product-editor');
    await editor.getByRole('button', { name: 'Αποθήκευση' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await api('GET', '/api/products', nikos)).body.find((p: { name: string }) => p.name === 'Μουσακάς').price_cents).toBe(1400);
    const [added] = await addLine('Μουσακάς');
    expect(added!.unit_price_cents).toBe(1400);
    const lines = (await api('GET', `/api/orders/${orderId}`, nikos)).body.items as Line[];
    expect(lines.filter((line) => line.name === 'Μουσακάς').map((line) => line.unit_price_cents)).toEqual([1300, 1400]);
  });

  it('voids a line with a reason from the order, and the void slip prints in the kitchen', async () => {
    await openScreen(page, 'Τραπέζια');
    await tableTile(page, '5').click();
    const order = page.getByRole('dialog', { name: 'Τραπέζι 5' });
    await order.getByRole('button', { name: 'Ακύρωση: Μουσακάς' }).first().click();
    const confirm = page.getByRole('dialog', { name: /Ακύρωση «2 × Μουσακάς»/ });
    await confirm.getByLabel('Αιτία').fill('Λάθος παραγγελία');
    await screenshot(page, 'dashboard-07-void-reason');
    await confirm.getByRole('button', { name: 'Ακύρωση είδους' }).click();
    const slip = await eventually(async () => printers.kitchen.tickets.find((ticket) => ticket.text.includes('*** ΑΚΥΡΩΣΗ ***')), 5_000, 'the void slip');
    expect(slip.text).toContain('2 x Μουσακάς');
    expect(slip.text).toContain('Αιτία: Λάθος παραγγελία');
    expect(slip.text).toContain('Ακύρωσε: Μαρία Παπαδοπούλου');
    await expect.poll(() => order.getByText('Ακυρώθηκε: Λάθος παραγγελία').count()).toBe(1);
    await screenshot(page, 'dashboard-08-order-detail');
    await order.getByRole('button', { name: 'Κλείσιμο', exact: true }).first().click();
  });

  it('raises an alert when the kitchen printer goes down, and clears it once the queue drains', async () => {
    await page.keyboard.press('Escape');
    await printers.kitchen.setMode('refuse');
    await addLine('Σαγανάκι');
    const alert = page.getByRole('alert').filter({ hasText: 'Ο εκτυπωτής «Κουζίνα» δεν απαντά' });
    await alert.waitFor();
    await screenshot(page, 'dashboard-09-printer-alert');
    const before = printers.kitchen.tickets.length;
    await printers.kitchen.setMode('normal');
    await eventually(async () => printers.kitchen.tickets.slice(before).find((ticket) => ticket.text.includes('1 x Σαγανάκι')), 5_000, 'the queued ticket');
    await alert.waitFor({ state: 'detached' });
    await openScreen(page, 'Εκτυπωτές');
    await page.getByRole('listitem', { name: 'Κουζίνα' }).getByText('Σε λειτουργία').waitFor();
    await screenshot(page, 'dashboard-10-printers');
  });

  it('shows the shift report with the API’s totals, exports CSV, and prints the Z summary on the bar printer', async () => {
    const lines = (await api('GET', `/api/orders/${orderId}`, nikos)).body.items as Line[];
    const unpaid = lines.filter((line) => line.status !== 'void' && line.status !== 'paid');
    expect(
      (await api('POST', `/api/orders/${orderId}/pay`, nikos, { items: unpaid.map((line) => ({ item_id: line.id })), method: 'card', tip_cents: 150 })).status,
    ).toBe(201);
    const totals = (await api('GET', '/api/reports/shift', maria)).body.totals;
    const euros = (cents: number) => new Intl.NumberFormat('el-GR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\s/gu, ' ');
    const shown = async (testId: string) => (await page.getByTestId(testId).textContent())?.replace(/\s/gu, ' ');

    await openScreen(page, 'Αναφορές');
    await expect.poll(() => shown('report-gross')).toBe(euros(totals.gross_cents));
    expect(totals.gross_cents).toBeGreaterThan(0);
    expect(await shown('report-card')).toBe(euros(totals.by_method.card));
    expect(await shown('report-tips')).toBe(euros(totals.tips_cents));
    await screenshot(page, 'dashboard-11-reports');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Εξαγωγή CSV' }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv).toContain(`Πωλήσεις,${(totals.gross_cents / 100).toFixed(2)}`);
    expect(csv).toContain('Μουσακάς');

    const before = printers.bar.tickets.length;
    await page.getByRole('button', { name: 'Εκτύπωση Ζ' }).click();
    const summary = await eventually(
      async () => printers.bar.tickets.slice(before).find((ticket) => ticket.text.includes('ΣΥΝΟΨΗ ΗΜΕΡΑΣ (Z)')),
      5_000,
      'the Z summary',
    );
    expect(summary.text).toContain(`${(totals.gross_cents / 100).toFixed(2).replace('.', ',')} EUR`);
  });

  it('shows every other screen: staff, tables, audit log and settings', async () => {
    for (const [name, file, landmark] of [
      ['Προσωπικό', 'dashboard-12-staff', 'Νέο μέλος'],
      ['Διάταξη', 'dashboard-13-tables', 'Προσθήκη περιοχής'],
      ['Ιστορικό', 'dashboard-14-audit', 'Ενέργεια'],
      ['Ρυθμίσεις', 'dashboard-15-settings', 'Έλεγχος τώρα'],
    ] as const) {
      await openScreen(page, name);
      await page.getByText(landmark, { exact: true }).first().waitFor();
      await screenshot(page, file);
    }
    const joinUrl = `http://tavli.local:${appliance.appliance.port}/join`;
    const qr = page.getByRole('img', { name: `Κωδικός QR για τη σελίδα ${joinUrl}` });
    await qr.scrollIntoViewIfNeeded();
    await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await screenshot(page, 'dashboard-15b-connect-a-phone');
    await openScreen(page, 'Ιστορικό');
    await page.getByRole('cell', { name: 'Ακύρωση είδους' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'Άρνηση εισόδου (ρόλος)' }).count()).toBeGreaterThan(0);
  });

  it('downloads the newest backup from the settings, byte for byte', async () => {
    const backup = await backupNow(appliance);
    await openScreen(page, 'Ρυθμίσεις');
    await page.getByTestId('latest-backup').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Λήψη του νεότερου αντιγράφου' }).click();
    expect((await download).suggestedFilename()).toBe(backup.name);
    expect(fs.readFileSync(await (await download).path()).equals(fs.readFileSync(backup.file))).toBe(true);
  });

  it('uploads an update bundle from the settings for the appliance’s installer', async () => {
    const bundle = Buffer.alloc(2 * 1024 * 1024, 3);
    await page.getByLabel('Αρχείο ενημέρωσης').setInputFiles({ name: 'tavli-0.2.0-arm64.tavli-update', mimeType: 'application/octet-stream', buffer: bundle });
    await page.getByRole('button', { name: 'Εγκατάσταση ενημέρωσης' }).click();
    await page.getByText('Ελήφθη: ο σταθμός το ελέγχει και το εγκαθιστά.').waitFor();
    expect(fs.readFileSync(`${appliance.dataDir}/updates/pending.tavli-update`).equals(bundle)).toBe(true);
    await screenshot(page, 'dashboard-15c-update');
  });

  it('fits a tablet held upright as well as sideways, every control at least 44 px, in Greek and in English', async () => {
    const smallControls = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, a[href], select, input:not([type=checkbox]):not([type=file])')]
          .filter((element) => element.offsetParent !== null)
          .map((element) => ({
            name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName,
            // A card's stretched button is tapped anywhere on its card: the card is its target.
            box: (element.classList.contains('stretched-button') ? element.parentElement! : element).getBoundingClientRect(),
          }))
          .filter(({ box }) => box.height < 44 || box.width < 44)
          .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 800, height: 1280 },
    ]) {
      await page.setViewportSize(viewport);
      for (const name of ['Τραπέζια', 'Μενού', 'Προσωπικό', 'Διάταξη', 'Εκτυπωτές', 'Αναφορές', 'Ιστορικό', 'Ρυθμίσεις']) {
        await openScreen(page, name);
        await page.waitForLoadState('networkidle');
        expect(await smallControls(), `${name} at ${viewport.width}×${viewport.height}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} scrolls sideways at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(0);
      }
    }
    await openScreen(page, 'Τραπέζια');
    await screenshot(page, 'dashboard-16-floor-portrait');
    await page.getByRole('button', { name: /^EN · / }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Floor' }).waitFor();
    expect(await describedAs(tableTile(page, '1'))).toContain('Free');
    await screenshot(page, 'dashboard-17-floor-english');
  });
});
