import { describe, expect, it } from 'vitest';
import { decodeSetupCode, encodeSetupCode } from './setup-code.js';

describe('the setup code an installer pastes or scans', () => {
  it('carries the cloud address, the site id and the key there and back', () => {
    const code = { cloud_url: 'https://license.tavli.gr', site_id: '6f1c2a52-8a77-4b5a-9c1e-2f3a4b5c6d7e', site_key: 'tvl_sk_AbC-dEf_123' };
    const text = encodeSetupCode(code);
    expect(text).toMatch(/^tavli-setup-1:[A-Za-z0-9_-]+$/);
    expect(decodeSetupCode(`  ${text}\n`)).toEqual(code);
  });

  it('refuses anything else', () => {
    for (const text of ['', 'tvl_sk_abc', 'tavli-setup-1:', 'tavli-setup-1:bm9wZQ', `tavli-setup-1:${btoa('["ftp://x","a","b"]')}`])
      expect(decodeSetupCode(text)).toBeUndefined();
  });
});
