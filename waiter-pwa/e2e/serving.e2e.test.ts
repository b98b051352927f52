import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAITER_ROOT } from '../scripts/build-if-stale';
import { startTestAppliance, type TestAppliance } from './support';

describe('the appliance serving the waiter app', () => {
  let appliance: TestAppliance;
  beforeAll(async () => {
    appliance = await startTestAppliance({ env: { CURRENCY: 'CHF' } });
  });
  afterAll(() => appliance?.stop());

  const get = (pathname: string) => appliance.call('GET', pathname);

  it('opens at /waiter/ with the restaurant currency written in, and never caches the page itself', async () => {
    const page = await get('/waiter/');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.body).toContain('<meta name="tavli-currency" content="CHF" />');
    const bare = await get('/waiter');
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/waiter/']);
  });

  it('keeps hashed files for a year, and revalidates the service worker and the manifest', async () => {
    const html = (await get('/waiter/')).body as string;
    const script = html.match(/src="(\/waiter\/assets\/[^"]+\.js)"/)![1]!;
    expect((await get(script)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const file of ['/waiter/sw.js', '/waiter/manifest.webmanifest']) {
      const response = await get(file);
      expect([file, response.status, response.headers.get('cache-control')]).toEqual([file, 200, 'no-cache']);
    }
  });

  it('sends the build’s brotli or gzip copy of a file to a browser that accepts it, and says it varies by encoding', async () => {
    const html = (await get('/waiter/')).body as string;
    const script = html.match(/src="(\/waiter\/assets\/[^"]+\.js)"/)![1]!;
    const as = async (encoding: string | undefined) =>
      (await appliance.call('GET', script, { headers: encoding ? { 'accept-encoding': encoding } : {} })).headers;
    const [brotli, gzip, raw] = await Promise.all([as('gzip, deflate, br'), as('gzip'), as(undefined)]);
    expect(brotli.get('content-encoding')).toBe('br');
    expect(brotli.get('vary')).toMatch(/accept-encoding/i);
    expect(gzip.get('content-encoding')).toBe('gzip');
    expect(raw.get('content-encoding')).toBeNull();
    expect(Number(brotli.get('content-length'))).toBeLessThan(Number(raw.get('content-length')) / 2);
  });

  it('answers 304 for a service worker the phone already has', async () => {
    const first = await get('/waiter/sw.js');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await appliance.call('GET', '/waiter/sw.js', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });

  it("answers the app's own routes with the page, and a missing file with a 404", async () => {
    expect((await get('/waiter/tables')).body).toContain('<div id="root">');
    expect((await get('/waiter/assets/gone-1234.js')).status).toBe(404);
  });

  it('is installable: a manifest with name, icons, theme colour and standalone display', async () => {
    const manifest = (await get('/waiter/manifest.webmanifest')).body;
    const parsed = typeof manifest === 'string' ? JSON.parse(manifest) : manifest;
    expect(parsed).toMatchObject({
      name: expect.stringContaining('Tavli'),
      display: 'standalone',
      start_url: '/waiter/',
      scope: '/waiter/',
      theme_color: '#1f2430',
    });
    for (const icon of parsed.icons as Array<{ src: string }>) expect((await get(`/waiter/${icon.src}`)).status).toBe(200);
  });

  it('ships no appliance code to the browser', () => {
    const assets = path.join(WAITER_ROOT, 'dist', 'assets');
    const code = fs
      .readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(path.join(assets, file), 'utf8'))
      .join('\n');
    for (const serverOnly of ['better-sqlite3', 'kysely', 'bcryptjs', 'node:crypto', 'OpenAPIHono', 'createRouter', 'jose'])
      expect(code, serverOnly).not.toContain(serverOnly);
  });
});
