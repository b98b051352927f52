import type { Browser, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { screenshot } from '@tavli/test-kit/browser';

export { backupNow, startTestAppliance, type TestAppliance } from 'appliance/test/harness';
export { emulatedPrinters, eventually, FAST_PRINTING, type TestPrinters } from 'appliance/test/printers';
export { describedAs, launchChromium, recordApiRequests, screenshot, signIn, tableTile } from '@tavli/test-kit/browser';

/** A 10" tablet in landscape. */
export const TABLET = { width: 1280, height: 800 };

/**
 * One tablet for a whole file (the manager stays signed in from test to test, as on a real
 * evening); after a failed test, a screenshot of what it showed (test-artifacts/FAILED-…).
 */
export async function openTablet(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET, locale: 'el-GR', hasTouch: true, acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

export function keepEvidenceOfFailures(page: () => Page | undefined): void {
  afterEach(async ({ task }) => {
    const open = page();
    if (task.result?.state === 'fail' && open && !open.isClosed()) {
      await screenshot(open, `FAILED-${task.name.replace(/[^\p{L}\d]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
    }
  });
}

/** Opens a screen from the navigation, by its name as a screen reader reads it. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}
