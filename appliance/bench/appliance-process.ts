import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '@tavli/test-kit/ports';
import { startDemoCloud } from '../demo/demo-cloud.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APPLIANCE_MAIN = path.join(packageRoot, 'dist', 'main.js');
export const DEMO_FIXTURE = path.join(packageRoot, 'fixtures', 'taverna.json');

/** The V8 heap limits the appliance runs with (package.json `start`, the image's service unit). */
const PRODUCTION_NODE_ARGS = ['--max-old-space-size=96', '--max-semi-space-size=4'];

export type ApplianceProcess = {
  readonly pid: number;
  readonly port: number;
  /** The HTTPS port, when asked for with `https: true`. */
  readonly httpsPort: number | undefined;
  /** Spawn → healthy and licensed, in milliseconds. */
  readonly startupMs: number;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

/** One probe on a fresh connection: true on a 200 (whose body matches `body`, if given), false when refused or not ready. */
function healthy(port: number, pathname: string, body?: RegExp): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, agent: false, timeout: 1_000 }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve(res.statusCode === 200 && (!body || body.test(text))));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * Spawns `node dist/main.js` on 127.0.0.1 and waits (polling every `pollMs`) until it answers
 * healthy. The child is killed if it does not become healthy within `timeoutMs`.
 */
export async function startApplianceProcess(options: {
  dataDir: string;
  seedFixture?: string;
  /** Extra node flags for the child, e.g. ['--cpu-prof'] to profile the appliance under load. */
  nodeArgs?: string[];
  /** Extra environment for the child; it overrides the defaults below. */
  env?: Record<string, string>;
  /** Also serve HTTPS (on another free loopback port); off otherwise, as in the tests. */
  https?: boolean;
  pollMs?: number;
  timeoutMs?: number;
}): Promise<ApplianceProcess> {
  const port = await freeLoopbackPort();
  const httpsPort = options.https ? await freeLoopbackPort() : undefined;
  const pollMs = options.pollMs ?? 10;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // A built appliance always enforces its licence: the benchmark's is activated, as the demo's is,
  // against a licensing cloud of its own on loopback (kept in its data folder, so a restart on the
  // same folder meets the same cloud and key).
  const cloud = await startDemoCloud({ dataDir: path.join(options.dataDir, 'bench-cloud'), port: await freeLoopbackPort() });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_REQUESTS: '0',
    ...cloud.env,
    ...options.env,
    PORT: String(port),
    HTTPS_PORT: httpsPort === undefined ? 'off' : String(httpsPort),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
  };
  if (options.seedFixture) env.SEED_FIXTURE = options.seedFixture;
  else delete env.SEED_FIXTURE;

  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...PRODUCTION_NODE_ARGS, ...(options.nodeArgs ?? []), APPLIANCE_MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4_000)));
  const stop = async (graceMs = 5_000) => {
    cloud.stop();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(timer);
  };

  const waitFor = async (pathname: string, body?: RegExp) => {
    while (!(await healthy(port, pathname, body))) {
      if (child.exitCode !== null) throw new Error(`appliance exited with ${child.exitCode} before ${pathname} answered: ${stderr}`);
      if (performance.now() - spawnedAt > timeoutMs) throw new Error(`${pathname} did not answer within ${timeoutMs} ms: ${stderr}`);
      await sleep(pollMs);
    }
  };
  const ready = async () => {
    await waitFor('/api/system/health');
    const healthyAfter = performance.now() - spawnedAt;
    await waitFor('/api/system/license', /"state":"(active|grace)"/);
    return healthyAfter;
  };
  const startupMs = await ready().catch(async (error: unknown) => {
    await stop(1_000);
    throw error;
  });
  if (child.pid === undefined) throw new Error('appliance has no pid');
  return { pid: child.pid, port, httpsPort, startupMs, stop };
}
