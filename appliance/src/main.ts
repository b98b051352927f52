import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { runIfEntryPoint, shownHost, stopOnSignals } from '@tavli/server-kit/service-process';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { createEventBus } from './events/event-bus.js';
import { startIdempotencyPruning } from './idempotency/pruning.js';
import { startHeartbeats } from './license/heartbeat-scheduler.js';
import { createLicenseService } from './license/license.service.js';
import { createServices, type Services } from './services.js';
import { seedFromFixtureIfEmpty } from './seed/seed.js';
import type { AppContext } from './shared/context.js';
import { loadOrCreateSecret } from '@tavli/server-kit/secrets';
import { systemClock, type Clock } from '@tavli/server-kit/clock';
import { appVersion } from './version.js';

export type RunningAppliance = { ctx: AppContext; services: Services; port: number; stop(): Promise<void> };

/** config → database → migrate → seed → licence → start workers and heartbeats → serve. */
export async function startAppliance(config: Config, options: { clock?: Clock } = {}): Promise<RunningAppliance> {
  const startedAt = Date.now();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const imagesDir = path.join(config.dataDir, 'images');
  fs.mkdirSync(imagesDir, { recursive: true });
  const db = openDatabase(path.join(config.dataDir, 'pos.db'));
  await migrateToLatest(db, path.join(config.dataDir, 'backups'));
  if (config.seedFixture) await seedFromFixtureIfEmpty(db, config.seedFixture);
  const ctx: AppContext = {
    config,
    db,
    clock: options.clock ?? systemClock,
    events: createEventBus(),
    jwtSecret: loadOrCreateSecret(config.dataDir, 'jwt.key'),
    imagesDir,
    version: appVersion,
    startedAt,
  };
  const license = await createLicenseService(ctx);
  const services = createServices(ctx, license);
  const app = createApp(ctx, services);
  services.printing.start();
  const stopHeartbeats = config.licensing.site ? startHeartbeats(license, config.licensing.heartbeatIntervalMs) : () => undefined;
  const stopPruning = startIdempotencyPruning(ctx);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    ctx,
    services,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        stopHeartbeats();
        stopPruning();
        server.close(() => {
          void Promise.allSettled([services.printing.stop(), license.saveHighWaterMark()]).finally(() => {
            db.close();
            resolve();
          });
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

export async function runFromEnvironment(env: Record<string, string | undefined> = process.env): Promise<void> {
  const appliance = await startAppliance(loadConfig(env));
  const { host, dataDir } = appliance.ctx.config;
  console.log(`Tavli appliance ${appliance.ctx.version} listening on http://${shownHost(host)}:${appliance.port} (data: ${dataDir})`);
  stopOnSignals(appliance.stop);
}

runIfEntryPoint(import.meta.url, () => runFromEnvironment());
