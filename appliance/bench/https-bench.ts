/**
 * `npm run bench` (second part): what HTTPS costs on the appliance, beside plain HTTP, against a
 * real `node dist/main.js` serving both on loopback:
 *   - connection set-up: a TCP connect vs. a TLS handshake (ECDSA P-256 certificate from the
 *     appliance's own CA, verified by the client as a joined phone does), fresh connection each;
 *   - item-adds/s, 32 waiters, closed loop on keep-alive connections, HTTP then HTTPS.
 * The waiter app's time to interactive over both is in `npm -w waiter-pwa run bench`.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { DEMO_FIXTURE, startApplianceProcess } from './appliance-process.js';
import { createHttpClient, type HttpClient } from './http-client.js';
import { formatTable, ms, percent, perSecond } from './report.js';
import { prepareRestaurant } from './restaurant.js';
import { runSaturation } from './saturation.js';
import { summarise } from './stats.js';
import { openTables, type TableSession } from './table-session.js';
import { newTally } from './tally.js';

const CONNECTIONS = 32;
const HANDSHAKES = 200;
const SATURATION_MS = 6_000;

const say = (text: string) => console.log(`· ${text}`);

/** Milliseconds from connect() to a usable connection, `count` times in a row on fresh sockets. */
async function connectTimes(count: number, connect: () => net.Socket, readyEvent: 'connect' | 'secureConnect'): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const socket = connect();
      socket.once(readyEvent, () => {
        times.push(performance.now() - started);
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
  }
  return times;
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-bench-https-'));
  const appliance = await startApplianceProcess({ dataDir, seedFixture: DEMO_FIXTURE, https: true });
  const clients: HttpClient[] = [];
  try {
    const ca = fs.readFileSync(path.join(dataDir, 'tls', 'ca.crt'), 'utf8');
    const httpsPort = appliance.httpsPort!;
    say(`connection set-up: ${HANDSHAKES} TCP connects, then ${HANDSHAKES} TLS handshakes (TLS 1.3, verified against the appliance's CA)`);
    const tcp = summarise(await connectTimes(HANDSHAKES, () => net.connect(appliance.port, '127.0.0.1'), 'connect'));
    const handshake = summarise(
      await connectTimes(HANDSHAKES, () => tls.connect({ host: '127.0.0.1', port: httpsPort, ca, servername: 'tavli.local' }), 'secureConnect'),
    );

    const plain = createHttpClient(appliance.port, { maxSockets: CONNECTIONS });
    const secure = createHttpClient(httpsPort, { maxSockets: CONNECTIONS, tls: { ca, servername: 'tavli.local' } });
    clients.push(plain, secure);
    // The same tables and waiters for both runs; only the connection under them changes.
    let via = plain;
    const switchable: HttpClient = { request: (...args) => via.request(...args), close: () => undefined };
    const restaurant = await prepareRestaurant(plain, CONNECTIONS);
    const tally = newTally();
    const sessions: TableSession[] = await openTables(switchable, restaurant.waiters, restaurant.tableIds, restaurant.productIds, tally);
    const saturate = async (label: string) => {
      await runSaturation(sessions, tally, { durationMs: 1_000 });
      say(`item-adds over ${label}: ${CONNECTIONS} connections, closed loop, ${SATURATION_MS / 1000} s`);
      return runSaturation(sessions, tally, { durationMs: SATURATION_MS });
    };
    const overHttp = await saturate('HTTP');
    via = secure;
    const overHttps = await saturate('HTTPS');

    console.log(`\nTavli appliance — HTTPS beside HTTP (${os.cpus().length} cores, node ${process.version})\n`);
    console.log(
      formatTable([
        { measure: 'TCP connect p50 / p99 (HTTP)', value: `${ms(tcp.p50)} / ${ms(tcp.p99)}` },
        { measure: 'TLS handshake p50 / p99 (HTTPS)', value: `${ms(handshake.p50)} / ${ms(handshake.p99)}` },
        { measure: `Item-adds over HTTP (${CONNECTIONS} conns)`, value: perSecond(overHttp.perSecond) },
        { measure: `Item-adds over HTTPS (${CONNECTIONS} conns)`, value: perSecond(overHttps.perSecond) },
        { measure: 'HTTPS ÷ HTTP', value: percent(overHttps.perSecond / overHttp.perSecond) },
        { measure: 'Item-add errors (HTTP / HTTPS)', value: `${overHttp.itemAddErrors} / ${overHttps.itemAddErrors}` },
      ]),
    );
    return overHttp.itemAddErrors + overHttps.itemAddErrors > 0 ? 1 : 0;
  } finally {
    for (const client of clients) client.close();
    await appliance.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});
