import os from 'node:os';
import { request } from '@tavli/test-kit/http-request';
import { describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';
import { hostNames } from '../https/lan-names.js';
import { hostOf } from './known-host.js';

describe('the names the appliance answers to', () => {
  const app = withAppliance({ env: { ALLOWED_HOSTS: 'pos.taverna.example, tavli.lan' } });
  const asHost = (host: string, path = '/api/system/health') => request(`${app.url}${path}`, { method: 'GET', headers: { host } });

  it('refuses a page that rebound its own name to the appliance (DNS rebinding) with 421, for the API and the apps alike', async () => {
    for (const path of ['/api/system/health', '/api/auth/staff', '/waiter/']) {
      const answer = await asHost('attacker.example:8000', path);
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body).error.code).toBe('unknown_host');
    }
  });

  it('answers to tavli.local, its host name, loopback and the configured names, with any port and letter case', async () => {
    const ownNames = hostNames(os.hostname()).map((name) => `${name}:8000`);
    for (const host of ['tavli.local', 'TAVLI.local.:8000', ...ownNames, 'localhost:8000', '127.0.0.1', '[::1]:8000', 'pos.taverna.example', 'tavli.lan:80']) {
      expect((await asHost(host)).status, host).toBe(200);
    }
  });

  it('reads a Host header as browsers send it', () => {
    expect(hostOf('[fe80::1%25eth0]:8443')).toBe('fe80::1');
    expect(hostOf('192.168.1.23:8000')).toBe('192.168.1.23');
    expect(hostOf('Tavli.Local.')).toBe('tavli.local');
  });
});
