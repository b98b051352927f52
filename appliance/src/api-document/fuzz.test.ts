import { fuzzApi } from '@tavli/test-kit/api-fuzz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';
import { factories } from '../test/factories.js';
import { emulatedPrinters, type TestPrinters } from '../test/printers.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

describe(`the appliance under ${REQUESTS} made-up requests (seed ${SEED}: FUZZ_SEED=${SEED} repeats the run)`, () => {
  const app = withAppliance();
  const make = factories(app);
  let printers: TestPrinters;
  let known: Record<string, Array<string | number>>;
  let tokens: { manager: string; waiter: string };

  beforeAll(async () => {
    printers = await emulatedPrinters(app);
    tokens = { manager: await app.login('maria'), waiter: await app.login('nikos') };
    const list = async (path: string) => (await app.call('GET', path, { token: tokens.manager })).body as Array<{ id: number | string; username?: string }>;
    const dish = (await list('/api/products')).find(() => true)!;
    const orders = [];
    for (let n = 0; n < 6; n++) {
      const order = await make.openOrder(n % 2 ? tokens.manager : tokens.waiter);
      await make.addLines(tokens.manager, order.id, [make.line(Number(dish.id)), make.line(Number(dish.id), { quantity: 3 })]);
      orders.push(order.id);
    }
    const lines = [];
    for (const id of orders)
      lines.push(...((await app.call('GET', `/api/orders/${id}`, { token: tokens.manager })).body.items as Array<{ id: string }>).map((line) => line.id));
    const ids = async (path: string) => (await list(path)).map((row) => row.id);
    known = {
      orders: orders,
      item_id: lines,
      tables: await ids('/api/tables'),
      groups: await ids('/api/tables/groups'),
      products: await ids('/api/products?all=true'),
      categories: await ids('/api/products/categories'),
      printers: await ids('/api/printers'),
      jobs: await ids('/api/printers/jobs'),
      // Not the fuzzer's own sign-ins: a PIN it resets would end the run's sessions.
      waiters: (await list('/api/waiters')).filter((user) => user.username !== 'maria' && user.username !== 'nikos').map((user) => user.id),
    };
  });
  afterAll(() => printers?.stop());

  it('answers every one below 500, with a status and a body its API document gives, and keeps the books straight', async () => {
    const document = (await app.call('GET', '/api/openapi.json')).body;
    const { problems, statuses } = await fuzzApi(app.url, document, {
      requests: REQUESTS,
      seed: SEED,
      credentials: [
        {},
        { authorization: 'Bearer e30.e30.x' },
        ...[tokens.manager, tokens.manager, tokens.waiter].map((token) => ({ authorization: `Bearer ${token}` })),
      ],
      knownValues: (template, parameter) => {
        if (parameter === 'item_id') return known.item_id!;
        const feature = template
          .match(/^\/api\/(?:tables\/(groups)|products\/(categories)|printers\/(jobs)|(\w+))/)!
          .slice(1)
          .find(Boolean)!;
        return known[feature] ?? [];
      },
      fixedFields: { ip_address: '127.0.0.1', port: printers.kitchen.port },
    });
    console.log(`fuzz (seed ${SEED}): ${REQUESTS} requests; statuses ${JSON.stringify(statuses)}`);
    expect(problems.slice(0, 15)).toEqual([]);
    expect(Object.keys(statuses).filter((status) => Number(status) < 300).length).toBeGreaterThan(0);

    const { sqlite } = app.appliance.ctx.db;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every payment is the sum of the lines it paid, and a line is paid exactly when it has a payment.
    const unbalanced = sqlite
      .prepare(
        `SELECT p.id FROM payments p LEFT JOIN order_items i ON i.payment_id = p.id
         GROUP BY p.id HAVING p.amount_cents != COALESCE(SUM(i.quantity * i.unit_price_cents), 0)`,
      )
      .all();
    expect(unbalanced).toEqual([]);
    expect(sqlite.prepare(`SELECT id FROM order_items WHERE (status = 'paid') != (payment_id IS NOT NULL)`).all()).toEqual([]);
    expect(sqlite.prepare('SELECT id FROM products WHERE stock_remaining < 0').all()).toEqual([]);
  }, 600_000);
});
