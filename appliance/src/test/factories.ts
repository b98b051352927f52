import crypto from 'node:crypto';
import type { ApplianceApi } from './harness.js';

/** Small helpers that create data through the API, never relying on ids a seed happened to produce. */
export type Table = { id: number; label: string; group_id: number };
export type OpenedOrder = { id: string; table_id: number; table: Table };

let tablesMade = 0;

export function factories(app: ApplianceApi) {
  const products = new Map<string, any>();

  const productNamed = async (name: string) => {
    if (!products.has(name)) {
      const list = await app.call('GET', '/api/products?all=true', { token: await app.login('maria') });
      for (const product of list.body) products.set(product.name, product);
    }
    const product = products.get(name);
    if (!product) throw new Error(`no product named ${name}`);
    return product;
  };

  /** A new table of the test's own, in the first area (a manager creates it): no test depends on the demo's labels. */
  const table = async (): Promise<Table> => {
    const manager = await app.login('maria');
    const groups = await app.call('GET', '/api/tables/groups', { token: manager });
    // Greek, so tickets and screens show it as a waiter would see a table's name.
    const label = `Τεστ ${++tablesMade}`;
    const created = await app.call('POST', '/api/tables', { token: manager, body: { label, group_id: groups.body[0].id } });
    if (created.status !== 201) throw new Error(`create table: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body as Table;
  };

  return {
    productNamed,
    table,
    /** Opens an order on `table`, or on a new table of its own. */
    async openOrder(token: string, options: { table?: Table; id?: string } = {}) {
      const target = options.table ?? (await table());
      const response = await app.call('POST', '/api/orders', { token, body: { table_id: target.id, id: options.id ?? crypto.randomUUID() } });
      if (response.status !== 201) throw new Error(`open ${target.label}: ${response.status} ${JSON.stringify(response.body)}`);
      return { ...(response.body as { id: string; table_id: number }), table: target } as OpenedOrder;
    },
    line(productId: number, extra: Record<string, unknown> = {}) {
      return {
        id: crypto.randomUUID(),
        product_id: productId,
        quantity: 1,
        option_ids: [],
        removed_ingredient_ids: [],
        preference_choice_ids: [],
        note: '',
        ...extra,
      };
    },
    async addLines(token: string, orderId: string, items: unknown[]) {
      return app.call('POST', `/api/orders/${orderId}/items`, { token, body: { items } });
    },
  };
}
