import crypto from 'node:crypto';
import type { ApplianceApi } from './harness.js';

export type Table = { id: number; label: string; group_id: number };
export type OpenedOrder = { id: string; table_id: number; table: Table };

let tablesMade = 0;
let productsMade = 0;

/** What a test says about the product it needs; the demo's printers are its zones. */
export type ProductSpec = Record<string, unknown> & { zone?: 'Κουζίνα' | 'Μπαρ' | null };

/** Small helpers that create data through the API, never relying on ids a seed happened to produce. */
export function factories(app: ApplianceApi) {
  const products = new Map<string, any>();
  // The manager who sets up what a test needs; signed in once per file (a PIN check is slow on purpose).
  let managerToken: Promise<string> | undefined;
  const manager = () => (managerToken ??= app.login('maria'));

  /** A dish of the demo menu, for tests about the menu itself (its Greek names on tickets, its VAT rates). */
  const productNamed = async (name: string) => {
    if (!products.has(name)) {
      const list = await app.call('GET', '/api/products?all=true', { token: await manager() });
      for (const product of list.body) products.set(product.name, product);
    }
    const product = products.get(name);
    if (!product) throw new Error(`no product named ${name}`);
    return product;
  };

  /** A new table of the test's own, in the first area (a manager creates it): no test depends on the demo's labels. */
  const table = async (): Promise<Table> => {
    const token = await manager();
    const groups = await app.call('GET', '/api/tables/groups', { token });
    // Greek, so tickets and screens show it as a waiter would see a table's name.
    const label = `Τεστ ${++tablesMade}`;
    const created = await app.call('POST', '/api/tables', { token, body: { label, group_id: groups.body[0].id } });
    if (created.status !== 201) throw new Error(`create table: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body as Table;
  };

  /**
   * A new product of the test's own, in the first category, printing in the kitchen unless `zone`
   * says otherwise (null: it prints nowhere); anything the API takes can be given.
   */
  const product = async (spec: ProductSpec = {}) => {
    const token = await manager();
    const [categories, printers] = await Promise.all([app.call('GET', '/api/products/categories', { token }), app.call('GET', '/api/printers', { token })]);
    const { zone = 'Κουζίνα', ...rest } = spec;
    const printerId = zone === null ? null : printers.body.find((printer: { name: string }) => printer.name === zone).id;
    const body = { name: `Πιάτο ${++productsMade}`, price_cents: 450, category_id: categories.body[0].id, printer_id: printerId, ...rest };
    const created = await app.call('POST', '/api/products', { token, body });
    if (created.status !== 201) throw new Error(`create product: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };

  return {
    product,
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
