import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

describe('paying and closing a table', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  let nikos: string;
  beforeAll(async () => {
    f = factories(app);
    nikos = await app.login('nikos');
  });

  async function orderWith(items: Array<[string, number]>) {
    const order = await f.openOrder(nikos);
    const lines = [];
    for (const [name, quantity] of items) lines.push(f.line((await f.productNamed(name)).id, { quantity }));
    await f.addLines(nikos, order.id, lines);
    return { order, lines };
  }
  const pay = (orderId: string, body: unknown) => app.call('POST', `/api/orders/${orderId}/pay`, { token: nikos, body });

  it('splits a line when part of its quantity is paid, keeping the original id for the unpaid rest', async () => {
    const { order, lines } = await orderWith([['Μπίρα Άλφα 500ml', 3]]);
    const response = await pay(order.id, { items: [{ item_id: lines[0]!.id, quantity: 1 }], method: 'cash' });
    expect(response.status).toBe(201);
    expect(response.body.payment).toMatchObject({ method: 'cash', amount_cents: 450, tip_cents: 0 });
    const items = response.body.order.items;
    expect(items.find((l: { id: string }) => l.id === lines[0]!.id)).toMatchObject({ quantity: 2, status: 'pending' });
    expect(items.find((l: { split_from: string | null }) => l.split_from === lines[0]!.id)).toMatchObject({ quantity: 1, status: 'paid', vat_rate_bp: 2400 });
    expect(response.body.order).toMatchObject({ status: 'partially_paid', total_cents: 1350, paid_cents: 450, unpaid_cents: 900 });
    const table = (await app.call('GET', '/api/tables', { token: nikos })).body.find((t: { id: number }) => t.id === order.table_id);
    expect(table).toMatchObject({ state: 'partially_paid', unpaid_cents: 900, item_count: 3 });
  });

  it('refuses to charge an already-paid line again with 409', async () => {
    const { order, lines } = await orderWith([['Ντάκος', 1]]);
    expect((await pay(order.id, { items: [{ item_id: lines[0]!.id }], method: 'card' })).status).toBe(201);
    const again = await pay(order.id, { items: [{ item_id: lines[0]!.id }], method: 'card' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_paid');
  });

  it('charges a line exactly once when two devices pay it at the same moment', async () => {
    const { order, lines } = await orderWith([
      ['Κλέφτικο', 1],
      ['Γεμιστά', 1],
    ]);
    const body = { items: lines.map((l) => ({ item_id: l.id })), method: 'card' };
    const results = await Promise.all([pay(order.id, body), pay(order.id, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = await app.call('GET', `/api/orders/${order.id}`, { token: nikos });
    expect(after.body.payments).toHaveLength(1);
    expect(after.body).toMatchObject({ status: 'paid', paid_cents: 2700, unpaid_cents: 0 });
  });

  it('refuses paying more of a line than was ordered', async () => {
    const { order, lines } = await orderWith([['Φραπέ', 2]]);
    const response = await pay(order.id, { items: [{ item_id: lines[0]!.id, quantity: 3 }], method: 'cash' });
    expect(response.status).toBe(400);
  });

  it('keeps a table with unpaid items open, then frees it once everything is paid and closed', async () => {
    const { order, lines } = await orderWith([
      ['Χωριάτικη', 1],
      ['Νερό 1L', 2],
    ]);
    const early = await app.call('POST', `/api/orders/${order.id}/close`, { token: nikos, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('unpaid_items');
    await pay(order.id, { items: [{ item_id: lines[0]!.id }], method: 'card', tip_cents: 100 });
    await pay(order.id, { items: [{ item_id: lines[1]!.id }], method: 'cash' });
    const closed = await app.call('POST', `/api/orders/${order.id}/close`, { token: nikos });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const table = (await app.call('GET', '/api/tables', { token: nikos })).body.find((t: { id: number }) => t.id === order.table_id);
    expect(table).toMatchObject({ state: 'available', order_id: null, total_cents: 0 });
    expect((await f.openOrder(nikos, { table: order.table })).id).not.toBe(order.id);
  });

  it('lets a manager close an unpaid table only with a reason', async () => {
    const { order } = await orderWith([['Σαγανάκι', 1]]);
    const maria = await app.login('maria');
    expect((await app.call('POST', `/api/orders/${order.id}/close`, { token: maria, body: {} })).status).toBe(400);
    const closed = await app.call('POST', `/api/orders/${order.id}/close`, { token: maria, body: { reason: 'Ο πελάτης έφυγε' } });
    expect(closed.status).toBe(200);
    expect(closed.body.close_reason).toBe('Ο πελάτης έφυγε');
  });

  it('lets a manager void an unpaid line with a reason, taking it off the bill', async () => {
    const { order, lines } = await orderWith([
      ['Σαγανάκι', 1],
      ['Τζατζίκι', 1],
    ]);
    const maria = await app.login('maria');
    const byWaiter = await app.call('DELETE', `/api/orders/${order.id}/items/${lines[0]!.id}`, { token: nikos, body: { reason: 'λάθος' } });
    expect(byWaiter.status).toBe(403);
    const voided = await app.call('DELETE', `/api/orders/${order.id}/items/${lines[0]!.id}`, { token: maria, body: { reason: 'λάθος παραγγελία' } });
    expect(voided.status).toBe(200);
    expect(voided.body.items[0]).toMatchObject({ status: 'void', void_reason: 'λάθος παραγγελία' });
    expect(voided.body).toMatchObject({ total_cents: 450, unpaid_cents: 450 });
    expect((await app.call('DELETE', `/api/orders/${order.id}/items/${lines[0]!.id}`, { token: maria, body: { reason: 'ξανά' } })).status).toBe(409);
  });

  it('lets a manager cancel an order with a reason, freeing the table', async () => {
    const { order } = await orderWith([['Τζατζίκι', 1]]);
    const maria = await app.login('maria');
    expect((await app.call('DELETE', `/api/orders/${order.id}`, { token: maria, body: {} })).status).toBe(400);
    const cancelled = await app.call('DELETE', `/api/orders/${order.id}/`, { token: maria, body: { reason: 'δοκιμή' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const table = (await app.call('GET', '/api/tables', { token: nikos })).body.find((t: { id: number }) => t.id === order.table_id);
    expect(table.state).toBe('available');
  });

  it('moves an order to a free table and refuses an occupied one', async () => {
    const { order } = await orderWith([['Τζατζίκι', 1]]);
    const target = (await f.openOrder(nikos)).table;
    expect((await app.call('POST', `/api/orders/${order.id}/move`, { token: nikos, body: { table_id: target.id } })).status).toBe(409);
    const free = await f.table();
    const moved = await app.call('POST', `/api/orders/${order.id}/move`, { token: nikos, body: { table_id: free.id } });
    expect(moved.body).toMatchObject({ table_id: free.id, table_label: free.label });
    const tables = (await app.call('GET', '/api/tables', { token: nikos })).body;
    expect(tables.find((t: { id: number }) => t.id === order.table.id).state).toBe('available');
    expect(tables.find((t: { id: number }) => t.id === free.id).state).toBe('open');
  });

  it('merges two tables of one waiter into one bill', async () => {
    const a = await orderWith([['Τζατζίκι', 1]]);
    const b = await orderWith([['Φάβα Σαντορίνης', 2]]);
    const merged = await app.call('POST', `/api/orders/${a.order.id}/merge`, { token: nikos, body: { from_order_id: b.order.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.items).toHaveLength(2);
    expect(merged.body.total_cents).toBe(450 + 1240);
    const source = await app.call('GET', `/api/orders/${b.order.id}`, { token: nikos });
    expect(source.body.status).toBe('closed');
  });
});
