import path from 'node:path';
import { serve } from '@hono/node-server';
import { closeServer, listening, runIfEntryPoint, shownHost, stopOnSignals } from '@tavli/server-kit/service-process';
import { createApp } from './app.js';
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

export type RunningCloud = { port: number; stop(): Promise<void> };

/** config → database → migrate → seed the first admin → serve. */
export async function startCloud(config: Config, options: { clock?: Clock } = {}): Promise<RunningCloud> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database, path.join(config.dataDir, 'backups'));
    const ctx: CloudContext = {
      config,
      db: database.db,
      clock: options.clock ?? systemClock,
      jwtSecret: loadOrCreateSecret(config.dataDir, 'jwt.key'),
      signer: await loadLicenseSigner(config.dataDir, config.licenseSigningKey, config.previousLicenseSigningKey),
      version: cloudVersion,
    };
    const services = createServices(ctx);
    await services.admins.seedInitialAdmin();
    await services.heartbeat.prune();
    const pruning = setInterval(() => void services.heartbeat.prune().catch((error: unknown) => console.error('Pruning heartbeats failed', error)), HOUR_MS);
    pruning.unref();
    const server = serve({ fetch: createApp(ctx, services).fetch, port: config.port, hostname: config.host });
    return {
      port: await listening(server),
      stop: async () => {
        clearInterval(pruning);
        await closeServer(server);
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
  console.log(
    `Tavli licensing cloud ${cloudVersion} listening on http://${shownHost(config.host)}:${cloud.port} (${config.database.kind}, data: ${config.dataDir})`,
  );
  stopOnSignals(cloud.stop);
}

runIfEntryPoint(import.meta.url, () => runFromEnvironment());
