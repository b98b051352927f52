import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { LicenseSigner } from '../heartbeat/license-signer.js';
import type { Clock } from '@tavli/server-kit/clock';
import type { Observability } from '@tavli/server-kit/observability';

/** What every feature is built from; created once in main.ts (or per test). */
export type CloudContext = {
  config: Config;
  db: Db;
  clock: Clock;
  jwtSecret: Uint8Array;
  signer: LicenseSigner;
  version: string;
  observability: Observability;
};
