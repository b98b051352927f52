import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectSameMessages } from '@tavli/test-kit/translations';
import { startTestAppliance, withAppliance } from '../test/harness.js';
import { JOIN_MESSAGES } from './join.messages.js';

const app = withAppliance({ env: { HTTPS_PORT: '0' } });

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

const page = (query = '', headers: Record<string, string> = {}) => app.call('GET', `/join${query}`, { headers });

describe('the join page', () => {
  it('has every word in Greek and English, with the same placeholders', () => expectSameMessages(JOIN_MESSAGES.el, JOIN_MESSAGES.en));

  it('walks an iPhone through the profile and full trust, in Greek', async () => {
    const { status, body } = await page('', { 'user-agent': IPHONE, 'accept-language': 'el-GR,el;q=0.9' });
    expect(status).toBe(200);
    expect(body).toContain('<html lang="el">');
    expect(body).toContain('href="/join/ca.mobileconfig"');
    expect(body).toContain('πλήρη εμπιστοσύνη');
    expect(body).toMatch(/Βήμα 4/);
  });

  it('walks an Android phone through the certificate and the settings screen, in English when asked', async () => {
    const { body } = await page('?lang=en', { 'user-agent': ANDROID });
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('href="/join/ca.crt"');
    expect(body).toContain('Install a certificate → CA certificate');
  });

  it('checks over HTTPS under the name the phone used, then opens the waiter app there', async () => {
    const { body } = await app.call('GET', '/join', { headers: { host: 'tavli.local' } });
    const httpsPort = app.appliance.httpsPort!;
    expect(body).toContain(`data-probe="https://tavli.local:${httpsPort}/join/check"`);
    expect(body).toContain(`href="https://tavli.local:${httpsPort}/waiter/"`);
  });

  it('never sends the phone anywhere but the appliance afterwards', async () => {
    const { body } = await page('?next=//evil.example/x', { host: 'tavli.local' });
    expect(body).toContain(`href="https://tavli.local:${app.appliance.httpsPort}/waiter/"`);
    expect(body).not.toContain('evil.example');
  });

  it('offers iOS a configuration profile carrying exactly the appliance’s CA', async () => {
    const { status, body, headers } = await app.call('GET', '/join/ca.mobileconfig');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/x-apple-aspen-config');
    const der = Buffer.from(/<data>([^<]+)<\/data>/.exec(body)![1]!, 'base64');
    const ca = new X509Certificate((await app.call('GET', '/join/ca.crt')).body);
    expect(new X509Certificate(der).fingerprint256).toBe(ca.fingerprint256);
    expect(body).toContain('<string>com.apple.security.root</string>');
  });

  it('draws a QR code of the join address', async () => {
    const { status, body, headers } = await app.call('GET', '/join/qr.svg');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('image/svg+xml');
    expect(body).toMatch(/^<svg/);
  });
});

describe('GET /api/join (the dashboard’s "connect a phone")', () => {
  it('gives a manager the address to show as a QR code, under the appliance’s name when asked from the appliance itself', async () => {
    const token = await app.login('maria');
    const { status, body } = await app.call('GET', '/api/join', { token });
    expect(status).toBe(200);
    expect(body.url).toBe(`http://tavli.local:${app.appliance.port}/join`);
    expect(body.ca_fingerprint).toBe(new X509Certificate((await app.call('GET', '/join/ca.crt')).body).fingerprint256);
  });

  it('is for managers', async () => {
    expect((await app.call('GET', '/api/join', { token: await app.login('nikos') })).status).toBe(403);
  });

  it('says so when the appliance serves no HTTPS', async () => {
    const plain = await startTestAppliance();
    try {
      const response = await plain.call('GET', '/api/join', { token: await plain.login('maria') });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('https_off');
      expect((await plain.call('GET', '/join')).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
