/**
 * `npm -w waiter-pwa run bench`: the waiter app's performance figures.
 *   1. the JavaScript a first load runs, brotli (target ≤ 60 KB), and how much of it never ran,
 *      signed out and signed in (target ≤ 25 %)
 *   2. time to interactive with 4× CPU throttling, from a warm service worker (target ≤ 1.5 s),
 *      over plain HTTP and over HTTPS from the appliance's own CA (a joined phone)
 *   3. tap on "Send" → the appliance's answer, on loopback (target ≤ 150 ms)
 * Starts its own appliance on a loopback port with the demo data, and Debian's Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { interactiveAfterReload, kb, ms, quantile, unusedJavaScript, verdict } from '@tavli/test-kit/perf';
import { launchChromium, PHONE, signIn, startTestAppliance, tableTile, waitForServiceWorker } from '../e2e/support';
import { buildIfStale } from './build-if-stale';

const TTI_RUNS = 7;
const SEND_RUNS = 25;
/** Taps a dish and "Send", and reads how long the app waited for the appliance's answer. */
async function sendTimes(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.getByRole('button', { name: 'Τζατζίκι' }).click();
    const before = await page.evaluate(() => performance.getEntriesByName('tavli:send').length);
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.waitForFunction((count) => performance.getEntriesByName('tavli:send').length > count, before, { timeout: 10_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('tavli:send').at(-1)!.duration));
  }
  return times;
}

/** Unused JavaScript on a phone's very first load (sign-in screen), then on a signed-in reload (tables). */
async function unusedOnFirstLoad(browser: Browser, origin: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'el-GR', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const signedOut = await unusedJavaScript(page, async () => {
    await page.goto(`${origin}/waiter/`);
    await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).waitFor();
    await page.waitForTimeout(500);
  });
  await waitForServiceWorker(page);
  await signIn(page, 'Νίκος Γεωργίου', '1357');
  await tableTile(page, '1').waitFor();
  // A fresh tab of the same phone: still signed in, and only this load's scripts are counted.
  const again = await context.newPage();
  const signedIn = await unusedJavaScript(again, async () => {
    await again.goto(`${origin}/waiter/`);
    await tableTile(again, '1').waitFor();
    await again.waitForTimeout(500);
  });
  await context.close();
  return { signedOut, signedIn };
}

/** A signed-in phone on the tables screen at `origin`, its CPU throttled 4×, reloaded TTI_RUNS times. */
async function signedInReloads(browser: Browser, origin: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'el-GR', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${origin}/waiter/`);
  await waitForServiceWorker(page);
  await signIn(page, 'Νίκος Γεωργίου', '1357');
  await tableTile(page, '1').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const loads = [];
  for (let run = 0; run < TTI_RUNS; run++) loads.push(await interactiveAfterReload(page));
  return { page, cdp, loads };
}

async function main() {
  buildIfStale();

  const appliance = await startTestAppliance({ env: { HTTPS_PORT: '0' } });
  const authority = fs.readFileSync(path.join(appliance.dataDir, 'tls', 'ca.crt'), 'utf8');
  const browser = await launchChromium({ trust: authority, resolve: { 'tavli.local': '127.0.0.1' } });
  try {
    const unused = await unusedOnFirstLoad(browser, appliance.url);
    const overHttps = await signedInReloads(browser, `https://tavli.local:${appliance.appliance.httpsPort}`);
    const httpsTti = quantile(
      overHttps.loads.map((load) => load.tti),
      0.5,
    );
    await overHttps.page.context().close();
    const { page, cdp, loads } = await signedInReloads(browser, appliance.url);
    const fromServiceWorker = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.workerStart ?? 0,
    );

    await tableTile(page, '1').click();
    await page.getByRole('button', { name: 'Τζατζίκι' }).waitFor();
    const sendThrottled = await sendTimes(page, 10);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const send = await sendTimes(page, SEND_RUNS);

    const ttiMedian = quantile(
      loads.map((load) => load.tti),
      0.5,
    );
    const sendP50 = quantile(send, 0.5);
    const sendP95 = quantile(send, 0.95);
    console.log('\nTavli waiter app — performance');
    for (const [label, figure] of [
      ['signed out (sign-in screen)', unused.signedOut],
      ['signed in (tables)', unused.signedIn],
    ] as const) {
      console.log(`  first load, ${label}: ${figure.scripts} scripts`);
      console.log(`    JavaScript (brotli): ${kb(figure.brotli)}   target ≤ 60 KB: ${verdict(figure.brotli <= 60 * 1024)}`);
      console.log(`    unused: ${(figure.ratio * 100).toFixed(1)} % of ${kb(figure.total)}   target ≤ 25 %: ${verdict(figure.ratio <= 0.25)}`);
    }
    console.log(`  interactive, 4× CPU throttling, warm service worker (${TTI_RUNS} reloads; served by the worker: ${fromServiceWorker > 0 ? 'yes' : 'no'}):`);
    console.log(
      `    first contentful paint  median ${ms(
        quantile(
          loads.map((load) => load.fcp),
          0.5,
        ),
      )}`,
    );
    console.log(
      `    tables shown            median ${ms(
        quantile(
          loads.map((load) => load.mark),
          0.5,
        ),
      )}`,
    );
    console.log(
      `    interactive (no long task after)  median ${ms(ttiMedian)}, worst ${ms(Math.max(...loads.map((load) => load.tti)))}   target ≤ 1500 ms: ${verdict(ttiMedian <= 1500)}`,
    );
    console.log(`    the same over HTTPS (appliance's own CA, ${TTI_RUNS} reloads)  median ${ms(httpsTti)}   target ≤ 1500 ms: ${verdict(httpsTti <= 1500)}`);
    console.log(
      `  tap "Send" → appliance answer, loopback (${SEND_RUNS} sends): p50 ${ms(sendP50)}, p95 ${ms(sendP95)}, max ${ms(Math.max(...send))}   target ≤ 150 ms: ${verdict(sendP95 <= 150)}`,
    );
    console.log(`    the same with 4× CPU throttling (10 sends): p50 ${ms(quantile(sendThrottled, 0.5))}, p95 ${ms(quantile(sendThrottled, 0.95))}`);
  } finally {
    await browser.close();
    await appliance.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
