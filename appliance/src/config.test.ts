import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const run = promisify(execFile);

describe('the appliance’s settings from its environment', () => {
  it('takes an empty variable (docker compose passes `${SITE_ID:-}` as one) as not set', () => {
    const config = loadConfig({ PORT: '', SITE_ID: '', SITE_KEY: '', CLOUD_URL: '', METRICS_PORT: '' });
    expect(config.port).toBe(8000);
    expect(config.licensing.site).toBeUndefined();
    expect(config.metrics).toBeUndefined();
  });

  it('serves HTTPS on 8443 beside HTTP unless told otherwise, and not at all when off', () => {
    expect(loadConfig({}).httpsPort).toBe(8443);
    expect(loadConfig({ HTTPS_PORT: '443' }).httpsPort).toBe(443);
    expect(loadConfig({ HTTPS_PORT: 'off' }).httpsPort).toBeUndefined();
    expect(() => loadConfig({ HTTPS_PORT: 'on' })).toThrow();
  });

  it('does not let the licence be configured away: at most 72 hours of grace and 30 days offline', () => {
    expect(loadConfig({ LICENSE_GRACE_HOURS: '72', MAX_OFFLINE_DAYS: '30' }).licensing).toMatchObject({
      graceMs: 72 * 3_600_000,
      maxOfflineMs: 30 * 86_400_000,
    });
    expect(() => loadConfig({ LICENSE_GRACE_HOURS: '73' })).toThrow(/LICENSE_GRACE_HOURS/);
    expect(() => loadConfig({ MAX_OFFLINE_DAYS: '365' })).toThrow(/MAX_OFFLINE_DAYS/);
  });

  it('lets licence enforcement be switched off only in development, never in a built appliance', () => {
    expect(loadConfig({ LICENSE_ENFORCEMENT: 'off' }, { development: true }).licensing.enforce).toBe(false);
    expect(() => loadConfig({ LICENSE_ENFORCEMENT: 'off' }, { development: false })).toThrow(/development and tests only/);
    expect(loadConfig({ LICENSE_ENFORCEMENT: 'on' }, { development: false }).licensing.enforce).toBe(true);
  });

  it('refuses to start a built appliance (dist/, as the image runs it) told to switch enforcement off', async () => {
    const main = path.resolve(import.meta.dirname, '../dist/main.js');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-built-'));
    const env = { ...process.env, LICENSE_ENFORCEMENT: 'off', PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', DATA_DIR: dataDir };
    // Were it to start, the timeout stops it.
    const started = await run(process.execPath, [main], { env, timeout: 10_000 }).then(
      () => 'started',
      (failure: { code: number; stderr: string }) => `exit ${failure.code}: ${failure.stderr}`,
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(started).toMatch(/^exit 1: LICENSE_ENFORCEMENT=off is for development and tests only/);
  });
});
