import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { request } from '@tavli/test-kit/http-request';
import { contractRecorder } from '@tavli/test-kit/api-document';
import { loadConfig, type DatabaseConfig } from '../config.js';
import { startCloud, type RunningCloud } from '../main.js';
import { createTestClock, type TestClock } from '@tavli/test-kit/clock';
import type { SiteView } from '../sites/sites.schema.js';
import { freshPostgresSchema } from './postgres-schema.js';

export const ADMIN = { username: 'root', password: 'correct horse battery' } as const;

/** Where a suite runs: SQLite in a temp folder (no url), or a fresh schema on this PostgreSQL. */
export type DatabaseVariant = { url: string | undefined };
export type ApiResponse<T> = { status: number; body: T; headers: Headers };
export type CallOptions = { token?: string; body?: unknown; headers?: Record<string, string> };
export type RegisteredSite = SiteView & { secret_key: string };

/** Another process of the same cloud: same data folder, same database, its own port. */
export type TestReplica = Pick<TestCloud, 'url' | 'call' | 'heartbeat'> & { stop(): Promise<void> };

export type TestCloud = {
  url: string;
  clock: TestClock;
  /** Prometheus' scrape address (a port of its own on loopback). */
  metricsUrl(): string;
  /** Where its data is, for a test that checks what the database itself allows. */
  database: DatabaseConfig;
  /** Plain HTTP call; the caller names the body type it expects. */
  call<T>(method: string, pathname: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** A fresh token of the seeded sysadmin. */
  adminToken(): Promise<string>;
  registerSite(overrides?: Record<string, string>): Promise<RegisteredSite>;
  heartbeat<T>(
    siteId: string,
    key: string,
    body?: Partial<{ version: string; uptime_seconds: number; nonce: string; last_seq: number }>,
  ): Promise<ApiResponse<T>>;
  /** Starts another replica beside this one, as `docker compose up --scale cloud=N` would. */
  startReplica(): Promise<TestReplica>;
  /** Stops and starts again on the same data folder and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const postgresUrl = process.env.TEST_DATABASE_URL;

/** Every answer the calls of this test file receive, checked against the API document when its cloud stops. */
const contract = contractRecorder();

/**
 * Runs the same suite on SQLite and on a real PostgreSQL server (TEST_DATABASE_URL, see
 * scripts/start-test-postgres.sh). Without that variable the PostgreSQL half shows as skipped.
 */
export function forEachDatabase(suite: (variant: DatabaseVariant) => void): void {
  describe('on SQLite', () => suite({ url: undefined }));
  if (postgresUrl) describe('on PostgreSQL', () => suite({ url: postgresUrl }));
  else describe.skip('on PostgreSQL (skipped: TEST_DATABASE_URL is not set)', () => suite({ url: undefined }));
}

/** Plain HTTP calls to one cloud process, recorded for the contract check. */
function callsTo(url: string): Pick<TestCloud, 'call' | 'heartbeat'> {
  // One connection per request, so a restarted cloud never meets a stale keep-alive socket.
  const call = async <T>(method: string, pathname: string, { token, body, headers = {} }: CallOptions = {}): Promise<ApiResponse<T>> => {
    const response = await request(`${url}${pathname}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const parsed: unknown = response.body ? JSON.parse(response.body) : undefined;
    contract.record({ method, url: pathname, status: response.status, headers: response.headers, body: parsed });
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    call,
    heartbeat: (siteId, key, body = {}) =>
      call('POST', '/api/heartbeat', {
        headers: { 'X-Site-ID': siteId, 'X-Site-Key': key },
        body: { version: '1.2.3', uptime_seconds: 3600, nonce: crypto.randomBytes(16).toString('base64url'), ...body },
      }),
  };
}

export async function startTestCloud(variant: DatabaseVariant, env: Record<string, string> = {}): Promise<TestCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-cloud-test-'));
  const postgres = variant.url ? await freshPostgresSchema(variant.url) : undefined;
  const clock = createTestClock();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Tests move the clock by hours; keep their admin tokens valid meanwhile.
    ACCESS_TOKEN_EXPIRE_MINUTES: String(7 * 24 * 60),
    // Quiet test output; metrics on a free loopback port, for the tests that scrape them.
    LOG_LEVEL: 'warn',
    METRICS_PORT: '0',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...env,
  });
  let running: RunningCloud = await startCloud(config, { clock });
  const url = `http://127.0.0.1:${running.port}`;

  const { call, heartbeat } = callsTo(url);

  const adminToken = async () => {
    const response = await call<{ token: string }>('POST', '/api/auth/login', { body: ADMIN });
    if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.token;
  };

  let token: string | undefined;
  return {
    url,
    clock,
    database: config.database,
    metricsUrl: () => `http://127.0.0.1:${running.metricsPort}/metrics`,
    call,
    adminToken,
    async registerSite(overrides = {}) {
      token ??= await adminToken();
      const body = {
        name: `Taverna ${crypto.randomBytes(3).toString('hex')}`,
        owner_name: 'Maria Papadopoulou',
        contact_email: 'maria@example.gr',
        license_expires_at: new Date(clock.now().getTime() + 365 * 86_400_000).toISOString(),
        ...overrides,
      };
      const response = await call<RegisteredSite>('POST', '/api/sites', { token, body });
      if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    heartbeat,
    async startReplica() {
      const replica = await startCloud({ ...config, port: 0 }, { clock });
      const replicaUrl = `http://127.0.0.1:${replica.port}`;
      return { url: replicaUrl, ...callsTo(replicaUrl), stop: () => replica.stop() };
    },
    async restart() {
      const port = running.port;
      await running.stop();
      running = await startCloud({ ...config, port }, { clock });
    },
    async stop() {
      const problem = await contract.verify(url).then(
        () => undefined,
        (error: unknown) => error,
      );
      await running.stop();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (problem) throw problem;
    },
  };
}
