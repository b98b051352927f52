/**
 * `npm run bench`: one run against a real `node dist/main.js` on 127.0.0.1, printing a table of
 * start-up, the disk's durable-write ceiling, saturation (item-adds/s, closed loop), service
 * latency (open loop, no coordinated omission), print latency and peak RSS, each beside its target.
 * Exit 0 even when a target is missed (it is a report); 1 when the benchmark itself fails.
 *
 * The load-driving pieces are separate modules for reuse (e.g. print latency): appliance-process
 * (spawn, health, stop), http-client, restaurant (logins, tables, products), table-session (one
 * table's order life), saturation, service-latency (with an `onItemAdded` hook) and stats.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FIXTURE, startApplianceProcess, type ApplianceProcess } from './appliance-process.js';
import { measureDurableWriteCeiling } from './durable-ceiling.js';
import { createHttpClient, type HttpClient } from './http-client.js';
import { cpuSeconds, peakRssBytes } from './proc-stats.js';
import { formatTable, megabytes, ms, percent, perSecond, type ReportRow } from './report.js';
import { startPrintLatency } from './print-latency.js';
import { prepareRestaurant } from './restaurant.js';
import { runSaturation } from './saturation.js';
import { runServiceLatency } from './service-latency.js';
import { openTables, type TableSession } from './table-session.js';
import { newTally, REQUEST_KINDS } from './tally.js';

const CONNECTIONS = 32;
const TARGETS = { startupMs: 1_000, saturationRatio: 0.7, p99Ms: 10, printP99Ms: 100, rssBytes: 150 * 1024 * 1024 };
const MAX_ERROR_RATIO = 0.01;

const say = (text: string) => console.log(`· ${text}`);
/** BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the measured appliance (not the seeding start). */
const profilingArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Every table that has lines pays and starts a fresh order, so the next phase starts alike. */
const freshOrders = (sessions: TableSession[]) => Promise.all(sessions.filter((s) => s.itemsOnOrder > 0).map((s) => s.turnover()));

