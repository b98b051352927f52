import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/client';
import { COMMAND_FORMAT, type Command, type CommandInput } from './commands';
import { openOutboxDb } from './db';
import { createOutbox } from './outbox';

let dbCount = 0;
const ORDER_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ORDER_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

type Reply = ApiResult<string> | Promise<ApiResult<string>>;
const ok = (data = 'ok'): ApiResult<string> => ({ ok: true, status: 201, data });
const offline: ApiResult<string> = { ok: false, failure: { kind: 'network', message: 'Failed to fetch' } };
const refused = (status: number, code: string, details?: unknown): ApiResult<string> => ({
  ok: false,
  failure: { kind: 'http', status, code, message: code, details },
});

/** An outbox on a fresh IndexedDB, whose "appliance" answers with `reply` and records what it got. */
async function setup(reply: (command: Command) => Reply = () => ok(), options: { name?: string; userId?: () => number | undefined } = {}) {
  const name = options.name ?? `outbox-test-${++dbCount}`;
  const db = await openOutboxDb(name);
  const sent: Command[] = [];
  let signedOut = 0;
  const outbox = createOutbox<string>({
    db,
    send: async (command) => {
      sent.push(command);
      return reply(command);
    },
    currentUserId: options.userId ?? (() => 2),
    onSignedOut: () => signedOut++,
  });
  return { db, name, outbox, sent, signedOut: () => signedOut };
}

const open = (orderId = ORDER_A, tableId = 3): CommandInput => ({
  kind: 'open',
  orderId,
  tableId,
  tableLabel: String(tableId),
  body: { table_id: tableId, id: orderId },
});
const lines = (orderId = ORDER_A, ...productIds: number[]): CommandInput => ({
  kind: 'add_items',
  orderId,
  tableId: 3,
  tableLabel: '3',
  body: {
    items: productIds.map((product_id, index) => ({ id: `0000000${index}-0000-4000-8000-${String(product_id).padStart(12, '0')}`, product_id, quantity: 1 })),
  },
});

