import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createObservability, observeRequests } from './observability.js';

/** An app with the request log writing into `lines`, one JSON object per request. */
function loggedApp() {
  const lines: Array<Record<string, unknown>> = [];
  const observability = createObservability('test-service', { destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  const app = new Hono();
  app.use('*', observeRequests(observability, { logRequests: true }));
  app.get('/api/things/:id', (c) => c.json({ id: c.req.param('id') }));
  return { app, lines };
}

describe('the request log', () => {
  it('writes one JSON line per request with its id, route, status and duration, and never the query string', async () => {
    const { app, lines } = loggedApp();
    const answer = await app.request('/api/things/7?token=secret-stream-token');
    expect(answer.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'test-service', msg: 'request', method: 'GET', path: '/api/things/7', route: '/api/things/:id', status: 200 });
    expect(lines[0]!.duration_ms).toEqual(expect.any(Number));
    expect(lines[0]!.id).toBe(answer.headers.get('x-request-id'));
    expect(JSON.stringify(lines)).not.toContain('secret-stream-token');
  });

  it("keeps the proxy's request id when it is a plain token, and makes a new one otherwise", async () => {
    const { app, lines } = loggedApp();
    await app.request('/api/things/1', { headers: { 'X-Request-Id': 'caddy-4f2a.9' } });
    await app.request('/api/things/2', { headers: { 'X-Request-Id': 'x"} {"level":60' } });
    expect(lines[0]!.id).toBe('caddy-4f2a.9');
    expect(lines[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[1]!.status).toBe(200);
  });

  it('lets an app be built twice on one registry (as tests do), both counting into the same histogram', async () => {
    const observability = createObservability('test-service');
    const apps = [0, 1].map(() => new Hono().use('*', observeRequests(observability, { logRequests: false })).get('/ping', (c) => c.text('pong')));
    for (const app of apps) await app.request('/ping');
    const scrape = await observability.metrics.metrics();
    expect(scrape).toContain('http_request_duration_seconds_count{method="GET",route="/ping",status="200"} 2');
  });
});
