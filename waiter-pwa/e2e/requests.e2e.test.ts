import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  keepEvidenceOfFailures,
  launchChromium,
  openPhone,
  recordApiRequests,
  signIn,
  startTestAppliance,
  tableTile,
  waitForServiceWorker,
  type TestAppliance,
} from './support';

describe('a phone on crowded Wi-Fi asks for each thing once', () => {
  let appliance: TestAppliance;
  let browser: Browser;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures();

  it('signing in fetches the tables, the licence and the printers once each, and opens the live stream once', async () => {
    const { page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await waitForServiceWorker(page);
    const seen = recordApiRequests(page);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '1').waitFor();
    await page.waitForTimeout(2_000); // time for a catch-up to ask again, if it were going to
    expect(seen.sort()).toEqual(['GET /api/events', 'GET /api/printers/status', 'GET /api/system/license', 'GET /api/tables', 'POST /api/auth/login']);
  });

  it('reopening the app asks again only for what the stream cannot vouch for: each thing once', async () => {
    const { page } = await openPhone(browser);
    await page.goto(`${appliance.url}/waiter/`);
    await waitForServiceWorker(page);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '1').waitFor();
    // The sign-in's own requests (the stream, the status) finish first; only the reopening is counted.
    await page.waitForTimeout(2_000);
    const seen = recordApiRequests(page);
    await page.reload();
    await tableTile(page, '1').waitFor();
    await page.waitForTimeout(2_000);
    expect(seen.sort()).toEqual(['GET /api/events', 'GET /api/printers/status', 'GET /api/system/license', 'GET /api/tables']);
  });
});
