import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freeLoopbackPort } from '@tavli/test-kit/ports';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DEMO = path.resolve(import.meta.dirname, 'demo.ts');

describe('npm start with a port already taken', () => {
  it('says in one sentence which port and which variable moves it, and starts nothing', async () => {
    const holder = net.createServer().listen(await freeLoopbackPort(), '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-demo-ports-'));
    try {
      const env = { ...process.env, DATA_DIR: dataDir, PORT: String(await freeLoopbackPort()), HTTPS_PORT: 'off', DEMO_CLOUD_PORT: String(taken) };
      const outcome = await run(process.execPath, ['--import', 'tsx', DEMO], { env, timeout: 20_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (failure: { code: number; stderr: string }) => failure,
      );
      expect(outcome.code).toBe(1);
      expect(outcome.stderr.trim()).toBe(
        `port ${taken} is in use: set DEMO_CLOUD_PORT to a free port (e.g. DEMO_CLOUD_PORT=${taken + 10} npm start), or stop what is using it`,
      );
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      holder.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
