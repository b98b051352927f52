import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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

/**
 * Debian's Chromium. With `trust`, a fresh profile whose NSS database trusts that CA (PEM) the
 * way a phone that joined does (`certutil`, CI: `apt-get install -y libnss3-tools`); with
 * `resolve`, host names answered without DNS (e.g. tavli.local → 127.0.0.1).
 */
export async function launchChromium(options: { trust?: string; resolve?: Record<string, string> } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's: apt-get update && apt-get install -y chromium`);
  }
  const rules = Object.entries(options.resolve ?? {}).map(([name, address]) => `MAP ${name} ${address}`);
  const args = rules.length ? [...CHROMIUM_ARGS, `--host-resolver-rules=${rules.join(',')}`] : CHROMIUM_ARGS;
  // Chromium on Linux reads the certificates it trusts from $HOME/.pki/nssdb.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-chromium-'));
  if (options.trust) trustInNssDatabase(home, options.trust);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args, env: { ...process.env, HOME: home } });
  browser.on('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  return browser;
}

function trustInNssDatabase(home: string, authorityPem: string): void {
  const database = `sql:${path.join(home, '.pki', 'nssdb')}`;
  fs.mkdirSync(path.join(home, '.pki', 'nssdb'), { recursive: true });
  const file = path.join(home, 'authority.pem');
  fs.writeFileSync(file, authorityPem);
  try {
    execFileSync('certutil', ['-N', '-d', database, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', database, '-n', 'Tavli test CA', '-t', 'C,,', '-i', file]);
  } catch (error) {
    throw new Error(`certutil could not make a profile that trusts the CA (CI: apt-get install -y libnss3-tools): ${String(error)}`, { cause: error });
  }
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

/** Taps the staff member's name, then the PIN's digits on the pad, then the sign-in key. */
export async function signIn(page: Page, fullName: string, pin: string, submit = 'Είσοδος'): Promise<void> {
  await page.getByRole('button', { name: fullName }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: submit }).click();
}

/**
 * A table tile, found by its label as a screen reader would, and described (state, waiter, unpaid):
 * the PIN pad's digit keys are buttons named "1" to "9" too, but nothing describes them.
 */
export const tableTile = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true }).and(page.locator('[aria-describedby]'));

/** The accessible description of a control (state, waiter, time open, unpaid). */
export function describedAs(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
  });
}

/** Collects what the page's Content-Security-Policy refused from now on (Chromium reports each on the console). */
export function recordCspRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  return refused;
}

/** The API requests the page's context makes from now on, as "GET /api/tables". */
export function recordApiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${request.method()} ${url.pathname.replace(/\/$/, '')}`);
  });
  return seen;
}
