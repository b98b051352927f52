import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepEvidenceOfFailures, launchChromium, openPhone, screenshot, signIn, startTestAppliance, tableTile, type TestAppliance } from './support';

describe('a waiter correcting a table that was already sent', () => {
  let appliance: TestAppliance;
  let browser: Browser;
  let nikos: string;
  let maria: string;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance(), launchChromium()]);
    [nikos, maria] = await Promise.all([appliance.login('nikos'), appliance.login('maria')]);
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures();

  async function sentTable(label: string, dishes: string[]) {
    const tables = (await appliance.call('GET', '/api/tables', { token: nikos })).body as Array<{ id: number; label: string }>;
    const products = (await appliance.call('GET', '/api/products', { token: nikos })).body as Array<{ id: number; name: string }>;
    const order = (await appliance.call('POST', '/api/orders', { token: nikos, body: { table_id: tables.find((table) => table.label === label)!.id } })).body;
    const items = dishes.map((name) => ({ product_id: products.find((product) => product.name === name)!.id, quantity: 1 }));
    expect((await appliance.call('POST', `/api/orders/${order.id}/items`, { token: nikos, body: { items } })).status).toBe(201);
    return order.id as string;
  }

  it('voids a sent dish with a manager’s PIN typed on the phone; the audit log shows both, and the phone keeps no manager session', async () => {
    const orderId = await sentTable('7', ['Μουσακάς', 'Χωριάτικη']);
    const { page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '7').click();
    await page.getByRole('button', { name: /^Παραγγελία/ }).click();
    await page.getByRole('button', { name: 'Ακύρωση: Μουσακάς' }).click();

    const sheet = page.getByRole('dialog', { name: 'Ακύρωση «1× Μουσακάς»' });
    await sheet.getByLabel('Αιτία').fill('Ο πελάτης άλλαξε γνώμη');
    await sheet.getByRole('button', { name: 'Μαρία Παπαδοπούλου' }).click();
    for (const digit of '1111') await sheet.getByRole('button', { name: digit, exact: true }).click();
    await sheet.getByRole('button', { name: 'Ακύρωση', exact: true }).click();
    await sheet.getByText('Λάθος PIN υπευθύνου').waitFor();
    for (const digit of '2468') await sheet.getByRole('button', { name: digit, exact: true }).click();
    await screenshot(page, 'corrections-01-manager-approval');
    await sheet.getByRole('button', { name: 'Ακύρωση', exact: true }).click();
    await sheet.waitFor({ state: 'detached' });

    await expect
      .poll(async () =>
        (await appliance.call('GET', `/api/orders/${orderId}`, { token: nikos })).body.items.map(
          (line: { name: string; status: string }) => `${line.name}:${line.status}`,
        ),
      )
      .toContain('Μουσακάς:void');
    await page.getByText('ακυρώθηκε', { exact: true }).waitFor();
    await screenshot(page, 'corrections-02-voided');
    const [entry] = (await appliance.call('GET', '/api/audit?type=void', { token: maria })).body.entries;
    expect(entry).toMatchObject({
      user: { full_name: 'Μαρία Παπαδοπούλου' },
      details: { requested_by: { full_name: 'Νίκος Γεωργίου' }, reason: 'Ο πελάτης άλλαξε γνώμη' },
    });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).toContain('nikos');
    expect(stored).not.toContain('maria');
  });

  it('moves the table to a free one and adds an assisting waiter from the phone', async () => {
    const orderId = await sentTable('8', ['Τζατζίκι']);
    const { page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '8').click();
    await page.getByRole('button', { name: 'Ενέργειες τραπεζιού' }).click();
    await screenshot(page, 'corrections-03-table-actions');
    await page.getByRole('button', { name: 'Μεταφορά σε άλλο τραπέζι' }).click();
    await page.getByRole('button', { name: /^11 · / }).click();
    await page.getByRole('heading', { name: 'Τραπέζι 11' }).waitFor();

    await page.getByRole('button', { name: 'Ενέργειες τραπεζιού' }).click();
    await page.getByRole('button', { name: 'Βοηθός σερβιτόρος' }).click();
    await page.getByRole('button', { name: 'Ελένη Κωνσταντίνου' }).click();
    await expect
      .poll(async () => {
        const order = (await appliance.call('GET', `/api/orders/${orderId}`, { token: maria })).body;
        return `${order.table_label} ${order.waiters.map((waiter: { full_name: string }) => waiter.full_name).join(', ')}`;
      })
      .toBe('11 Νίκος Γεωργίου, Ελένη Κωνσταντίνου');
  });
});
