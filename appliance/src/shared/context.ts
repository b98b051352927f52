import type { Observability } from '@tavli/server-kit/observability';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '@tavli/server-kit/clock';
import type { PinHasher } from '../auth/pin-hash.js';

/** What every feature is built from; created once in main.ts (or per test). */
export type AppContext = {
  config: Config;
  db: Db;
  clock: Clock;
  events: EventBus;
  jwtSecret: Uint8Array;
  /** Hashes and checks PINs, sealed with DATA_DIR/secrets/pin.key (auth/pin-hash.ts). */
  pins: PinHasher;
  imagesDir: string;
  version: string;
  startedAt: number;
  observability: Observability;
  /** Present when the appliance also serves HTTPS (HTTPS_PORT is not "off"). */
  https: HttpsEndpoint | undefined;
};

/** The appliance's HTTPS side as the join page and the plain-HTTP redirects need it. */
export type HttpsEndpoint = {
  /** The CA phones trust (PEM). */
  authorityPem: string;
  /** The ports HTTPS and plain HTTP listen on: the configured ones, or the ones the system picked for port 0, once listening. */
  port: number;
  plainPort: number;
};
