import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from 'licensing-cloud/config';
import { startCloud, type RunningCloud } from 'licensing-cloud/main';
import type { Clock } from '@tavli/server-kit/clock';
import { request } from '@tavli/test-kit/http-request';

export const CLOUD_ADMIN = { username: 'sysadmin', password: 'a long test password' };

/** The real licensing cloud, in-process on a loopback port with its own SQLite file. */
export async function startTestCloud(clock: Clock) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-cloud-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_USERNAME: CLOUD_ADMIN.username, ADMIN_PASSWORD: CLOUD_ADMIN.password });
  let cloud: RunningCloud = await startCloud(config, { clock });
  const port = cloud.port;
  const url = `http://127.0.0.1:${port}`;
  const call = async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await request(`${url}${pathname}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.body ? JSON.parse(response.body) : undefined };
  };
  // A fresh token per call: the tests move the shared clock by days.
  const admin = async (method: string, pathname: string, body?: unknown) => {
    const token = (await call('POST', '/api/auth/login', CLOUD_ADMIN)).body.token as string;
    return call(method, pathname, body, { authorization: `Bearer ${token}` });
  };
  return {
    url,
    dataDir,
    admin,
    /** A heartbeat as some appliance would send it, straight to the cloud. */
    heartbeat: (siteId: string, key: string, nonce: string) =>
      call('POST', '/api/heartbeat', { version: 'test', uptime_seconds: 1, nonce }, { 'x-site-id': siteId, 'x-site-key': key }),
    async registerSite(name: string, expiresAt: Date) {
      const response = await admin('POST', '/api/sites', {
        name,
        owner_name: 'Owner',
        contact_email: 'owner@example.com',
        license_expires_at: expiresAt.toISOString(),
      });
      return response.body as { site_id: string; secret_key: string };
    },
    stop: () => cloud.stop(),
    /** Starts again on the same port and data, optionally with other signing keys (a key rotation). */
    async start(keys: { licenseSigningKey?: string; previousLicenseSigningKey?: string } = {}) {
      cloud = await startCloud({ ...config, port, ...keys }, { clock });
    },
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
