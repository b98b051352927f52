import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { startTestAppliance, type TestAppliance } from '../test/harness.js';

describe('bad input gets a clear 4xx, never a 500 or a half-written order', () => {
  let app: TestAppliance;
  let nikos: string;
  let orderId: string;
  beforeAll(async () => {
    app = await startTestAppliance();
    nikos = await app.login('nikos');
    orderId = (await factories(app).openOrder(nikos, '1')).id;
  });
  afterAll(() => app.stop());

  const addRaw = (raw: string) => app.call('POST', `/api/orders/${orderId}/items`, { token: nikos, raw, headers: { 'content-type': 'application/json' } });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const response = await addRaw('{"items": [');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it.each([
    ['a wrong type', { items: [{ product_id: 'one', quantity: 1 }] }],
    ['a negative quantity', { items: [{ product_id: 1, quantity: -2 }] }],
    ['no items', { items: [] }],
    ['a fractional quantity', { items: [{ product_id: 1, quantity: 1.5 }] }],
    ['a line id that is not a UUID', { items: [{ id: 'x', product_id: 1, quantity: 1 }] }],
  ])('answers %s with 400 validation_failed naming the field', async (_name, body) => {
    const response = await app.call('POST', `/api/orders/${orderId}/items`, { token: nikos, body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details[0].path).toMatch(/^items/);
  });

  it('answers a product id that does not exist with 404 and stores nothing', async () => {
    const response = await app.call('POST', `/api/orders/${orderId}/items`, { token: nikos, body: { items: [{ product_id: 999999, quantity: 1 }] } });
    expect(response.status).toBe(404);
    expect((await app.call('GET', `/api/orders/${orderId}`, { token: nikos })).body.items).toEqual([]);
  });

  it('answers an enormous payload with 413', async () => {
    const response = await addRaw(JSON.stringify({ items: [{ product_id: 1, quantity: 1, note: 'x'.repeat(400_000) }] }));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('answers an unknown order with 404 and an unknown endpoint with a JSON 404', async () => {
    expect((await app.call('GET', '/api/orders/5b0e8f5e-0000-4000-8000-000000000000', { token: nikos })).status).toBe(404);
    const missing = await app.call('GET', '/api/nothing-here', { token: nikos });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('treats a path with and without its trailing slash alike', async () => {
    expect((await app.call('GET', '/api/tables/', { token: nikos })).status).toBe(200);
    expect((await app.call('GET', '/api/tables', { token: nikos })).status).toBe(200);
  });

  it('publishes interactive API documentation generated from the same schemas', async () => {
    const spec = await app.call('GET', '/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/orders/{id}/items', '/api/auth/login', '/api/tables']));
    const docs = await app.call('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toContain('swagger');
  });

  it('reports health without authentication', async () => {
    const health = await app.call('GET', '/api/system/health');
    expect(health.body).toMatchObject({ status: 'ok', db: 'ok', version: expect.any(String), uptime_s: expect.any(Number) });
  });
});
