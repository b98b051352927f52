import crypto from 'node:crypto';
import type { HttpAnswer, HttpClient } from './http-client.js';
import type { Staff } from './restaurant.js';
import { count, type Tally } from './tally.js';

/** A restaurant order rarely exceeds ~30 lines: after this many item-adds the table pays and turns over. */
export const ITEMS_PER_ORDER = 20;

export type ItemAdd = { ok: boolean; status: number; orderId: string; lineId: string; productId: number; sentAt: number; answeredAt: number };

export type TableSession = {
  readonly tableId: number;
  readonly waiter: Staff;
  readonly orderId: string;
  /** Item-adds sent on the current order, answered or not. */
  readonly itemsOnOrder: number;
  /** True once the current order has had ITEMS_PER_ORDER item-adds. */
  readonly full: boolean;
  /** Opens a fresh order on the table (POST /api/orders with a client-minted id). */
  open(): Promise<void>;
  /** One line, one request; never rejects (a failed request is an ItemAdd with ok false, status 0 if unanswered). */
  addItem(): Promise<ItemAdd>;
  /** Pays every unpaid line in cash, closes the order and opens a fresh one. */
  turnover(): Promise<void>;
};

const lineBody = (id: string, productId: number) => ({
  items: [{ id, product_id: productId, quantity: 1, option_ids: [], removed_ingredient_ids: [], preference_choice_ids: [], note: '' }],
});

/** One table served by one waiter, the way a phone drives it: open, add lines, pay, close, again. */
export function createTableSession(client: HttpClient, waiter: Staff, tableId: number, productIds: number[], tally: Tally): TableSession {
  let orderId = '';
  let lineIds: string[] = [];
  let attempts = 0;
  let nextProduct = tableId % productIds.length;
  const token = waiter.token;

  const call = async (kind: 'open' | 'pay' | 'close' | 'read', method: string, path: string, expected: number, body?: unknown): Promise<HttpAnswer> => {
    const answer = await client.request(method, path, { token, body });
    const ok = answer.status === expected;
    count(tally, kind, ok, `${answer.status} ${answer.text.slice(0, 200)}`);
    if (!ok) throw new Error(`${method} ${path}: expected ${expected}, got ${answer.status}: ${answer.text.slice(0, 300)}`);
    return answer;
  };
  const pay = (ids: string[]) => call('pay', 'POST', `/api/orders/${orderId}/pay`, 201, { items: ids.map((item_id) => ({ item_id })), method: 'cash' });

  /** When a request failed but its line was stored anyway, the order itself says what is unpaid. */
  const payWhatTheOrderSays = async () => {
    const order = JSON.parse((await call('read', 'GET', `/api/orders/${orderId}`, 200)).text) as { items: Array<{ id: string; status: string }> };
    const unpaid = order.items.filter((line) => line.status !== 'paid' && line.status !== 'void').map((line) => line.id);
    if (unpaid.length > 0) await pay(unpaid);
  };

  const session: TableSession = {
    tableId,
    waiter,
    get orderId() {
      return orderId;
    },
    get itemsOnOrder() {
      return attempts;
    },
    get full() {
      return attempts >= ITEMS_PER_ORDER;
    },
    async open() {
      const id = crypto.randomUUID();
      await call('open', 'POST', '/api/orders', 201, { table_id: tableId, id });
      orderId = id;
      lineIds = [];
      attempts = 0;
    },
    async addItem() {
      const lineId = crypto.randomUUID();
      const productId = productIds[nextProduct++ % productIds.length]!;
      const current = orderId;
      attempts++;
      try {
        const answer = await client.request('POST', `/api/orders/${current}/items`, { token, body: lineBody(lineId, productId) });
        const ok = answer.status === 201;
        count(tally, 'item_add', ok, `${answer.status} ${answer.text.slice(0, 200)}`);
        if (ok) lineIds.push(lineId);
        return { ok, status: answer.status, orderId: current, lineId, productId, sentAt: answer.sentAt, answeredAt: answer.answeredAt };
      } catch (error) {
        count(tally, 'item_add', false, error instanceof Error ? error.message : String(error));
        return { ok: false, status: 0, orderId: current, lineId, productId, sentAt: Number.NaN, answeredAt: Number.NaN };
      }
    },
    async turnover() {
      if (lineIds.length > 0) await pay(lineIds);
      if (lineIds.length < attempts) await payWhatTheOrderSays();
      await call('close', 'POST', `/api/orders/${orderId}/close`, 200);
      await session.open();
    },
  };
  return session;
}

/** One session per table, waiters taking tables in turn; every table's first order opened. */
export async function openTables(client: HttpClient, waiters: Staff[], tableIds: number[], productIds: number[], tally: Tally): Promise<TableSession[]> {
  const sessions = tableIds.map((tableId, index) => createTableSession(client, waiters[index % waiters.length]!, tableId, productIds, tally));
  await Promise.all(sessions.map((session) => session.open()));
  return sessions;
}
