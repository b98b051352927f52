import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '@tavli/test-kit/build';

export const PANEL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The end-to-end tests drive the built panel as the cloud serves it. */
export default function setup(): void {
  buildIfStale(PANEL_ROOT, { name: 'the sysadmin panel' });
}
