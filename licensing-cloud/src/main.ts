import path from 'node:path';
import { serve } from '@hono/node-server';
import { closeServer, listening, runIfEntryPoint, shownHost, stopOnSignals } from '@tavli/server-kit/service-process';
import { createApp } from './app.js';
import { createObservability, serveMetrics } from '@tavli/server-kit/observability';
import { observePool } from './observability/cloud-metrics.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { loadLicenseSigner } from './heartbeat/license-signer.js';
import { createServices } from './services.js';
import type { CloudContext } from './shared/context.js';
import { loadOrCreateSecret } from '@tavli/server-kit/secrets';
import { systemClock, type Clock } from '@tavli/server-kit/clock';
import { cloudVersion } from './version.js';

const HOUR_MS = 60 * 60 * 1000;

export type RunningCloud = { port: number; metricsPort: number | undefined; stop(): Promise<void> };

/** config → database → migrate → seed the first admin → serve. */
export async function startCloud(config: Config, options: { clock?: Clock } = {}): Promise<RunningCloud> {
  const observability = createObservability('licensing-cloud', { logLevel: config.logLevel, processMetrics: config.metrics !== undefined });
  const database = openDatabase(config.database);
  observePool(observability, database.pool);
  try {
    await migrateToLatest(database, path.join(config.dataDir, 'backups'));
    const ctx: CloudContext = {
      config,
      db: database.db,
      clock: options.clock ?? systemClock,
      jwtSecret: loadOrCreateSecret(config.dataDir, 'jwt.key'),
      signer: await loadLicenseSigner(config.dataDir, config.licenseSigningKey, config.previousLicenseSigningKey),
      version: cloudVersion,
      observability,
    };
    const services = createServices(ctx);
    await services.admins.seedInitialAdmin();
    await services.heartbeat.prune();
    const pruning = setInterval(
      () => void services.heartbeat.prune().catch((error: unknown) => observability.log.error({ err: error }, 'pruning heartbeats failed')),
      HOUR_MS,
    );
    pruning.unref();
    const server = serve({ fetch: createApp(ctx, services).fetch, port: config.port, hostname: config.host });
    const metrics = config.metrics ? await serveMetrics(observability.metrics, config.metrics) : undefined;
    const port = await listening(server);
    observability.log.info(
      {
        version: cloudVersion,
        url: `http://${shownHost(config.host)}:${port}`,
        database: config.database.kind,
        data: config.dataDir,
        metrics_port: metrics?.port,
      },
      'licensing cloud listening',
    );
    return {
      port,
      metricsPort: metrics?.port,
      stop: async () => {
        clearInterval(pruning);
        await closeServer(server);
        await metrics?.close();
        await database.db.destroy();
      },
    };
  } catch (error) {
    await database.db.destroy();
    throw error;
  }
}

export async function runFromEnvironment(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  const cloud = await startCloud(config);
  stopOnSignals(cloud.stop);
}

runIfEntryPoint(import.meta.url, () => runFromEnvironment());
