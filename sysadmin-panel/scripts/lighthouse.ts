/**
 * `npm -w sysadmin-panel run bench` (second part): Lighthouse's desktop preset on the panel's sites
 * list, signed in, against a licensing cloud (SQLite, a temp folder) with 50 sites; five runs, medians.
 */
import { CLOUD_ADMIN, startTestCloud } from 'appliance/test/cloud';
import { systemClock } from '@tavli/server-kit/clock';
import { buildIfStale } from '@tavli/test-kit/build';
import { medianLine, withLighthouseBrowser, type LighthouseFigures } from '@tavli/test-kit/lighthouse';
import { PANEL_ROOT } from '../e2e/global-setup';

const RUNS = 5;
const SITES = 50;

async function main() {
  buildIfStale(PANEL_ROOT, { name: 'the sysadmin panel' });
  const cloud = await startTestCloud(systemClock);
  try {
    const { token } = (await (
      await fetch(`${cloud.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CLOUD_ADMIN) })
    ).json()) as { token: string };
    for (let n = 0; n < SITES; n++) {
      await fetch(`${cloud.url}/api/sites`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Ταβέρνα ${n}`,
          owner_name: `Owner ${n}`,
          contact_email: `owner${n}@example.gr`,
          license_expires_at: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        }),
      });
    }
    await withLighthouseBrowser(
      async (audit, context) => {
        const url = `${cloud.url}/admin/`;
        const signedOut: LighthouseFigures[] = [];
        for (let run = 0; run < RUNS; run++) signedOut.push(await audit(url, { preset: 'desktop', keepStorage: false }));
        const page = await context.newPage();
        await page.goto(url);
        await page.getByLabel('Username').fill(CLOUD_ADMIN.username);
        await page.getByLabel('Password').fill(CLOUD_ADMIN.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation').getByRole('link', { name: 'Sites' }).waitFor();
        await page.close();
        const sites: LighthouseFigures[] = [];
        for (let run = 0; run < RUNS; run++) sites.push(await audit(url, { preset: 'desktop', keepStorage: true }));
        console.log('\nTavli sysadmin panel — Lighthouse 12.2.3, desktop preset');
        console.log(medianLine('signed out, the sign-in screen (cold)', signedOut));
        console.log(medianLine(`signed in, the sites list of ${SITES} sites (returning: cache and storage kept)`, sites));
      },
      { locale: 'en-GB' },
    );
  } finally {
    await cloud.stop();
    cloud.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
