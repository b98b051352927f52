import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../src/features/order/api';
import {
  keepEvidenceOfFailures,
  launchChromium,
  openPhone,
  screenshot,
  signIn,
  startTestAppliance,
  tableTile,
  waitForOfflineCopy,
  waitForServiceWorker,
  type TestAppliance,
} from './support';

describe('a waiter whose Wi-Fi drops', () => {
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

  it('opens the tables and then, signed out, the sign-in screen with the network off: each first screen’s code is precached', async () => {
    const { context, page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await waitForServiceWorker(page);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '1').waitFor();
    await waitForOfflineCopy(page, '"label":"1"');

    // A reload with no network: the signed-in screens' chunk, then the sign-in screen's, come from the service worker.
    await context.setOffline(true);
    await page.reload();
    await tableTile(page, '1').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Έξοδος' }).click();
    await page.getByRole('heading', { name: 'Το PIN σου, Νίκος Γεωργίου' }).waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('keeps lines sent while offline, even through a reload, and the appliance receives each exactly once when the Wi-Fi returns', async () => {
    const { context, page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await waitForServiceWorker(page);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '7').click();
    await page.getByRole('button', { name: 'Τζατζίκι' }).waitFor();
    const orderId = new URL(page.url()).hash.match(/order\/([0-9a-f-]{36})/)![1]!;
    const token = await appliance.login('nikos');
    const linesOnAppliance = async () => (await appliance.call<Order>('GET', `/api/orders/${orderId}`, { token })).body.items;
    // The table was opened while the Wi-Fi was still up.
    await expect.poll(async () => (await appliance.call('GET', `/api/orders/${orderId}`, { token })).status, { timeout: 10_000 }).toBe(200);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Τζατζίκι' }).click();
    await page.getByRole('button', { name: 'Τζατζίκι' }).click();
    await page.getByRole('button', { name: 'Φάβα Σαντορίνης' }).click();
    await page.getByRole('dialog', { name: 'Φάβα Σαντορίνης' }).getByRole('checkbox', { name: 'χωρίς κάπαρη' }).check();
    await page.getByRole('button', { name: /^Προσθήκη/ }).click();
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.getByText(/θα σταλούν μόλις επανέλθει η σύνδεση/).waitFor();

    await page.getByRole('tab', { name: 'Ποτά' }).click();
    await page.getByRole('button', { name: 'Μπίρα Άλφα 500ml' }).click();
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.getByText('2 αλλαγές περιμένουν αποστολή').waitFor({ timeout: 10_000 });
    await page.getByText(/Χωρίς σύνδεση με τον σταθμό/).waitFor();
    await screenshot(page, '12-offline-waiting');

    // The phone reloads the app with no network: the service worker serves it, the queue is still there.
    await page.reload();
    await page.getByText('2 αλλαγές περιμένουν αποστολή').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /Παραγγελία/ }).click();
    expect(await page.getByText('περιμένει αποστολή').count()).toBe(3);
    await screenshot(page, '13-offline-after-reload');

    expect(await linesOnAppliance()).toEqual([]);

    await context.setOffline(false);
    await page.getByText(/περιμένουν αποστολή/).waitFor({ state: 'detached', timeout: 15_000 });
    await screenshot(page, '14-back-online-sent');

    // Give the replay timer time to misbehave, then count.
    await page.waitForTimeout(4_000);
    const lines = await linesOnAppliance();
    expect(lines.map((line) => [line.name, line.quantity, line.removed_ingredients.map((i) => i.name)])).toEqual([
      ['Τζατζίκι', 2, []],
      ['Φάβα Σαντορίνης', 1, ['κάπαρη']],
      ['Μπίρα Άλφα 500ml', 1, []],
    ]);
    expect(new Set(lines.map((line) => line.id)).size).toBe(3);
  });

  it('a dish that ran out while the phone was offline comes back refused, with the reason and a fix, never silently dropped', async () => {
    const { context, page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await signIn(page, 'Ελένη Κωνσταντίνου', '8642');
    await tableTile(page, '9').click();
    await page.getByRole('button', { name: 'Σαγανάκι' }).waitFor();
    const orderId = new URL(page.url()).hash.match(/order\/([0-9a-f-]{36})/)![1]!;

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Σαγανάκι' }).click();
    await page.getByRole('button', { name: 'Ταραμοσαλάτα' }).click();
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.getByText(/θα σταλούν μόλις επανέλθει η σύνδεση/).waitFor();

    const maria = await appliance.login('maria');
    const products = (await appliance.call<Array<{ id: number; name: string }>>('GET', '/api/products/', { token: maria })).body;
    const saganaki = products.find((product) => product.name === 'Σαγανάκι')!;
    await appliance.call('PUT', `/api/products/${saganaki.id}`, { token: maria, body: { is_available: false } });

    await context.setOffline(false);
    await page.getByText('1 αλλαγή απορρίφθηκε — πάτησε για διόρθωση').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Λεπτομέρειες' }).click();
    const sheet = page.getByRole('dialog', { name: 'Σε αναμονή αποστολής' });
    await sheet.getByText('Απορρίφθηκε: Το προϊόν δεν είναι διαθέσιμο.').waitFor();
    await screenshot(page, '15-refused-with-a-fix');
    await sheet.getByRole('button', { name: 'Αφαίρεση «Σαγανάκι», αποστολή των υπολοίπων' }).click();
    await sheet.getByText('Όλα έχουν σταλεί.').waitFor({ timeout: 10_000 });

    const token = await appliance.login('eleni');
    const lines = (await appliance.call<Order>('GET', `/api/orders/${orderId}`, { token })).body.items;
    expect(lines.map((line) => [line.name, line.quantity])).toEqual([['Ταραμοσαλάτα', 1]]);
  });

  it('a waiter whose session ran out is asked for the PIN again, and what was queued is sent once after it', async () => {
    const { context, page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await waitForServiceWorker(page);
    await signIn(page, 'Γιώργος Δημητρίου', '9753');
    await tableTile(page, '10').click();
    await page.getByRole('button', { name: 'Τζατζίκι' }).waitFor();
    const orderId = new URL(page.url()).hash.match(/order\/([0-9a-f-]{36})/)![1]!;

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Κολοκυθοκεφτέδες' }).click();
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.getByText(/θα σταλούν μόλις επανέλθει η σύνδεση/).waitFor();

    // The appliance no longer accepts the token (as after its 8 hours), and the phone reloads.
    await page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem('tavli.session')!);
      saved.state.token = `${saved.state.token}x`;
      localStorage.setItem('tavli.session', JSON.stringify(saved));
    });
    await page.reload();
    await context.setOffline(false);
    await page.getByText(/Η σύνδεσή σου έληξε/).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Το PIN σου, Γιώργος Δημητρίου' }).waitFor();
    await screenshot(page, '16-session-ended-pin');
    for (const digit of '9753') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Είσοδος' }).click();

    const token = await appliance.login('giorgos');
    const linesOnAppliance = async () => (await appliance.call<Order>('GET', `/api/orders/${orderId}`, { token })).body.items;
    await expect.poll(async () => (await linesOnAppliance()).length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(3_000);
    expect((await linesOnAppliance()).map((line) => [line.name, line.quantity])).toEqual([['Κολοκυθοκεφτέδες', 1]]);
  });
});
