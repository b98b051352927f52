import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach } from 'vitest';

/** Screenshots of the screens a browser test saw: `test-artifacts/` of the workspace the tests run in (git-ignored). */
const ARTIFACTS = path.resolve(process.cwd(), 'test-artifacts');

/** Debian's Chromium (CI: `apt-get update && apt-get install -y chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const PHONE = { width: 390, height: 844 };

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export type Phone = { context: BrowserContext; page: Page };

const openPages = new Set<Page>();

/** After a failed test: a screenshot of every phone it used (test-artifacts/FAILED-…), then the phones are closed. */
export function keepEvidenceOfFailures(): void {
  afterEach(async ({ task }) => {
    const pages = [...openPages];
    openPages.clear();
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^\p{L}\d]+/gu, '-').slice(0, 60);
      await Promise.all(pages.map((page, index) => (page.isClosed() ? undefined : screenshot(page, `FAILED-${name}-${index + 1}`).catch(() => undefined))));
    }
    await Promise.all(
      pages.map((page) =>
        page
          .context()
          .close()
          .catch(() => undefined),
      ),
    );
  });
}

/** A device-sized browser profile of its own (its own storage, service worker and network switch): a phone by default. */
export async function openPhone(
  browser: Browser,
  { locale = 'el-GR', viewport = PHONE }: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Phone> {
  const context = await browser.newContext({ viewport, locale, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  openPages.add(page);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
