import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestAppliance, type TestAppliance } from '../test/harness.js';

let appliance: TestAppliance | undefined;
afterEach(async () => {
  await appliance?.stop();
  appliance = undefined;
});

describe('the data folder in the hands of someone else on the machine', () => {
  it('keeps the folder, the database with its WAL and the secrets to the service’s own user, whatever the umask', async () => {
    const previous = process.umask(0o000);
    try {
      appliance = await startTestAppliance({ env: { HTTPS_PORT: '0' } });
    } finally {
      process.umask(previous);
    }
    const token = await appliance.login('nikos');
    await appliance.call('POST', '/api/orders', { token, body: { table_id: 1 } });
    const mode = (relative: string) => fs.statSync(path.join(appliance!.dataDir, relative)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    for (const file of ['pos.db', 'pos.db-wal', 'pos.db-shm', 'secrets/jwt.key', 'tls/ca.key', 'tls/server.key'])
      expect([file, mode(file)]).toEqual([file, 0o600]);
    expect(mode('images')).toBe(0o700);
  });

  it('tightens a data folder that was created open', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-open-'));
    fs.chmodSync(dataDir, 0o777);
    fs.writeFileSync(path.join(dataDir, 'pos.db'), '', { mode: 0o666 });
    fs.chmodSync(path.join(dataDir, 'pos.db'), 0o666);
    try {
      appliance = await startTestAppliance({ env: { DATA_DIR: dataDir } });
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'pos.db')).mode & 0o777).toBe(0o600);
    } finally {
      await appliance?.stop();
      appliance = undefined;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
