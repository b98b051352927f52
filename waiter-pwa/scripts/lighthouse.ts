/**
 * `npm -w waiter-pwa run bench` (second part): Lighthouse's mobile preset (a mid-range phone:
 * 150 ms round trip, 1.6 Mbit/s, 4× slower CPU) on the waiter app against an appliance with the
 * demo data, signed out (the sign-in screen) and signed in (the tables), five runs each, medians.
 */
import { medianLine, withLighthouseBrowser, type LighthouseFigures } from '@tavli/test-kit/lighthouse';
import { signIn, startTestAppliance, tableTile } from '../e2e/support';
import { buildIfStale } from './build-if-stale';

const RUNS = 5;

async function main() {
  buildIfStale();
  const appliance = await startTestAppliance();
  try {
    await withLighthouseBrowser(async (audit, context) => {
      const url = `${appliance.url}/waiter/`;
      const signedOut: LighthouseFigures[] = [];
      for (let run = 0; run < RUNS; run++) signedOut.push(await audit(url, { preset: 'mobile', keepStorage: false }));
      const page = await context.newPage();
      await page.goto(url);
      await signIn(page, 'Νίκος Γεωργίου', '1357');
      await tableTile(page, '1').waitFor();
      await page.close();
      const signedIn: LighthouseFigures[] = [];
      for (let run = 0; run < RUNS; run++) signedIn.push(await audit(url, { preset: 'mobile', keepStorage: true }));
      console.log('\nTavli waiter app — Lighthouse 12.2.3, mobile preset');
      console.log(medianLine('signed out, the sign-in screen (cold)', signedOut, { fcpMs: 1_500 }));
      console.log(medianLine('signed in, the tables (returning: service worker, cache and storage kept)', signedIn, { fcpMs: 1_500 }));
    });
  } finally {
    await appliance.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
