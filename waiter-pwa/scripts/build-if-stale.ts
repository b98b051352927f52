import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WAITER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestChange(entry: string): number {
  const stats = fs.statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Builds the waiter app (production mode) when dist/ is missing or older than its sources. */
export function buildIfStale({ force = false } = {}): void {
  const built = path.join(WAITER_ROOT, 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((entry) => path.join(WAITER_ROOT, entry));
  if (!force && fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  console.log('building the waiter app…');
  // vitest sets NODE_ENV=test, which would give a development build without its service worker
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WAITER_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
