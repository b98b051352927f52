import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

describe('a double tap or a replayed request never orders a dish twice', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  let nikos: string;
  beforeAll(async () => {
    f = factories(app);
    nikos = await app.login('nikos');
  });

  const linesOf = async (orderId: string) => (await app.call('GET', `/api/orders/${orderId}`, { token: nikos })).body.items;

  it('stores a line id sent twice once, and answers the repeat with the stored line', async () => {
    const order = await f.openOrder(nikos);
    const moussaka = await f.product({ price_cents: 1300 });
    const line = f.line(moussaka.id, { quantity: 2 });
    const first = await f.addLines(nikos, order.id, [line]);
    const repeat = await f.addLines(nikos, order.id, [line]);
    expect(first.status).toBe(201);
    expect(repeat.status).toBeLessThan(300);
    // The same lines; only their ticket's progress (print_status) may have moved on meanwhile.
    const withoutPrintStatus = (items: Array<{ print_status: string }>) => items.map((item) => ({ ...item, print_status: undefined }));
    expect(withoutPrintStatus(repeat.body.items)).toEqual(withoutPrintStatus(first.body.items));
    expect(await linesOf(order.id)).toHaveLength(1);
    expect(repeat.body.total_cents).toBe(2600);
  });

  it('stores the lines of two identical racing requests once', async () => {
    const order = await f.openOrder(nikos);
    const pastitsio = await f.product();
    const lines = [f.line(pastitsio.id), f.line(pastitsio.id, { note: 'χωρίς μπεσαμέλ' })];
    const results = await Promise.all(Array.from({ length: 5 }, () => f.addLines(nikos, order.id, lines)));
    for (const result of results) expect([200, 201, 409]).toContain(result.status);
    expect(await linesOf(order.id)).toHaveLength(2);
  });

  it('adds only the new lines when a replay carries old and new ones together', async () => {
    const order = await f.openOrder(nikos);
    const fries = await f.product({ options: [{ name: 'με τυρί', extra_cost_cents: 50 }] });
    const old = f.line(fries.id);
    await f.addLines(nikos, order.id, [old]);
    const fresh = f.line(fries.id, { option_ids: [fries.options[0].id] });
    const response = await f.addLines(nikos, order.id, [old, fresh]);
    expect(response.body.items.map((l: { id: string }) => l.id)).toEqual([old.id, fresh.id]);
    expect(await linesOf(order.id)).toHaveLength(2);
  });

  it('refuses a line id that already belongs to another table with 409', async () => {
    const a = await f.openOrder(nikos);
    const b = await f.openOrder(nikos);
    const fries = await f.product({ options: [{ name: 'με τυρί', extra_cost_cents: 50 }] });
    const line = f.line(fries.id);
    await f.addLines(nikos, a.id, [line]);
    const response = await f.addLines(nikos, b.id, [line]);
    expect(response.status).toBe(409);
    expect(await linesOf(b.id)).toHaveLength(0);
  });

  it('replays an Idempotency-Key with the first answer and refuses the key for another body with 422', async () => {
    const order = await f.openOrder(nikos);
    const coffee = await f.product({ zone: 'Μπαρ' });
    const body = { items: [{ product_id: coffee.id, quantity: 1 }] };
    const headers = { 'idempotency-key': 'phone-7-command-0001' };
    const first = await app.call('POST', `/api/orders/${order.id}/items`, { token: nikos, body, headers });
    const replay = await app.call('POST', `/api/orders/${order.id}/items`, { token: nikos, body, headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await linesOf(order.id)).toHaveLength(1);
    const other = await app.call('POST', `/api/orders/${order.id}/items`, { token: nikos, body: { items: [{ product_id: coffee.id, quantity: 3 }] }, headers });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('answers racing requests with one Idempotency-Key by acting once', async () => {
    const order = await f.openOrder(nikos);
    const coffee = await f.product({ zone: 'Μπαρ' });
    const body = { items: [{ product_id: coffee.id, quantity: 1 }] };
    const headers = { 'idempotency-key': 'phone-7-command-0002' };
    const results = await Promise.all(Array.from({ length: 4 }, () => app.call('POST', `/api/orders/${order.id}/items`, { token: nikos, body, headers })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.items[0].id)).size).toBe(1);
    expect(await linesOf(order.id)).toHaveLength(1);
  });

  it('replays a stored rejection too, so a retried failed command gets the same answer', async () => {
    const table = await f.table();
    await f.openOrder(await app.login('eleni'), { table });
    const headers = { 'idempotency-key': 'phone-7-command-0003' };
    const first = await app.call('POST', '/api/orders', { token: nikos, body: { table_id: table.id }, headers });
    const again = await app.call('POST', '/api/orders', { token: nikos, body: { table_id: table.id }, headers });
    expect(first.status).toBe(409);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
  });

  it('never sells more limited stock than there is, even to racing waiters', async () => {
    const octopus = await f.product({ stock_remaining: 6 });
    const tokens = [nikos, await app.login('eleni'), await app.login('giorgos')];
    const orders = await Promise.all(tokens.map((token) => f.openOrder(token)));
    const results = await Promise.all(orders.map((order, i) => f.addLines(tokens[i]!, order.id, [f.line(octopus.id, { quantity: 4 })])));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.error).toMatchObject({ code: 'out_of_stock', details: { stock_remaining: 2 } });
    const last = await f.addLines(tokens[1]!, orders[1]!.id, [f.line(octopus.id, { quantity: 2 })]);
    expect(last.status).toBe(201);
    const soldOut = await f.addLines(tokens[2]!, orders[2]!.id, [f.line(octopus.id)]);
    expect(soldOut.status).toBe(409);
    const menu = await app.call('GET', '/api/products', { token: nikos });
    expect(menu.body.find((p: { id: number }) => p.id === octopus.id)).toBeUndefined();
  });
});
