import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.js';
import { kb, ms, quantile, verdict } from './perf.js';
import { freeLoopbackPort } from './ports.js';

/** The part of Lighthouse's result read here. */
type LighthouseResult = {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> } | undefined>;
    audits: Record<string, { score: number | null; numericValue?: number } | undefined>;
  };
};
type LighthouseModule = {
  default: (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<LighthouseResult | undefined>;
  desktopConfig: unknown;
};

/**
 * Lighthouse, loaded by a name the type checker does not follow: its declarations bring Puppeteer
 * and the whole DevTools protocol into every type-aware lint program (past 4 GB of heap).
 */
const LIGHTHOUSE = 'lighthouse';
const loadLighthouse = () => import(LIGHTHOUSE) as Promise<LighthouseModule>;

export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  bytes: number;
  /** The accessibility and best-practice audits that did not pass. */
  failed: string[];
};

/**
 * Debian's Chromium with a DevTools port for Lighthouse, in a profile of its own. `prepare` runs
 * first in that profile (e.g. signs in), and Lighthouse keeps the profile's storage when asked.
 */
export async function withLighthouseBrowser<T>(
  run: (audit: (url: string, options: AuditOptions) => Promise<LighthouseFigures>, context: BrowserContext) => Promise<T>,
  { locale = 'el-GR' }: { locale?: string } = {},
): Promise<T> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-lighthouse-'));
  const port = await freeLoopbackPort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    args: [...CHROMIUM_ARGS, `--lang=${locale}`, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'],
  });
  try {
    return await run((url, options) => audit(url, port, options), context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export type AuditOptions = { preset: 'mobile' | 'desktop'; keepStorage: boolean };

/** One Lighthouse run (performance, accessibility, best practices) with its default simulated throttling: a mid-range phone on a slow network, or a desktop. */
async function audit(url: string, port: number, { preset, keepStorage }: AuditOptions): Promise<LighthouseFigures> {
  const { default: lighthouse, desktopConfig } = await loadLighthouse();
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], disableStorageReset: keepStorage },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  const failed = ['accessibility', 'best-practices'].flatMap((category) =>
    (categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    bytes: numeric('total-byte-weight'),
    failed,
  };
}

/** The median of each figure over several runs, as one line beside the goals. */
export function medianLine(label: string, runs: LighthouseFigures[], goals: { fcpMs?: number } = {}): string {
  const median = (pick: (figures: LighthouseFigures) => number) => quantile(runs.map(pick), 0.5);
  const performance = median((run) => run.performance);
  const accessibility = median((run) => run.accessibility);
  const bestPractices = median((run) => run.bestPractices);
  const fcp = median((run) => run.fcp);
  const failed = [...new Set(runs.flatMap((run) => run.failed))];
  const goalsMet = performance >= 95 && accessibility === 100 && bestPractices === 100 && (goals.fcpMs === undefined || fcp <= goals.fcpMs);
  return (
    `  ${label} (median of ${runs.length}): performance ${performance}, accessibility ${accessibility}, best practices ${bestPractices}; ` +
    `FCP ${ms(fcp)}, LCP ${ms(median((run) => run.lcp))}, TBT ${ms(median((run) => run.tbt))}, ${kb(median((run) => run.bytes))} transferred` +
    `   goals (≥ 95, 100, 100${goals.fcpMs === undefined ? '' : `, FCP ≤ ${goals.fcpMs} ms`}): ${verdict(goalsMet)}` +
    (failed.length ? `\n    audits not passed: ${failed.join(', ')}` : '')
  );
}
