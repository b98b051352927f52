/** Figures for the front ends' benchmarks (`npm run bench`): what loads first, when a page is interactive, quantiles. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
export const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');

/** The JavaScript a built front end at `root` loads before it can run: the entry script and its module preloads. */
export function initialJavaScript(root: string, base: string): { files: string[]; gzipped: number; raw: number } {
  const dist = path.join(root, 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
  const files = urls.map((url) => path.join(dist, url.slice(base.length)));
  const contents = files.map((file) => fs.readFileSync(file));
  return {
    files: files.map((file) => path.relative(dist, file)),
    raw: contents.reduce((sum, content) => sum + content.length, 0),
    gzipped: contents.reduce((sum, content) => sum + zlib.gzipSync(content, { level: 9 }).length, 0),
  };
}

/** From navigation start: the app's "tavli:interactive" mark and the end of the last long task. */
export async function interactiveAfterReload(page: Page): Promise<{ mark: number; tti: number; fcp: number }> {
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('tavli:interactive').length > 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_000); // let trailing long tasks show up
  return page.evaluate(
    () =>
      new Promise<{ mark: number; tti: number; fcp: number }>((resolve) => {
        const mark = performance.getEntriesByName('tavli:interactive')[0]!.startTime;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const observer = new PerformanceObserver(() => undefined);
        let lastLongTaskEnd = 0;
        try {
          observer.observe({ type: 'longtask', buffered: true });
          for (const task of observer.takeRecords()) lastLongTaskEnd = Math.max(lastLongTaskEnd, task.startTime + task.duration);
        } finally {
          observer.disconnect();
        }
        resolve({ mark, fcp, tti: Math.max(mark, lastLongTaskEnd) });
      }),
  );
}
