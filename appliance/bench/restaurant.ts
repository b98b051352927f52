import { expectJson, type HttpClient } from './http-client.js';

/** The demo taverna's staff (appliance/fixtures/taverna.json). */
export const DEMO_MANAGER = { username: 'maria', pin: '2468' } as const;
export const DEMO_WAITERS = [
  { username: 'nikos', pin: '1357' },
  { username: 'eleni', pin: '8642' },
  { username: 'giorgos', pin: '9753' },
] as const;

export type Staff = { username: string; token: string };
export type Restaurant = { manager: Staff; waiters: Staff[]; tableIds: number[]; productIds: number[] };

type TableRow = { id: number; state: string };
type GroupRow = { id: number };
type ProductRow = { id: number; stock_remaining: number | null; preference_sets: Array<{ is_required: boolean }> };

export async function logIn(client: HttpClient, username: string, pin: string): Promise<Staff> {
  const answer = await client.request('POST', '/api/auth/login', { body: { username, pin } });
  return { username, token: expectJson<{ token: string }>(answer, 200, `login ${username}`).token };
}

/** Free tables, adding numbered BENCH tables (as a manager) until there are `count`. */
async function freeTables(client: HttpClient, manager: Staff, count: number): Promise<number[]> {
  const list = async () =>
    expectJson<TableRow[]>(await client.request('GET', '/api/tables', { token: manager.token }), 200, 'list tables')
      .filter((table) => table.state === 'available')
      .map((table) => table.id);
  const free = await list();
  if (free.length >= count) return free.slice(0, count);
  const groups = expectJson<GroupRow[]>(await client.request('GET', '/api/tables/groups', { token: manager.token }), 200, 'list groups');
  const group = groups[0];
  if (!group) throw new Error('the appliance has no table group to add tables to');
  const body = { group_id: group.id, prefix: 'BENCH', from: 1, count: count - free.length };
  expectJson<unknown>(await client.request('POST', '/api/tables/batch', { token: manager.token, body }), 201, 'create bench tables');
  const after = await list();
  if (after.length < count) throw new Error(`only ${after.length} free tables after adding bench tables`);
  return after.slice(0, count);
}

/** Products a waiter can add with no choices: unlimited stock and no required preference. */
async function simpleProducts(client: HttpClient, staff: Staff): Promise<number[]> {
  const products = expectJson<ProductRow[]>(await client.request('GET', '/api/products', { token: staff.token }), 200, 'list products');
  const ids = products.filter((p) => p.stock_remaining === null && !p.preference_sets.some((set) => set.is_required)).map((p) => p.id);
  if (ids.length === 0) throw new Error('no product can be ordered without choices');
  return ids;
}

/** Staff signed in, `tableCount` free tables and orderable products: a restaurant ready to serve. */
export async function prepareRestaurant(client: HttpClient, tableCount: number): Promise<Restaurant> {
  const manager = await logIn(client, DEMO_MANAGER.username, DEMO_MANAGER.pin);
  const waiters: Staff[] = [];
  for (const waiter of DEMO_WAITERS) waiters.push(await logIn(client, waiter.username, waiter.pin));
  const tableIds = await freeTables(client, manager, tableCount);
  const productIds = await simpleProducts(client, waiters[0]!);
  return { manager, waiters, tableIds, productIds };
}
