import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hasCompose = (() => {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

type Service = { profiles?: string[]; ports?: string[]; networks?: Record<string, unknown>; network_mode?: string; read_only?: boolean };
type Compose = { services: Record<string, Service>; networks: Record<string, { internal?: boolean }> };

/** `docker-compose config` with .env.example's settings, the secrets it leaves empty, and `extra` (profiles included). */
async function resolved(extra: Record<string, string> = {}) {
  const secrets = { POSTGRES_PASSWORD: 'db-secret', ADMIN_PASSWORD: 'admin-secret', LICENSE_SIGNING_KEY: 'pem' };
  const { stdout } = await run('docker-compose', ['--env-file', '.env.example', 'config'], { cwd: root, env: { ...process.env, ...secrets, ...extra } });
  return parse(stdout) as Compose;
}

// Debian's docker-compose validates a file with no container engine; CI installs it (.ci/run).
describe.skipIf(!hasCompose)('docker-compose.yml', () => {
  it('is valid, and only the TLS proxy is reachable from outside: the cloud and its database sit on an internal network', async () => {
    const compose = await resolved();
    expect(Object.keys(compose.services).sort()).toEqual(['appliance', 'backup', 'cloud', 'postgres', 'proxy']);
    expect(compose.services.appliance!.profiles).toEqual(['appliance']);
    const published = Object.entries(compose.services).filter(([, service]) => service.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(compose.services.proxy!.ports).toEqual(['0.0.0.0:80:80/tcp', '0.0.0.0:443:443/tcp']);
    expect(compose.networks.internal!.internal).toBe(true);
    expect(Object.keys(compose.services.cloud!.networks!)).toEqual(['internal']);
    expect(Object.keys(compose.services.postgres!.networks!)).toEqual(['internal']);
    expect(compose.services.cloud!.read_only).toBe(true);
  });

  it('refuses to start without a secret, naming it', async () => {
    await expect(resolved({ LICENSE_SIGNING_KEY: '' })).rejects.toThrow(/LICENSE_SIGNING_KEY/);
  });

  it('runs the appliance on the host network where the printers and phones are', async () => {
    const compose = await resolved();
    expect(compose.services.appliance!.network_mode).toBe('host');
    expect(compose.services.appliance!.read_only).toBe(true);
  });
});
