/**
 * Heartbeat throughput: the cloud in a child process on loopback, 200 registered sites, and 64
 * keep-alive connections posting heartbeats for 10 s after a 1 s warm-up. Prints heartbeats/s,
 * p50/p99 latency and the server's CPU time per heartbeat (a figure that other load on the machine
 * disturbs less than the rate). SQLite always (a temp file); PostgreSQL too when
 * BENCH_DATABASE_URL is set (a fresh schema, dropped afterwards).
 *   npm -w licensing-cloud run bench
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPostgresSchema } from '../test/postgres-schema.js';

const SITES = 200;
const CONCURRENCY = 64;
const WARMUP_MS = 1_000;
const DURATION_MS = 10_000;
const ADMIN = { username: 'bench', password: 'bench passphrase' };
const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

type Reply = { status: number; body: string };
type Site = { site_id: string; secret_key: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The reply's JSON, or an error naming the step that failed. */
function expectJson<T>(step: string, reply: Reply, status: number): T {
  if (reply.status !== status) throw new Error(`${step}: ${reply.status} ${reply.body}`);
  return JSON.parse(reply.body) as T;
}

function send(agent: http.Agent, port: number, pathname: string, headers: Record<string, string>, body: unknown): Promise<Reply> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: pathname,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function startChild(databaseUrl: string, dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // The benchmark is one address sending for ten sites as fast as it can: it measures capacity, not the limits.
    HEARTBEATS_PER_MINUTE_PER_SITE: '1000000000',
    HEARTBEATS_PER_MINUTE_PER_ADDRESS: '1000000000',
  };
  const child = fork(MAIN, [], { env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the cloud exited with ${code}`)));
  });
  return { child, port };
}

/** CPU seconds a process has used (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function drive(port: number, sites: Site[], serverPid: number | undefined) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + WARMUP_MS;
  const end = measureFrom + DURATION_MS;
  let cpuAtStart: number | undefined;
  const sampleCpu = setTimeout(() => (cpuAtStart = cpuSeconds(serverPid)), WARMUP_MS);
  const worker = async () => {
    while (performance.now() < end) {
      const site = sites[Math.floor(Math.random() * sites.length)]!;
      const sentAt = performance.now();
      const reply = await send(
        agent,
        port,
        '/api/heartbeat',
        { 'x-site-id': site.site_id, 'x-site-key': site.secret_key },
        {
          version: '1.0.0',
          uptime_seconds: Math.floor(sentAt / 1000),
          nonce: crypto.randomBytes(16).toString('base64url'),
        },
      );
      if (sentAt < measureFrom) continue;
      if (reply.status === 200) latencies.push(performance.now() - sentAt);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  clearTimeout(sampleCpu);
  const cpuAtEnd = cpuSeconds(serverPid);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const serverCpu = cpuAtStart === undefined || cpuAtEnd === undefined ? undefined : cpuAtEnd - cpuAtStart;
  return {
    perSecond: latencies.length / (DURATION_MS / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    count: latencies.length,
    errors,
    cpuPerHeartbeatUs: serverCpu === undefined ? undefined : (serverCpu / (latencies.length + errors)) * 1e6,
  };
}

/** Runs one database; without a PostgreSQL url, a SQLite file in the temp data folder. */
async function benchmark(name: string, postgresUrl?: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-cloud-bench-'));
  const { child, port } = await startChild(postgresUrl ?? `sqlite:${path.join(dataDir, 'cloud.db')}`, dataDir);
  try {
    const agent = new http.Agent({ keepAlive: true });
    const { token } = expectJson<{ token: string }>('sign-in', await send(agent, port, '/api/auth/login', {}, ADMIN), 200);
    const expires = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const sites: Site[] = [];
    for (let i = 0; i < SITES; i++) {
      const reply = await send(
        agent,
        port,
        '/api/sites',
        { authorization: `Bearer ${token}` },
        {
          name: `Bench site ${i}`,
          owner_name: 'Bench',
          contact_email: 'bench@example.gr',
          license_expires_at: expires,
        },
      );
      sites.push(expectJson<Site>('registration', reply, 201));
    }
    agent.destroy();
    const r = await drive(port, sites, child.pid);
    console.log(
      `${name.padEnd(10)} ${r.perSecond.toFixed(0).padStart(6)} heartbeats/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ` +
        `server CPU ${r.cpuPerHeartbeatUs?.toFixed(0) ?? '?'} µs/heartbeat   ` +
        `(${r.count} in ${DURATION_MS / 1000} s, ${CONCURRENCY} connections, ${SITES} sites, ${r.errors} errors)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await benchmark('SQLite');
  const postgresUrl = process.env.BENCH_DATABASE_URL;
  if (!postgresUrl) {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (e.g. from scripts/start-test-postgres.sh)');
    return;
  }
  const schema = await freshPostgresSchema(postgresUrl);
  try {
    await benchmark('PostgreSQL', schema.url);
  } finally {
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
