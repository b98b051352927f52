import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '@tavli/server-kit/clock';

/** What every feature is built from; created once in main.ts (or per test). */
export type AppContext = {
  config: Config;
  db: Db;
  clock: Clock;
  events: EventBus;
  jwtSecret: Uint8Array;
  imagesDir: string;
  version: string;
  startedAt: number;
};
