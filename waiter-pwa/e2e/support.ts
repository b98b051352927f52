import type { Page } from 'playwright-core';

export { startTestAppliance, type TestAppliance } from 'appliance/test/harness';
export {
  CHROMIUM,
  CHROMIUM_ARGS,
  describedAs,
  keepEvidenceOfFailures,
  launchChromium,
  openPhone,
  PHONE,
  screenshot,
  signIn,
  tableTile,
  type Phone,
} from '@tavli/test-kit/browser';

/** Waits until the page is controlled by the app's service worker (the app shell is precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.ready;
      return Boolean(registration.active && navigator.serviceWorker.controller);
    },
    undefined,
    { timeout: 20_000 },
  );
}
