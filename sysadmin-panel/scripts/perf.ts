/**
 * `npm -w sysadmin-panel run bench`: the panel's performance figures with 10,000 sites.
 *   1. initial JavaScript, gzipped (target ≤ 120 KB)
 *   2. the sites list's first page from the cloud (target ≤ 50 ms), by name, by last seen, searched, filtered
 *   3. the panel showing that page: from the API's answer to the list on screen (target ≤ 200 ms)
 * Starts its own licensing cloud (SQLite, a temp folder) on loopback, and Debian's Chromium.
 */
import { chromium } from 'playwright-core';
import { CLOUD_ADMIN, startTestCloud } from 'appliance/test/cloud';
import { systemClock } from '@tavli/server-kit/clock';
import { CHROMIUM, CHROMIUM_ARGS } from '@tavli/test-kit/browser';
import { buildIfStale } from '@tavli/test-kit/build';
import { initialJavaScript, kb, ms, quantile, verdict } from '@tavli/test-kit/perf';
import { PANEL_ROOT } from '../e2e/global-setup';

const SITES = 10_000;
const PARALLEL = 16;
const API_RUNS = 25;
const RENDER_RUNS = 7;

async function main() {
  buildIfStale(PANEL_ROOT, { name: 'the sysadmin panel' });
  const js = initialJavaScript(PANEL_ROOT, '/admin/');
  const cloud = await startTestCloud(systemClock);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const signIn = await fetch(`${cloud.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CLOUD_ADMIN),
    });
    const { token } = (await signIn.json()) as { token: string };
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${cloud.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < SITES) {
          const n = next++;
          const expires = new Date(Date.now() + ((n % 400) + 1) * 86_400_000).toISOString();
          const response = await api('POST', '/api/sites', {
            name: `Ταβέρνα ${String(n).padStart(5, '0')}`,
            owner_name: `Owner ${n}`,
            contact_email: `owner${n}@example.gr`,
            license_expires_at: expires,
          });
          if (response.status !== 201) throw new Error(`registering: ${response.status}`);
        }
      }),
    );
    console.log(`(registered ${SITES} sites in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

    const timed = async (query: string) => {
      const times: number[] = [];
      for (let run = 0; run < API_RUNS; run++) {
        const at = performance.now();
        const response = await api('GET', `/api/sites?${query}`);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET /api/sites?${query}: ${response.status}`);
        times.push(performance.now() - at);
      }
      return times;
    };
    const queries = {
      'by name': 'sort=name',
      'by last seen': 'sort=last_seen',
      'by expiry': 'sort=expiry',
      'search "0042"': 'q=0042',
      'status expiring': 'status=expiring',
    };
    const answers: Array<[string, number[]]> = [];
    for (const [label, query] of Object.entries(queries)) answers.push([label, await timed(query)]);

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${cloud.url}/admin/`);
    await page.getByLabel('Username').fill(CLOUD_ADMIN.username);
    await page.getByLabel('Password').fill(CLOUD_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Ταβέρνα 00000' }).waitFor();
    const renders: Array<{ shown: number; render: number }> = [];
    for (let run = 0; run < RENDER_RUNS; run++) {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('tavli:interactive').length > 0);
      renders.push(
        await page.evaluate(() => {
          const shown = performance.getEntriesByName('tavli:interactive')[0]!.startTime;
          const answer = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/sites')) as PerformanceResourceTiming;
          return { shown, render: shown - answer.responseEnd };
        }),
      );
    }

    console.log('\nTavli sysadmin panel — performance');
    console.log(
      `  initial JavaScript (gzip -9): ${kb(js.gzipped)} (${kb(js.raw)} raw; ${js.files.join(', ')})   target ≤ 120 KB: ${verdict(js.gzipped <= 120 * 1024)}`,
    );
    console.log(`  GET /api/sites, first page of 50 out of ${SITES} (${API_RUNS} calls each, loopback, including sign-in check):`);
    for (const [label, times] of answers) {
      const p50 = quantile(times, 0.5);
      console.log(`    ${label.padEnd(16)} p50 ${ms(p50)}, p95 ${ms(quantile(times, 0.95))}   target ≤ 50 ms: ${verdict(p50 <= 50)}`);
    }
    const render = quantile(
      renders.map((run) => run.render),
      0.5,
    );
    console.log(
      `  the list on screen after the API answered (${RENDER_RUNS} reloads): median ${ms(render)}, worst ${ms(Math.max(...renders.map((run) => run.render)))}   target ≤ 200 ms: ${verdict(render <= 200)}`,
    );
    console.log(
      `  navigation → list shown: median ${ms(
        quantile(
          renders.map((run) => run.shown),
          0.5,
        ),
      )}`,
    );
  } finally {
    await browser.close();
    await cloud.stop();
    cloud.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
