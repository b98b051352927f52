import path from 'node:path';
import { runGeneratedClient } from '@tavli/test-kit/generated-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DOCUMENT_FILE } from '../test/api-document.js';
import { ADMIN, startTestCloud, type TestCloud } from '../test/harness.js';

/** A reseller's script with a client generated from the document alone: sign in, register a site, send its first heartbeat. */
const RESELLER_SCRIPT = `
import createClient from 'openapi-fetch';
import type { paths } from './api.mjs';

const [baseUrl = '', username = '', password = ''] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl });
const signedIn = await client.POST('/api/auth/login', { body: { username, password } });
if (!signedIn.data) throw new Error(\`sign-in refused: \${signedIn.error.error.code}\`);

const registered = await client.POST('/api/sites', {
  headers: { Authorization: \`Bearer \${signedIn.data.token}\` },
  body: { name: 'Ταβέρνα του Νίκου', owner_name: 'Νίκος Παπαδόπουλος', contact_email: 'nikos@example.gr', license_expires_at: '2027-12-31T00:00:00Z' },
});
if (!registered.data) throw new Error(\`registration refused: \${registered.error.error.code}\`);

const beat = await client.POST('/api/heartbeat', {
  headers: { 'x-site-id': registered.data.site_id, 'x-site-key': registered.data.secret_key },
  body: { version: '1.0.0', uptime_seconds: 60, nonce: 'a-fresh-nonce-0123456789' },
});
if (!beat.data) throw new Error(\`heartbeat refused: \${beat.error.error.code}\`);
console.log(JSON.stringify({ site_id: registered.data.site_id, license: beat.data.license.length > 0 }));
`;

describe('a client generated from the API document', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ url: undefined });
  });
  afterAll(() => cloud.stop());

  it('compiles with tsc --strict, then registers a site whose appliance gets a licence', async () => {
    const output = await runGeneratedClient({
      projectDir: path.dirname(API_DOCUMENT_FILE),
      documentFile: API_DOCUMENT_FILE,
      script: RESELLER_SCRIPT,
      args: [cloud.url, ADMIN.username, ADMIN.password],
    });
    const result = JSON.parse(output) as { site_id: string; license: boolean };
    expect(result.license).toBe(true);
    const site = await cloud.call<{ name: string; last_seen_at: string | null }>('GET', `/api/sites/${result.site_id}`, { token: await cloud.adminToken() });
    expect(site.body).toMatchObject({ name: 'Ταβέρνα του Νίκου', last_seen_at: expect.any(String) });
  });
});
