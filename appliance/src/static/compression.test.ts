import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';

const app = withAppliance();

describe('answers on a slow Wi-Fi', () => {
  it('gzips a JSON answer of a kilobyte or more for a phone that accepts it', async () => {
    const token = await app.login('nikos');
    const zipped = await app.call('GET', '/api/products', { token, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await app.call('GET', '/api/products', { token });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body.length).toBeGreaterThan(0);
  });

  it('leaves small answers as they are', async () => {
    const health = await app.call('GET', '/api/system/health', { headers: { 'accept-encoding': 'gzip' } });
    expect(health.headers.get('content-encoding')).toBeNull();
  });

  it('never compresses the live event stream, so no event waits in a compressor’s buffer', async () => {
    const token = await app.login('nikos');
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const req = http.get(`${app.url}/api/events?token=${token}`, { headers: { 'accept-encoding': 'gzip, br' }, agent: false }, (res) => {
        resolve(res.headers);
        req.destroy();
      });
      req.on('error', reject);
    });
    expect(headers['content-type']).toMatch(/text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
  });
});
