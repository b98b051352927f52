import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepEvidenceOfFailures, launchChromium, openPhone, screenshot, signIn, startTestAppliance, tableTile, type TestAppliance } from './support';

/** Elements matching `selector` whose text does not fit their box (cut off or run over). */
const overflowing = (page: Page, selector: string) =>
  page.evaluate(
    (css) =>
      [...document.querySelectorAll<HTMLElement>(css)]
        .filter(
          (element) => element.offsetParent !== null && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1),
        )
        .map((element) => element.textContent),
    selector,
  );

describe('the waiter app on a 390×844 phone', () => {
  let appliance: TestAppliance;
  let browser: Browser;
  let nikos: string;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance(), launchChromium()]);
    nikos = await appliance.login('nikos');
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures();

  it('shows a big table’s unpaid amount, the order footer, long dish names, the last category and the bill without clipping or touching the edges', async () => {
    const tables = (await appliance.call('GET', '/api/tables', { token: nikos })).body as Array<{ id: number; label: string }>;
    const products = (await appliance.call('GET', '/api/products', { token: nikos })).body as Array<{ id: number; name: string }>;
    const order = (await appliance.call('POST', '/api/orders', { token: nikos, body: { table_id: tables.find((table) => table.label === '2')!.id } })).body;
    const lamb = products.find((product) => product.name === 'Κλέφτικο')!;
    await appliance.call('POST', `/api/orders/${order.id}/items`, { token: nikos, body: { items: [{ product_id: lamb.id, quantity: 88 }] } });

    const { page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '2').waitFor();
    expect(await overflowing(page, '.table-unpaid, .table-meta-line')).toEqual([]);
    await screenshot(page, 'layout-01-tables');

    await tableTile(page, '2').click();
    await page.getByRole('tab', { name: 'Ορεκτικά' }).click();
    expect(await overflowing(page, '.product-name')).toEqual([]);
    await page.getByRole('button', { name: 'Κολοκυθοκεφτέδες' }).click();
    expect(await overflowing(page, '.review-label, .review-summary')).toEqual([]);
    await screenshot(page, 'layout-02-order');

    const lastTab = page.getByRole('tab').last();
    await lastTab.click();
    const lastName = await lastTab.textContent();
    await page.getByRole('button', { name: 'Πίσω' }).click();
    await tableTile(page, '3').click();
    const selected = page.getByRole('tab', { name: lastName ?? '', exact: true });
    await expect.poll(() => selected.getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() =>
        selected.evaluate((tab) => {
          const strip = tab.parentElement!.getBoundingClientRect();
          const box = tab.getBoundingClientRect();
          return box.left >= strip.left - 1 && box.right <= strip.right + 1;
        }),
      )
      .toBe(true);
    await screenshot(page, 'layout-03-last-category');

    const pay = await appliance.call('GET', `/api/orders/${order.id}`, { token: nikos });
    await appliance.call('POST', `/api/orders/${order.id}/pay`, {
      token: nikos,
      body: { items: pay.body.items.map((line: { id: string }) => ({ item_id: line.id })), method: 'card' },
    });
    await page.getByRole('button', { name: 'Πίσω' }).click();
    await tableTile(page, '2').click();
    await page.getByRole('button', { name: 'Λογαριασμός' }).click();
    await page
      .getByText('Πληρωμένα', { exact: true })
      .or(page.getByRole('heading', { name: /πληρωμ/i }))
      .first()
      .waitFor();
    const edges = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.bill .notice, .bill .line-section.sent .line')].map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left, right: window.innerWidth - box.right };
      }),
    );
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) expect(Math.min(edge.left, edge.right)).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'layout-04-bill-paid');
  });
});
