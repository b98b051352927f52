/**
 * `npm run soak -w appliance`: 32 waiters, one item-add a second each, for SOAK_MINUTES (30 by
 * default) against a real `node dist/main.js`, with the kitchen and bar printers refusing every
 * connection for one minute in five. Prints, minute by minute, the item-adds answered, their p99
 * and the appliance's RSS, then whether RSS stayed flat and every ticket printed exactly once.
 * A report, not a test: it exits 1 only when the run itself fails or a ticket is lost or doubled.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FIXTURE, startApplianceProcess } from './appliance-process.js';
import { createHttpClient } from './http-client.js';
import { rssBytes } from './proc-stats.js';
import { formatTable, megabytes, ms, type ReportRow } from './report.js';
import { startPrintLatency } from './print-latency.js';
import { prepareRestaurant } from './restaurant.js';
import { runServiceLatency } from './service-latency.js';
import { openTables } from './table-session.js';
import { newTally } from './tally.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const WAITERS = 32;
/** The printers are down during every fifth minute, starting with the third. */
const printersDown = (minute: number) => minute % 5 === 3;
/** After the last item-add, how long the printers get to print what waited for them. */
const FINAL_PRINT_MS = 90_000;

async function soak(dataDir: string): Promise<number> {
  const appliance = await startApplianceProcess({ dataDir, seedFixture: DEMO_FIXTURE });
  const client = createHttpClient(appliance.port, { maxSockets: WAITERS });
  try {
    const restaurant = await prepareRestaurant(client, WAITERS);
    const printers = await startPrintLatency({ port: appliance.port, managerToken: restaurant.manager.token });
    const sessions = await openTables(client, restaurant.waiters, restaurant.tableIds, restaurant.productIds, newTally());
    const minutes: Array<{ minute: number; answered: number; errors: number; p99: number; rss: number; down: boolean }> = [];
    for (let minute = 1; minute <= MINUTES; minute++) {
      const down = printersDown(minute);
      await printers.setMode(down ? 'refuse' : 'normal');
      const served = await runServiceLatency(sessions, { durationMs: 60_000, intervalMs: 1_000, onItemAdded: printers.onItemAdded });
      minutes.push({ minute, answered: served.latency.count, errors: served.errors, p99: served.latency.p99, rss: rssBytes(appliance.pid), down });
      console.log(
        `· minute ${minute}: ${served.latency.count} answered, p99 ${ms(served.latency.p99)}, RSS ${megabytes(rssBytes(appliance.pid))}${down ? ', printers down' : ''}`,
      );
    }
    await printers.setMode('normal');
    const printing = await printers.finish(FINAL_PRINT_MS);

    const settled = minutes.slice(Math.min(2, minutes.length - 1));
    const growth = settled.at(-1)!.rss - settled[0]!.rss;
    const rows: ReportRow[] = [
      ...minutes.map((m) => ({
        measure: `minute ${m.minute}${m.down ? ' (printers down)' : ''}`,
        value: `${m.answered} ok / ${m.errors} err, p99 ${ms(m.p99)}, RSS ${megabytes(m.rss)}`,
      })),
      { measure: 'RSS growth after the first two minutes', value: megabytes(growth), target: '≤ 10 MB', met: growth <= 10 * 1024 * 1024 },
      { measure: 'Worst minute p99', value: ms(Math.max(...minutes.map((m) => m.p99))), target: '≤ 10 ms', met: minutes.every((m) => m.p99 <= 10) },
      {
        measure: 'Tickets printed / lost / extra',
        value: `${printing.latency.count} / ${printing.unprinted} / ${printing.extra}`,
        target: '0 lost, 0 extra',
        met: printing.unprinted === 0 && printing.extra === 0,
      },
    ];
    console.log(`\nTavli appliance soak: ${WAITERS} waiters for ${MINUTES} min (${os.cpus().length} cores, node ${process.version})\n`);
    console.log(formatTable(rows));
    return printing.unprinted === 0 && printing.extra === 0 ? 0 : 1;
  } finally {
    client.close();
    await appliance.stop();
  }
}

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-soak-'));
try {
  process.exitCode = await soak(path.join(dataRoot, 'data'));
} catch (error) {
  console.error(`\nSoak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(dataRoot, { recursive: true, force: true });
}
