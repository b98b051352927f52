import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type DemoSite = { site_id: string; secret_key: string };
type Admin = { username: string; password: string };

const HEALTH_TIMEOUT_MS = 15_000;

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const writeSecretJson = (file: string, value: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2), { mode: 0o600 });
};

async function waitForHealth(url: string, child: ChildProcess) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo licensing cloud exited with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the demo licensing cloud did not become healthy');
}

async function registerDemoSite(url: string, admin: Admin): Promise<DemoSite> {
  const post = async (pathname: string, body: unknown, token?: string) => {
    const response = await fetch(`${url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`demo licensing cloud: ${pathname} answered ${response.status}`);
    return response.json() as Promise<Record<string, string>>;
  };
  const { token } = await post('/api/auth/login', admin);
  const expires = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const site = await post(
    '/api/sites',
    { name: 'Demo taverna', owner_name: 'Demo owner', contact_email: 'demo@example.com', license_expires_at: expires },
    token,
  );
  return { site_id: site.site_id!, secret_key: site.secret_key! };
}

/**
 * For `npm start`: the licensing cloud as its own process on loopback, the demo site registered on
 * it once (its key kept in the demo data folder), so the whole licence loop runs on one machine.
 */
export async function startDemoCloud(options: { dataDir: string; port: number }) {
  const admin: Admin = readJson<Admin>(path.join(options.dataDir, 'demo-cloud-admin.json')) ?? {
    username: 'admin',
    password: crypto.randomBytes(12).toString('base64url'),
  };
  writeSecretJson(path.join(options.dataDir, 'demo-cloud-admin.json'), admin);
  const url = `http://127.0.0.1:${options.port}`;
  const { DATABASE_URL: _appliancesOwn, ...inherited } = process.env;
  const child = spawn(process.execPath, [createRequire(import.meta.url).resolve('licensing-cloud/main')], {
    env: {
      ...inherited,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(options.dataDir, 'cloud'),
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.once('exit', () => child.kill());
  await waitForHealth(url, child);
  const siteFile = path.join(options.dataDir, 'demo-site.json');
  const site = readJson<DemoSite>(siteFile) ?? (await registerDemoSite(url, admin));
  writeSecretJson(siteFile, site);
  console.log(`Sysadmin panel on ${url}/admin/ (sign in as ${admin.username}, password in ${path.join(options.dataDir, 'demo-cloud-admin.json')})`);
  // The cloud's key given outright, as a built appliance needs it (it never trusts a key from the network).
  const { keys } = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
  const env = { SITE_ID: site.site_id, SITE_KEY: site.secret_key, CLOUD_URL: url, CLOUD_PUBLIC_KEY: JSON.stringify(keys[0]) };
  return { env, stop: () => child.kill() };
}
