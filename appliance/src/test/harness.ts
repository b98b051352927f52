import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '@tavli/test-kit/http-request';
import { contractRecorder } from '@tavli/test-kit/api-document';
import { loadConfig } from '../config.js';
import { startAppliance, type RunningAppliance } from '../main.js';
import type { Clock } from '@tavli/server-kit/clock';
import { takeBackup, type Backup } from '../backup/backups.js';

export const DEMO_FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/taverna.json');

/** PINs of the demo fixture's staff. */
export const PINS = { maria: '2468', nikos: '1357', eleni: '8642', giorgos: '9753' } as const;
export type StaffName = keyof typeof PINS;

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

type CallOptions = { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string | Buffer };

/** Plain HTTP to an appliance; `token` adds the bearer header. */
export type ApplianceApi = {
  call<T = any>(method: string, pathname: string, options?: CallOptions): Promise<ApiResponse<T>>;
  login(username: StaffName): Promise<string>;
};

/** Every answer the calls of this test file receive, checked against the API document when its appliance stops. */
const contract = contractRecorder();

/** Calls the appliance answering at `url()` (read on every call: a restarted appliance keeps its port). */
export function applianceApi(url: () => string): ApplianceApi {
  const api: ApplianceApi = {
    async call(method, pathname, { token, body, headers = {}, raw } = {}) {
      const response = await request(`${url()}${pathname}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = response.body;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      contract.record({ method, url: pathname, status: response.status, headers: response.headers, body: parsed });
      return { status: response.status, body: parsed as any, headers: response.headers };
    },
    async login(username) {
      const response = await api.call('POST', '/api/auth/login', { body: { username, pin: PINS[username] } });
      if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token as string;
    },
  };
  return api;
}

export type TestAppliance = ApplianceApi & {
  url: string;
  dataDir: string;
  appliance: RunningAppliance;
  /**
   * Stops and starts again on the same data folder (a restart between requests), optionally with
   * other settings and with something done to the folder while stopped.
   */
  restart(options?: { env?: Record<string, string>; whileStopped?: () => void }): Promise<void>;
  stop(): Promise<void>;
};

/** A real appliance on a loopback port, with a real SQLite file in a fresh temp folder. */
export async function startTestAppliance(
  options: { seed?: boolean; env?: Record<string, string>; clock?: Clock; /** As a built appliance (dist/) would run. */ built?: boolean } = {},
): Promise<TestAppliance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-test-'));
  const env = {
    PORT: '0',
    // HTTPS has its own tests (https/); elsewhere it would only make a CA per test. HTTPS_PORT '0' turns it on.
    HTTPS_PORT: 'off',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Licence enforcement has its own tests (license/); elsewhere it would only need a cloud.
    LICENSE_ENFORCEMENT: 'off',
    ...(options.seed === false ? {} : { SEED_FIXTURE: DEMO_FIXTURE }),
    ...options.env,
  };
  const build = { development: !options.built };
  const start = (overrides: Record<string, string> = {}) => startAppliance(loadConfig({ ...env, ...overrides }, build), { clock: options.clock });
  let appliance = await start();
  const harness: TestAppliance = {
    ...applianceApi(() => harness.url),
    get url() {
      return `http://127.0.0.1:${appliance.port}`;
    },
    dataDir,
    get appliance() {
      return appliance;
    },
    async restart({ env: overrides = {}, whileStopped } = {}) {
      const { port, httpsPort } = appliance;
      await appliance.stop();
      whileStopped?.();
      appliance = await start({ PORT: String(port), ...(httpsPort === undefined ? {} : { HTTPS_PORT: String(httpsPort) }), ...overrides });
    },
    async stop() {
      const problem = await contract.verify(harness.url).then(
        () => undefined,
        (error: unknown) => error,
      );
      await appliance.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (problem) throw problem;
    },
  };
  return harness;
}

/**
 * The real appliance for one test file: started before its tests, stopped and removed after.
 * Answers a stand-in that reaches the running appliance (`app.login`, `app.call`, `app.restart`…).
 */
export function withAppliance(options: Parameters<typeof startTestAppliance>[0] = {}): TestAppliance {
  let started: TestAppliance | undefined;
  beforeAll(async () => {
    started = await startTestAppliance(options);
  });
  afterAll(() => started?.stop());
  return new Proxy({} as TestAppliance, {
    get(_target, property) {
      if (!started) throw new Error('withAppliance: the appliance runs only inside the tests of the file that asked for it');
      const value: unknown = Reflect.get(started, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}

/** A backup of the running appliance, as its nightly timer takes one. */
export const backupNow = (app: TestAppliance): Promise<Backup> => takeBackup(app.appliance.ctx.db.sqlite, app.dataDir, 'nightly');
