import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createObservability, serveMetrics } from '@tavli/server-kit/observability';
import { observeCommits, observeQueues } from './observability/appliance-metrics.js';
import { closeServer, listening, runIfEntryPoint, shownHost, stopOnSignals } from '@tavli/server-kit/service-process';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { quickCheck } from './db/database-health.js';
import { DatabaseDamaged, serveRecovery } from './backup/recovery.js';
import { chosenTimeZone } from './setup/setup.service.js';
import { announceAtBoot } from './system/boot-announcement.js';
import { createPinHasher, sealStoredPinHashes } from './auth/pin-hash.js';
import { migrateToLatest } from './db/migrator.js';
import { createEventBus } from './events/event-bus.js';
import { startIdempotencyPruning } from './idempotency/pruning.js';
import { startHeartbeats } from './license/heartbeat-scheduler.js';
import { createLicenseService } from './license/license.service.js';
import { createServices, type Services } from './services.js';
import { hasStaff, seedFromFixtureIfEmpty } from './seed/seed.js';
import type { AppContext } from './shared/context.js';
import { loadOrCreateSecret } from '@tavli/server-kit/secrets';
import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';
import { systemClock, type Clock } from '@tavli/server-kit/clock';
import { appVersion } from './version.js';
import { loadOrCreateTls } from './https/certificate-store.js';
import { keepCertificateCurrent, serveHttps } from './https/https-listener.js';
import { APPLIANCE_NAME, currentNetwork } from './https/lan-names.js';

export type RunningAppliance = {
  ctx: AppContext;
  services: Services;
  port: number;
  httpsPort: number | undefined;
  metricsPort: number | undefined;
  stop(): Promise<void>;
};

/**
 * config → database (a damaged one is not opened: DatabaseDamaged) → migrate → the setup's time zone
 * → seed → certificates → licence → start workers and heartbeats → serve HTTP and HTTPS.
 */
export async function startAppliance(given: Config, options: { clock?: Clock } = {}): Promise<RunningAppliance> {
  const startedAt = Date.now();
  let config = given;
  ownerOnlyFolder(config.dataDir);
  const imagesDir = ownerOnlyFolder(path.join(config.dataDir, 'images'));
  const databaseFile = path.join(config.dataDir, 'pos.db');
  const newDatabase = !fs.existsSync(databaseFile);
  const observability = createObservability('appliance', { logLevel: config.logLevel, processMetrics: config.metrics !== undefined });
  const db = openDatabase(databaseFile, { minFreeBytes: config.minFreeDiskBytes, onCommit: observeCommits(observability) });
  const damage = quickCheck(db);
  if (damage.length) {
    db.close();
    throw new DatabaseDamaged(damage);
  }
  await migrateToLatest(db, config.dataDir);
  config = { ...config, timeZone: chosenTimeZone({ db }) ?? config.timeZone };
  const pins = createPinHasher(loadOrCreateSecret(config.dataDir, 'pin.key'));
  await sealStoredPinHashes(db, pins);
  // Only a database this start created: a file that exists and is empty (truncated, replaced) is never silently made a demo.
  if (config.seedFixture && newDatabase) await seedFromFixtureIfEmpty(db, config.seedFixture, pins);
  else if (config.seedFixture && !hasStaff(db))
    console.warn(`pos.db exists but has no staff: not seeding it from ${config.seedFixture} (move the file away to start afresh)`);
  const tls = config.httpsPort === undefined ? undefined : await loadOrCreateTls(config.dataDir, currentNetwork(), new Date());
  const ctx: AppContext = {
    config,
    db,
    clock: options.clock ?? systemClock,
    events: createEventBus(),
    jwtSecret: loadOrCreateSecret(config.dataDir, 'jwt.key'),
    pins,
    imagesDir,
    version: appVersion,
    startedAt,
    observability,
    https: tls && config.httpsPort !== undefined ? { authorityPem: tls.authority.certPem, port: config.httpsPort, plainPort: config.port } : undefined,
  };
  const license = await createLicenseService(ctx);
  const services = createServices(ctx, license);
  const app = createApp(ctx, services);
  services.printing.start();
  const stopHeartbeats = startHeartbeats(license, config.licensing.heartbeatIntervalMs);
  const stopPruning = startIdempotencyPruning(ctx);
  const announcement = announceAtBoot(ctx, services);
  observeQueues(observability, db, ctx.events);
  const metrics = config.metrics ? await serveMetrics(observability.metrics, config.metrics) : undefined;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  const secureServer = tls && ctx.https ? serveHttps(app.fetch, { port: ctx.https.port, hostname: config.host, tls }) : undefined;
  const [port, httpsPort] = await Promise.all([listening(server), secureServer && listening(secureServer)]);
  if (ctx.https && httpsPort !== undefined) Object.assign(ctx.https, { port: httpsPort, plainPort: port });
  const stopRenewal = secureServer ? keepCertificateCurrent(secureServer, config.dataDir) : () => undefined;
  return {
    ctx,
    services,
    port,
    httpsPort,
    metricsPort: metrics?.port,
    stop: async () => {
      stopHeartbeats();
      stopPruning();
      announcement.stop();
      stopRenewal();
      ctx.events.end();
      await Promise.all([closeServer(server), secureServer && closeServer(secureServer), metrics?.close()]);
      await Promise.allSettled([services.printing.stop(), license.saveHighWaterMark()]);
      db.close();
    },
  };
}

export async function runFromEnvironment(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  const appliance = await startAppliance(config).catch((error: unknown) => {
    if (!(error instanceof DatabaseDamaged)) throw error;
    return error;
  });
  if (appliance instanceof DatabaseDamaged) {
    console.error(
      `${appliance.message}. It was not opened: restore a backup with \`tavli restore FILE\` (the page at http://${shownHost(config.host)}:${config.port}/ names the newest sound one).`,
    );
    stopOnSignals((await serveRecovery(config, appliance)).stop);
    return;
  }
  const { host, dataDir } = appliance.ctx.config;
  // The certificate names tavli.local (not localhost): that is the HTTPS address, and phones join at /join.
  const secure = appliance.httpsPort === undefined ? '' : ` and https://${APPLIANCE_NAME}:${appliance.httpsPort} (phones join at /join)`;
  console.log(`Tavli appliance ${appliance.ctx.version} listening on http://${shownHost(host)}:${appliance.port}${secure} (data: ${dataDir})`);
  stopOnSignals(appliance.stop);
}

runIfEntryPoint(import.meta.url, () => runFromEnvironment());
