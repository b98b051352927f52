import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepEvidenceOfFailures, launchChromium, openTablet, recordApiRequests, signIn, startTestAppliance, tableTile, type TestAppliance } from './support';

describe('the dashboard asks for each thing once', () => {
  let appliance: TestAppliance;
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures(() => page);

  it('signing in loads the floor with one request per resource: the live stream’s catch-up asks again for nothing it already has', async () => {
    page = await openTablet(browser);
    await page.goto(`${appliance.url}/manager/`);
    await page.getByRole('button', { name: 'Μαρία Παπαδοπούλου' }).waitFor();
    const seen = recordApiRequests(page);
    await signIn(page, 'Μαρία Παπαδοπούλου', '2468');
    await tableTile(page, '5').waitFor();
    await page.waitForTimeout(2_000); // time for a catch-up to ask again, if it were going to
    expect(seen.sort()).toEqual([
      'GET /api/events',
      'GET /api/printers/status',
      'GET /api/reports/shift',
      'GET /api/settings',
      'GET /api/system/license',
      'GET /api/tables',
      'GET /api/tables/groups',
      'POST /api/auth/login',
    ]);
  });
});
