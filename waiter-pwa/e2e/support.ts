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
  recordApiRequests,
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

/**
 * Waits until the app's offline copy of the appliance's answers (IndexedDB) contains `text` and
 * still does a write interval later: the copy is written at most once a second, and just after
 * sign-in a late write of the earlier, empty cache can briefly replace it.
 */
export async function waitForOfflineCopy(page: Page, text: string): Promise<void> {
  const holds = () =>
    page.evaluate(
      (wanted) =>
        new Promise<boolean>((resolve) => {
          const opening = indexedDB.open('tavli-cache');
          // Never make the app's database itself: one made here would lack the app's store.
          opening.onupgradeneeded = () => opening.transaction?.abort();
          opening.onerror = () => resolve(false);
          opening.onsuccess = () => {
            const db = opening.result;
            if (!db.objectStoreNames.contains('snapshots')) return resolve(false);
            const reading = db.transaction('snapshots').objectStore('snapshots').get('queries');
            reading.onerror = () => resolve(false);
            reading.onsuccess = () => {
              resolve(typeof reading.result === 'string' && reading.result.includes(wanted));
              db.close();
            };
          };
        }),
      text,
    );
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await holds()) {
      await page.waitForTimeout(1_200);
      if (await holds()) return;
    } else {
      await page.waitForTimeout(250);
    }
  }
  throw new Error(`the offline copy never kept "${text}"`);
}
