import path from 'node:path';
import { runGeneratedClient } from '@tavli/test-kit/generated-client';
import { describe, expect, it } from 'vitest';
import { API_DOCUMENT_FILE } from '../test/api-document.js';
import { PINS, withAppliance } from '../test/harness.js';

/** What an integrator writes with a client generated from the document alone: sign in, open a table, order a dish. */
const INTEGRATOR_SCRIPT = `
import createClient from 'openapi-fetch';
import type { paths } from './api.mjs';

const client = createClient<paths>({ baseUrl: process.argv[2] });
const signedIn = await client.POST('/api/auth/login', { body: { username: 'maria', pin: process.argv[3] ?? '' } });
if (!signedIn.data) throw new Error(\`sign-in refused: \${signedIn.error.error.code}\`);
const headers = { Authorization: \`Bearer \${signedIn.data.token}\` };

const tables = await client.GET('/api/tables', { headers });
const table = tables.data?.find((candidate) => candidate.state === 'available');
const menu = await client.GET('/api/products', { headers });
const dish = menu.data?.find((product) => product.is_available);
if (!table || !dish) throw new Error('no free table or no dish');

const opened = await client.POST('/api/orders', { headers, body: { table_id: table.id } });
if (!opened.data) throw new Error(\`order refused: \${opened.error.error.code}\`);
const added = await client.POST('/api/orders/{id}/items', {
  headers: { ...headers, 'Idempotency-Key': \`integrator-\${opened.data.id}\` },
  params: { path: { id: opened.data.id } },
  body: { items: [{ product_id: dish.id, quantity: 2, note: 'χωρίς αλάτι' }] },
});
if (!added.data) throw new Error(\`line refused: \${added.error.error.code}\`);
console.log(JSON.stringify({ order_id: opened.data.id, dish: dish.name, total_cents: added.data.total_cents }));
`;

describe('a client generated from the API document', () => {
  const app = withAppliance();

  it('compiles with tsc --strict, then signs in, opens an order and adds a line against a real appliance', async () => {
    const output = await runGeneratedClient({
      projectDir: path.dirname(API_DOCUMENT_FILE),
      documentFile: API_DOCUMENT_FILE,
      script: INTEGRATOR_SCRIPT,
      args: [app.url, PINS.maria],
    });
    const result = JSON.parse(output) as { order_id: string; dish: string; total_cents: number };
    const order = await app.call('GET', `/api/orders/${result.order_id}`, { token: await app.login('maria') });
    expect(order.status).toBe(200);
    expect(order.body.items).toEqual([expect.objectContaining({ name: result.dish, quantity: 2, note: 'χωρίς αλάτι' })]);
    expect(order.body.total_cents).toBe(result.total_cents);
  });
});
