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
export function initialJavaScript(root: string, base: string): { files: string[]; gzipped: number; brotli: number; raw: number } {
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
    brotli: contents.reduce((sum, content) => sum + zlib.brotliCompressSync(content).length, 0),
  };
}

/**
 * How much of the JavaScript loaded during `load` never ran, in bytes of the raw scripts, counted
 * as Lighthouse's "unused JavaScript" counts it: V8's function-level coverage (a function that was
 * never called is unused; one that was called counts whole). Also what those scripts weigh brotli-
 * compressed: with screens loaded on demand, the JavaScript a first screen needs is more than the
 * entry script that index.html names.
 */
export async function unusedJavaScript(
  page: Page,
  load: () => Promise<void>,
): Promise<{ total: number; unused: number; ratio: number; brotli: number; scripts: number }> {
  const cdp = await page.context().newCDPSession(page);
  // Read each script's source as it is parsed: a reload discards the scripts of the page before.
  const sources = new Map<string, Promise<string | undefined>>();
  cdp.on('Debugger.scriptParsed', (script) => {
    if (!script.url.startsWith('http')) return;
    sources.set(
      script.scriptId,
      cdp.send('Debugger.getScriptSource', { scriptId: script.scriptId }).then(
        (answer) => answer.scriptSource,
        () => undefined,
      ),
    );
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
  await load();
  const { result } = await cdp.send('Profiler.takePreciseCoverage');
  let total = 0;
  let unused = 0;
  let brotli = 0;
  let scripts = 0;
  for (const script of result) {
    const scriptSource = await sources.get(script.scriptId);
    if (!scriptSource) continue;
    scripts += 1;
    brotli += zlib.brotliCompressSync(scriptSource).length;
    const used = new Uint8Array(scriptSource.length);
    // Outer ranges first, so a function never called inside one that was is counted unused.
    const ranges = script.functions.flatMap((fn) => fn.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
    for (const range of ranges) used.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);
    total += scriptSource.length;
    unused += used.reduce((sum, bit) => sum + (bit ? 0 : 1), 0);
  }
  await cdp.detach();
  return { total, unused, ratio: total ? unused / total : 0, brotli, scripts };
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
