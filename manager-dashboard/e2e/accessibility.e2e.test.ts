import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '@tavli/test-kit/accessibility';
import { recordCspRefusals } from '@tavli/test-kit/browser';
import { keepEvidenceOfFailures, launchChromium, openScreen, openTablet, signIn, startTestAppliance, type TestAppliance } from './support';

const SCREENS = ['Τραπέζια', 'Μενού', 'Προσωπικό', 'Διάταξη', 'Εκτυπωτές', 'Αναφορές', 'Ιστορικό', 'Ρυθμίσεις'];

describe('every screen of the dashboard, for screen readers, voice control and sunlight (axe-core, WCAG 2.2 AA)', () => {
  let appliance: TestAppliance;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance({ env: { HTTPS_PORT: '0' } }), launchChromium()]);
    page = await openTablet(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures(() => page);

  it('sign-in and each screen have no serious or critical violation', async () => {
    const token = await appliance.login('nikos');
    const table = (await appliance.call('GET', '/api/tables', { token })).body[0];
    await appliance.call('POST', '/api/orders', { token, body: { table_id: table.id } });
    const refused = recordCspRefusals(page);
    const response = await page.goto(`${appliance.url}/manager/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('button', { name: 'Μαρία Παπαδοπούλου' }).waitFor();
    await expectAccessible(page, 'the sign-in');
    await signIn(page, 'Μαρία Παπαδοπούλου', '2468');
    for (const screen of SCREENS) {
      await openScreen(page, screen);
      await page.waitForTimeout(300);
      await expectAccessible(page, screen);
    }
    // The lazily loaded screens load under the strict policy.
    expect(refused).toEqual([]);
  });
});
