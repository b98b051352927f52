/**
 * `npm -w manager-dashboard run bench` (second part): Lighthouse's desktop preset (1350×940, no
 * CPU slowdown, a fast connection) on the dashboard's floor, signed in as a manager, against an
 * appliance with the demo data; five runs, medians.
 */
import { medianLine, withLighthouseBrowser, type LighthouseFigures } from '@tavli/test-kit/lighthouse';
import { buildIfStale } from '@tavli/test-kit/build';
import { signIn, startTestAppliance, tableTile } from '../e2e/support';
import { DASHBOARD_ROOT } from '../e2e/global-setup';

const RUNS = 5;

async function main() {
  buildIfStale(DASHBOARD_ROOT, { name: 'the manager dashboard' });
  const appliance = await startTestAppliance();
  try {
    await withLighthouseBrowser(async (audit, context) => {
      const url = `${appliance.url}/manager/`;
      const signedOut: LighthouseFigures[] = [];
      for (let run = 0; run < RUNS; run++) signedOut.push(await audit(url, { preset: 'desktop', keepStorage: false }));
      const page = await context.newPage();
      await page.goto(url);
      await signIn(page, 'Μαρία Παπαδοπούλου', '2468');
      await tableTile(page, '1').waitFor();
      await page.close();
      const floor: LighthouseFigures[] = [];
      for (let run = 0; run < RUNS; run++) floor.push(await audit(url, { preset: 'desktop', keepStorage: true }));
      console.log('\nTavli manager dashboard — Lighthouse 12.2.3, desktop preset');
      console.log(medianLine('signed out, the sign-in screen (cold)', signedOut));
      console.log(medianLine('signed in, the floor (returning: cache and storage kept)', floor));
    });
  } finally {
    await appliance.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
