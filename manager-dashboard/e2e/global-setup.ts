import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '@tavli/test-kit/build';

export const DASHBOARD_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The end-to-end tests drive the built dashboard as the appliance serves it. */
export default function setup(): void {
  buildIfStale(DASHBOARD_ROOT, { name: 'the manager dashboard' });
}
