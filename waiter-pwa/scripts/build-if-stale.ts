import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale as build } from '@tavli/test-kit/build';

export const WAITER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the waiter app when dist/ is missing or older than its sources. */
export const buildIfStale = ({ force = false } = {}) => build(WAITER_ROOT, { force, name: 'the waiter app' });
