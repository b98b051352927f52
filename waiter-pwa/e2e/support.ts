import type { Locator, Page } from 'playwright-core';

export { startTestAppliance, type TestAppliance } from 'appliance/test/harness';
export { CHROMIUM, CHROMIUM_ARGS, keepEvidenceOfFailures, launchChromium, openPhone, PHONE, screenshot, type Phone } from '@tavli/test-kit/browser';

/** Taps the staff member's name, then the PIN's digits on the pad, then the sign-in key. */
export async function signIn(page: Page, fullName: string, pin: string, submit = 'Είσοδος'): Promise<void> {
  await page.getByRole('button', { name: fullName }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: submit }).click();
}

/** A table tile, found by its label as a screen reader would. */
export const tableTile = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });

/** The accessible description of a control (state, waiter, time open, unpaid). */
export function describedAs(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
  });
}

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
