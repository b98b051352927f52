import crypto from 'node:crypto';
import type { ApplianceApi } from './harness.js';

/** Small helpers that create data through the API, never relying on ids a seed happened to produce. */
export function factories(app: ApplianceApi) {
  const products = new Map<string, any>();
  const tables = new Map<string, any>();

  const productNamed = async (name: string) => {
    if (!products.has(name)) {
      const list = await app.call('GET', '/api/products?all=true', { token: await app.login('maria') });
      for (const product of list.body) products.set(product.name, product);
    }
    const product = products.get(name);
    if (!product) throw new Error(`no product named ${name}`);
    return product;
  };

  const tableLabelled = async (token: string, label: string) => {
    if (!tables.has(label)) {
      const list = await app.call('GET', '/api/tables', { token });
      for (const table of list.body) tables.set(table.label, table);
    }
    const table = tables.get(label);
    if (!table) throw new Error(`no table labelled ${label}`);
    return table as { id: number; label: string };
  };

  return {
    productNamed,
    tableLabelled,
    async openOrder(token: string, label: string, id: string = crypto.randomUUID()) {
      const table = await tableLabelled(token, label);
      const response = await app.call('POST', '/api/orders', { token, body: { table_id: table.id, id } });
      if (response.status !== 201) throw new Error(`open ${label}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string; table_id: number };
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
