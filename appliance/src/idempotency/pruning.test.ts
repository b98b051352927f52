import { describe, expect, it } from 'vitest';
import { createTestClock } from '@tavli/test-kit/clock';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';
import { pruneIdempotencyKeys } from './pruning.js';

describe('remembered Idempotency-Keys', () => {
  const clock = createTestClock();
  const app = withAppliance({ clock });

  it('are kept through any Wi-Fi outage but forgotten after a week, so the table never grows without end', async () => {
    let nikos = await app.login('nikos');
    const order = await factories(app).openOrder(nikos);
    const tzatziki = await factories(app).product();
    const add = () =>
      app.call('POST', `/api/orders/${order.id}/items`, {
        token: nikos,
        body: { items: [{ product_id: tzatziki.id, quantity: 1 }] },
        headers: { 'idempotency-key': 'phone-1-command-0001' },
      });
    const first = await add();
    clock.advance(6 * 24 * 3_600_000);
    expect(await pruneIdempotencyKeys(app.appliance.ctx)).toBe(0);
    nikos = await app.login('nikos');
    expect((await add()).body).toEqual(first.body);
    clock.advance(2 * 24 * 3_600_000);
    expect(await pruneIdempotencyKeys(app.appliance.ctx)).toBe(1);
  });
});
