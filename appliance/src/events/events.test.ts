import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUEUED_EVENTS, MAX_STREAMS_PER_USER } from './events.routes.js';
import { openEventStream } from '../test/event-stream.js';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('live updates reach every open screen', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  beforeAll(async () => {
    f = factories(app);
  });

  it("shows a colleague's newly opened table within a second, but not the order itself", async () => {
    const nikos = await app.login('nikos');
    const eleniStream = openEventStream(app.url, await app.login('eleni'));
    const nikosStream = openEventStream(app.url, nikos);
    await Promise.all([eleniStream.ready, nikosStream.ready]);
    const sentAt = Date.now();
    const order = await f.openOrder(nikos);
    const tzatziki = await f.product({ price_cents: 450 });
    await f.addLines(nikos, order.id, [f.line(tzatziki.id)]);
    const tableEvent = await eleniStream.next((e) => e.event === 'table.updated' && e.data.order_id === order.id && e.data.item_count === 1);
    expect(tableEvent.at - sentAt).toBeLessThan(1000);
    expect(tableEvent.data).toMatchObject({ label: order.table.label, state: 'open', total_cents: 450 });
    const own = await nikosStream.next((e) => e.event === 'order.updated' && e.data.id === order.id && e.data.total_cents === 450);
    expect(own.data.unpaid_cents).toBe(450);
    expect(eleniStream.events.some((e) => e.event === 'order.updated')).toBe(false);
    eleniStream.close();
    nikosStream.close();
  });

  it('says in every answer and in `ready` which events they include, so a screen can tell whether it must ask again', async () => {
    const nikos = await app.login('nikos');
    await f.openOrder(nikos);
    const tables = await app.call('GET', '/api/tables', { token: nikos });
    const asOf = Number(tables.headers.get('x-event-id'));
    expect(asOf).toBeGreaterThan(0);
    const stream = openEventStream(app.url, nikos);
    const ready = await stream.next((e) => e.event === 'ready');
    expect(ready.data.last_event_id).toBe(asOf);
    await f.openOrder(nikos);
    await stream.next((e) => e.event === 'table.updated');
    expect(Number((await app.call('GET', '/api/tables', { token: nikos })).headers.get('x-event-id'))).toBeGreaterThan(asOf);
    stream.close();
  });

  it('tells every phone at once when a product is marked unavailable', async () => {
    const dakos = await f.product();
    const nikosStream = openEventStream(app.url, await app.login('nikos'));
    await nikosStream.ready;
    const maria = await app.login('maria');
    await app.call('PUT', `/api/products/${dakos.id}`, { token: maria, body: { is_available: false } });
    const event = await nikosStream.next((e) => e.event === 'product.updated' && e.data.id === dakos.id);
    expect(event.data.is_available).toBe(false);
    nikosStream.close();
  });

  it('drops a screen that stops reading instead of queueing for it without limit, and keeps serving the others', async () => {
    const token = await app.login('maria');
    const { events } = app.appliance.ctx;
    const reading = openEventStream(app.url, await app.login('nikos'));
    await reading.ready;
    const listenersBefore = events.subscriberCount;
    const asleep = net.connect(Number(new URL(app.url).port), '127.0.0.1');
    asleep.write(`GET /api/events?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: tavli\r\n\r\n`);
    asleep.pause();
    const closed = new Promise<void>((resolve) => asleep.once('close', () => resolve()));
    await until(() => events.subscriberCount === listenersBefore + 1);
    const label = 'Τ'.repeat(10_000);
    for (let i = 0; i < 4 * MAX_QUEUED_EVENTS; i++) {
      events.publish({ type: 'table.updated', data: { id: -1, label } as never });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(events.subscriberCount).toBe(listenersBefore);
    asleep.resume();
    await closed;
    await reading.next((e) => e.event === 'table.updated' && e.data.id === -1);
    reading.close();
  });

  it('refuses the stream without a valid token', async () => {
    const stream = openEventStream(app.url, 'not-a-token');
    await expect(stream.ready).rejects.toThrow(/401/);
  });
});

describe('a live stream whose session ended', () => {
  const app = withAppliance();
  const within = (promise: Promise<void>, ms: number) =>
    Promise.race([promise.then(() => 'closed'), new Promise<string>((resolve) => setTimeout(() => resolve('still open'), ms))]);

  it('closes when the waiter’s PIN is reset (or role changed, or the user deactivated), at the next event', async () => {
    const [nikos, maria] = await Promise.all([app.login('nikos'), app.login('maria')]);
    const stream = openEventStream(app.url, nikos);
    await stream.ready;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const staff = (await app.call('GET', '/api/waiters', { token: maria })).body as Array<{ id: number; username: string }>;
    const id = staff.find((member) => member.username === 'nikos')!.id;
    expect((await app.call('PUT', `/api/waiters/${id}`, { token: maria, body: { pin: '5731' } })).status).toBe(200);
    const tables = (await app.call('GET', '/api/tables', { token: maria })).body as Array<{ id: number; state: string }>;
    await app.call('POST', '/api/orders', { token: maria, body: { table_id: tables.find((table) => table.state === 'available')!.id } });
    expect(await within(stream.closed, 3_000)).toBe('closed');
  });

  it('lets one user hold a few streams at most: a further one closes their oldest', async () => {
    const eleni = await app.login('eleni');
    const streams = Array.from({ length: MAX_STREAMS_PER_USER + 1 }, () => openEventStream(app.url, eleni));
    await streams[0]!.ready;
    for (const stream of streams.slice(1)) await stream.ready;
    expect(await within(streams[0]!.closed, 3_000)).toBe('closed');
    expect(await within(streams[1]!.closed, 300)).toBe('still open');
    for (const stream of streams) stream.close();
  });
});