async function run(dataRoot: string, track: (appliance: ApplianceProcess | undefined, client: HttpClient | undefined) => void): Promise<number> {
  const dataDir = path.join(dataRoot, 'data');
  say('first start: empty data folder, seeding the demo taverna');
  const first = await startApplianceProcess({ dataDir, seedFixture: DEMO_FIXTURE });
  track(first, undefined);
  await first.stop();
  say(`second start: the same, already seeded data folder (what a restart looks like)${profilingArgs.length ? ` with ${profilingArgs.join(' ')}` : ''}`);
  const appliance = await startApplianceProcess({ dataDir, seedFixture: DEMO_FIXTURE, nodeArgs: profilingArgs });
  const client = createHttpClient(appliance.port, { maxSockets: CONNECTIONS });
  track(appliance, client);

  const restaurant = await prepareRestaurant(client, CONNECTIONS);
  say('kitchen and bar: emulated printers on loopback, up for the whole run');
  const printers = await startPrintLatency({ port: appliance.port, managerToken: restaurant.manager.token });
  const tally = newTally();
  const sessions = await openTables(client, restaurant.waiters, restaurant.tableIds, restaurant.productIds, tally);
  say(`${restaurant.waiters.length} waiters signed in, ${sessions.length} tables open, ${restaurant.productIds.length} products; warming up 1 s`);
  await runSaturation(sessions, tally, { durationMs: 1_000 });

  say('durable-write ceiling: single-row INSERT transactions, WAL, synchronous=FULL, 3 s');
  const ceiling = measureDurableWriteCeiling(dataRoot, { durationMs: 3_000 });
  say(`saturation: ${CONNECTIONS} connections, closed loop, 8 s`);
  const cpuBefore = cpuSeconds(appliance.pid);
  const saturation = await runSaturation(sessions, tally, { durationMs: 8_000 });
  const applianceCores = (cpuSeconds(appliance.pid) - cpuBefore) / saturation.seconds;

  await freshOrders(sessions);
  say('letting the kitchen and bar print the saturation backlog');
  await printers.drain();
  say(`service latency: ${CONNECTIONS} waiters, one item-add a second each, open loop, 15 s`);
  const service = await runServiceLatency(sessions, { durationMs: 15_000, intervalMs: 1_000, onItemAdded: printers.onItemAdded });
  const rss = peakRssBytes(appliance.pid);
  const printing = await printers.finish();

  const ratio = saturation.perSecond / ceiling.perSecond;
  const rows: ReportRow[] = [
    { measure: 'Start-up to healthy (restart, seeded db)', value: ms(appliance.startupMs), target: '≤ 1000 ms', met: appliance.startupMs <= TARGETS.startupMs },
    { measure: 'Start-up to healthy (first, seeding)', value: ms(first.startupMs) },
    { measure: 'Durable-write ceiling (tx, FULL fsync)', value: perSecond(ceiling.perSecond) },
    { measure: 'One durable commit p50 / p99', value: `${ms(ceiling.commit.p50)} / ${ms(ceiling.commit.p99)}` },
    { measure: `Saturation item-adds (${CONNECTIONS} conns)`, value: perSecond(saturation.perSecond) },
    { measure: 'Saturation ÷ ceiling', value: percent(ratio), target: '≥ 70 %', met: ratio >= TARGETS.saturationRatio },
    { measure: 'Saturation item-add errors', value: `${saturation.itemAddErrors} / ${saturation.itemAdds + saturation.itemAddErrors}` },
    { measure: 'Appliance CPU during saturation', value: `${applianceCores.toFixed(2)} cores` },
    { measure: 'Service latency p50 (open loop)', value: ms(service.latency.p50) },
    { measure: 'Service latency p90', value: ms(service.latency.p90) },
    { measure: 'Service latency p99', value: ms(service.latency.p99), target: '≤ 10 ms', met: service.latency.p99 <= TARGETS.p99Ms },
    { measure: 'Service latency max', value: ms(service.latency.max) },
    { measure: 'Service item-adds answered / errors', value: `${service.latency.count} / ${service.errors}` },
    { measure: 'Print latency p50 (answered → last byte)', value: ms(printing.latency.p50) },
    { measure: 'Print latency p99', value: ms(printing.latency.p99), target: '≤ 100 ms', met: printing.latency.p99 <= TARGETS.printP99Ms },
    { measure: 'Tickets printed / missing', value: `${printing.latency.count} / ${printing.unprinted}` },
    { measure: 'Appliance peak RSS (VmHWM)', value: megabytes(rss), target: '≤ 150 MB', met: rss <= TARGETS.rssBytes },
  ];
  console.log(`\nTavli appliance benchmark (${os.cpus().length} cores, node ${process.version}, data in ${os.tmpdir()})\n`);
  console.log(formatTable(rows));
  const turnover = REQUEST_KINDS.filter((kind) => kind !== 'item_add').map((kind) => `${kind} ${tally[kind].ok} ok/${tally[kind].errors} err`);
  console.log(`\nTable turnover requests, all phases (not in the rate): ${turnover.join(', ')}`);
  console.log(
    `Ceiling: ${ceiling.transactions} transactions in ${ceiling.seconds.toFixed(2)} s; saturation: ${saturation.itemAdds} item-adds in ${saturation.seconds.toFixed(2)} s`,
  );
  if (tally.firstErrors.length) console.log(`First errors:\n  ${tally.firstErrors.join('\n  ')}`);

  const errors = saturation.itemAddErrors + service.errors;
  const total = saturation.itemAdds + saturation.itemAddErrors + service.sent;
  if (errors / total > MAX_ERROR_RATIO) {
    console.error(`\nBenchmark failed: ${errors} of ${total} item-adds failed (more than ${MAX_ERROR_RATIO * 100} %)`);
    return 1;
  }
  return 0;
}

async function main(): Promise<number> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-bench-'));
  let appliance: ApplianceProcess | undefined;
  let client: HttpClient | undefined;
  const cleanUp = async () => {
    client?.close();
    await appliance?.stop();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    return await run(dataRoot, (a, c) => ((appliance = a), (client = c)));
  } catch (error) {
    console.error(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

process.exitCode = await main();
