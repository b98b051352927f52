import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from './secrets.js';

const run = promisify(execFile);
const secretsModule = fileURLToPath(new URL('./secrets.ts', import.meta.url));

describe('secrets in the data folder', () => {
  const folders: string[] = [];
  const dataFolder = () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-secrets-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => folders.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

  it('are generated once, readable only by their owner, and read back on the next start', () => {
    const dataDir = dataFolder();
    const first = loadOrCreateSecret(dataDir, 'jwt.key');
    expect(first).toHaveLength(32);
    expect(fs.statSync(path.join(dataDir, 'secrets', 'jwt.key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(dataDir, 'jwt.key')).toEqual(first);
  });

  it('are the same for every replica starting at once on a shared folder', async () => {
    const dataDir = dataFolder();
    // Each replica creates the same 200 secrets, all starting on the same millisecond: losing a
    // race must still read the winner's secret, never fail or read half a file.
    const startAt = Date.now() + 1_500;
    const script = `const { loadOrCreateSecret } = await import(${JSON.stringify(secretsModule)});
      while (Date.now() < ${startAt});
      const read = [];
      for (let i = 0; i < 200; i++) read.push(Buffer.from(loadOrCreateSecret(${JSON.stringify(dataDir)}, 'key-' + i)).toString('hex'));
      process.stdout.write(read.join(','));`;
    const replicas = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).then(({ stdout }) => stdout)),
    );
    expect(new Set(replicas).size).toBe(1);
    expect(replicas[0]!.split(',')).toHaveLength(200);
    expect(replicas[0]!.split(',').every((secret) => /^[0-9a-f]{64}$/.test(secret))).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'secrets'))).toHaveLength(200);
  });
});