describe('the offline outbox', () => {
  it('keeps a command tapped without a network and sends it once the appliance answers again', async () => {
    let online = false;
    const { outbox, sent } = await setup(() => (online ? ok() : offline));
    const { attempt } = await outbox.enqueue(lines(ORDER_A, 7));
    expect((await attempt)?.outcome).toBe('kept');
    expect(await outbox.list()).toHaveLength(1);

    online = true;
    expect(await outbox.flush()).toBe('done');
    expect(await outbox.list()).toHaveLength(0);
    expect(sent.map((command) => command.key)).toEqual([sent[0]!.key, sent[0]!.key]); // the same Idempotency-Key both times
  });

  it('nothing is lost when the app reloads: the queue is still there in IndexedDB', async () => {
    const first = await setup(() => offline);
    await (
      await first.outbox.enqueue(open())
    ).attempt;
    await (
      await first.outbox.enqueue(lines(ORDER_A, 7, 8))
    ).attempt;
    first.db.close();
    const second = await setup(() => ok(), { name: first.name });
    expect((await second.outbox.list()).map((command) => command.kind)).toEqual(['open', 'add_items']);
    await second.outbox.flush();
    expect(second.sent.map((command) => command.kind)).toEqual(['open', 'add_items']);
    expect(await second.outbox.list()).toHaveLength(0);
  });

  it('never replays a command stored by a build with another command format: it is shown to the waiter instead', async () => {
    const { db, outbox, sent } = await setup();
    await db.add('commands', {
      ...open(),
      format: COMMAND_FORMAT + 1,
      key: 'k-old',
      userId: 2,
      createdAt: Date.now(),
      attempts: 0,
      state: 'queued',
    } as Command);
    await outbox.flush();
    expect(sent).toEqual([]);
    const [stored] = await db.getAll('commands');
    expect(stored).toMatchObject({ state: 'rejected', failure: { code: 'outdated_command' } });
  });

  it('replays commands in the order the waiter tapped them', async () => {
    let online = false;
    const { outbox, sent } = await setup(() => (online ? ok() : offline));
    for (const input of [open(ORDER_A, 3), lines(ORDER_A, 1), open(ORDER_B, 4), lines(ORDER_A, 2)]) await (await outbox.enqueue(input)).attempt;
    sent.length = 0;
    online = true;
    await outbox.flush();
    expect(sent.map((command) => `${command.kind}:${command.orderId.slice(0, 1)}`)).toEqual(['open:a', 'add_items:a', 'open:b', 'add_items:a']);
  });

  it('sends each command once when several replays start together', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { outbox, sent } = await setup(async () => (await gate, ok()));
    await outbox.enqueue(lines(ORDER_A, 1));
    const flushes = [outbox.flush(), outbox.flush(), outbox.flush()];
    release();
    await Promise.all(flushes);
    expect(sent).toHaveLength(1);
  });

  it('a server error (5xx) keeps the command queued for later', async () => {
    const { outbox } = await setup(() => refused(503, 'unavailable'));
    const { attempt } = await outbox.enqueue(lines(ORDER_A, 1));
    expect((await attempt)?.outcome).toBe('kept');
    const [command] = await outbox.list();
    expect(command?.state).toBe('queued');
    expect(command?.attempts).toBe(1);
  });

  it('a refusal is kept with its reason, holds back that table, and lets other tables through', async () => {
    const { outbox, sent } = await setup((command) =>
      command.kind === 'add_items' && command.orderId === ORDER_A && command.body.items.some((item) => item.product_id === 13)
        ? refused(409, 'product_unavailable', { product_id: 13 })
        : ok(),
    );
    const first = await outbox.enqueue(lines(ORDER_A, 13));
    expect((await first.attempt)?.outcome).toBe('rejected');
    await outbox.enqueue(lines(ORDER_A, 2)); // depends on the refused one: waits
    await outbox.enqueue(lines(ORDER_B, 2)); // another table: goes
    await outbox.flush();
    const left = await outbox.list();
    expect(left.map((command) => [command.orderId, command.state])).toEqual([
      [ORDER_A, 'rejected'],
      [ORDER_A, 'queued'],
    ]);
    expect(left[0]?.failure).toMatchObject({ status: 409, code: 'product_unavailable', details: { product_id: 13 } });
    expect(sent.filter((command) => command.orderId === ORDER_B)).toHaveLength(1);
  });

  it('a fixed refusal is sent again under a new key with the same line ids, and unblocks its table', async () => {
    const { outbox, sent } = await setup((command) =>
      command.kind === 'add_items' && command.body.items.some((item) => item.product_id === 13)
        ? refused(409, 'product_unavailable', { product_id: 13 })
        : ok(),
    );
    const { command, attempt } = await outbox.enqueue(lines(ORDER_A, 13, 5));
    await attempt;
    await outbox.enqueue(lines(ORDER_A, 6));
    if (command.kind !== 'add_items') throw new Error('unexpected');
    await outbox.retry(command.seq, { items: command.body.items.filter((item) => item.product_id !== 13) });
    await outbox.flush();
    expect(await outbox.list()).toHaveLength(0);
    const resent = sent.filter((other) => other.seq === command.seq);
    expect(resent).toHaveLength(2);
    expect(resent[1]!.key).not.toBe(resent[0]!.key);
    expect(resent[1]!.kind === 'add_items' && resent[1]!.body.items.map((item) => item.id)).toEqual([command.body.items[1]!.id]);
  });

  it('discarding a refused table opening also drops what was queued for that table', async () => {
    const { outbox } = await setup((command) => (command.kind === 'open' ? refused(409, 'table_occupied', { order_id: 'x' }) : ok()));
    const { command, attempt } = await outbox.enqueue(open(ORDER_A, 3));
    await attempt;
    await outbox.enqueue(lines(ORDER_A, 1));
    await outbox.enqueue(lines(ORDER_B, 1));
    expect(await outbox.discard(command.seq)).toBe(2);
    await outbox.flush();
    expect((await outbox.list()).map((other) => other.orderId)).toEqual([]);
  });

  it('a refused table opening can move to a free table, and its lines follow', async () => {
    const { outbox, sent } = await setup((command) => (command.kind === 'open' && command.tableId === 3 ? refused(409, 'table_occupied') : ok()));
    const { command, attempt } = await outbox.enqueue(open(ORDER_A, 3));
    await attempt;
    await outbox.enqueue(lines(ORDER_A, 1));
    await outbox.moveToTable(command.seq, 5, '5');
    await outbox.flush();
    expect(await outbox.list()).toHaveLength(0);
    const reopened = sent.filter((other) => other.kind === 'open').at(-1)!;
    expect(reopened.kind === 'open' && reopened.body).toEqual({ table_id: 5, id: ORDER_A });
  });

  it('an expired token sends the waiter back to the PIN pad and keeps the whole queue', async () => {
    const setupResult = await setup(() => refused(401, 'unauthenticated'));
    const { outbox } = setupResult;
    await outbox.enqueue(open());
    await outbox.enqueue(lines(ORDER_A, 1));
    expect(await outbox.flush()).toBe('signed-out');
    expect(setupResult.signedOut()).toBeGreaterThan(0);
    expect((await outbox.list()).map((command) => command.state)).toEqual(['queued', 'queued']);
  });

  it('a locked licence holds the queue without refusing anything', async () => {
    const { outbox } = await setup(() => refused(423, 'site_locked'));
    await outbox.enqueue(lines(ORDER_A, 1));
    expect(await outbox.flush()).toBe('blocked');
    expect((await outbox.list())[0]?.state).toBe('queued');
  });

  it("another waiter's queued commands are never sent with this waiter's token", async () => {
    let userId = 2;
    const { outbox, sent } = await setup(() => offline, { userId: () => userId });
    await (
      await outbox.enqueue(lines(ORDER_A, 1))
    ).attempt;
    userId = 3;
    sent.length = 0;
    await outbox.flush();
    expect(sent).toHaveLength(0);
  });
});
