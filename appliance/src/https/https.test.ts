import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { request } from '@tavli/test-kit/http-request';
import { createApp } from '../app.js';
import { withAppliance } from '../test/harness.js';
import { TRUSTED_COOKIE } from './plain-http.js';

const app = withAppliance({ env: { HTTPS_PORT: '0' } });

const authority = () => fs.readFileSync(path.join(app.dataDir, 'tls', 'ca.crt'), 'utf8');
const httpsPort = () => app.appliance.httpsPort!;

/** Over HTTPS to 127.0.0.1, trusting only the appliance's CA and expecting the name tavli.local, as a joined phone would. */
const secure = (pathname: string, options: { method?: string; token?: string; body?: unknown } = {}) =>
  request(`https://127.0.0.1:${httpsPort()}${pathname}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    tls: { ca: authority(), servername: 'tavli.local' },
  });

/**
 * The same app as a request from a phone on the restaurant's Wi-Fi would reach it: tests may only
 * use loopback, so the phone's socket (its address, and whether it is TLS) is given to the app directly.
 */
const fromPhone = (url: string, { cookie, method = 'GET', tls = false }: { cookie?: string; method?: string; tls?: boolean } = {}) =>
  createApp(app.appliance.ctx, app.appliance.services).request(
    url,
    { method, headers: cookie ? { cookie } : {} },
    {
      incoming: { socket: { remoteAddress: '192.168.1.40', ...(tls ? { encrypted: true } : {}) } },
    },
  );

describe('HTTPS beside plain HTTP', () => {
  it('serves the API over HTTPS with a certificate for tavli.local that only the appliance’s CA vouches for', async () => {
    expect((await secure('/api/system/health')).status).toBe(200);
    const token = JSON.parse((await secure('/api/auth/login', { method: 'POST', body: { username: 'nikos', pin: '1357' } })).body).token as string;
    const tables = await secure('/api/tables', { token });
    expect(tables.status).toBe(200);
    expect(JSON.parse(tables.body).length).toBeGreaterThan(0);
    await expect(
      request(`https://127.0.0.1:${httpsPort()}/api/system/health`, { method: 'GET', headers: {}, tls: { ca: authority(), servername: 'www.example.com' } }),
    ).rejects.toThrow(/does not match certificate's altnames|altnames/);
  });

  it('streams live events over HTTPS', async () => {
    const token = await app.login('nikos');
    const firstEvent = await new Promise<string>((resolve, reject) => {
      const req = https.get(
        `https://127.0.0.1:${httpsPort()}/api/events?token=${token}`,
        { ca: authority(), servername: 'tavli.local', agent: false },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          res.once('data', (chunk: Buffer) => {
            resolve(chunk.toString('utf8'));
            req.destroy();
          });
        },
      );
      req.on('error', reject);
    });
    expect(firstEvent).toMatch(/^event: ready/);
  });

  it('keeps plain HTTP fully working for the appliance itself (loopback: local tools, the benchmark)', async () => {
    const token = await app.login('maria');
    expect((await app.call('GET', '/api/tables', { token })).status).toBe(200);
    expect((await app.call('GET', '/')).status).toBe(200);
  });
});

describe('plain HTTP to a phone on the Wi-Fi', () => {
  it('answers the join page, the CA certificate and the health URL', async () => {
    expect((await fromPhone('http://tavli.local/join')).status).toBe(200);
    const ca = await fromPhone('http://tavli.local/join/ca.crt');
    expect(await ca.text()).toBe(authority());
    expect((await fromPhone('http://tavli.local/api/system/health')).status).toBe(200);
  });

  it('sends a phone that has not joined to the join page, never to a certificate warning', async () => {
    const response = await fromPhone('http://tavli.local/waiter/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/join?next=%2Fwaiter%2F');
  });

  it('sends a phone that trusts the CA to the same page over HTTPS, and API calls always', async () => {
    const joined = await fromPhone('http://tavli.local/waiter/?table=7', { cookie: `${TRUSTED_COOKIE}=1` });
    expect(joined.status).toBe(308);
    expect(joined.headers.get('location')).toBe(`https://tavli.local:${httpsPort()}/waiter/?table=7`);
    const api = await fromPhone('http://192.168.1.23/api/orders', { method: 'POST' });
    expect(api.status).toBe(308);
    expect(api.headers.get('location')).toBe(`https://192.168.1.23:${httpsPort()}/api/orders`);
  });

  it('serves everything over TLS', async () => {
    expect((await fromPhone('https://tavli.local/', { tls: true })).status).toBe(200);
  });
});
