import type { AppContext } from '../shared/context.js';

export function createReportsService(ctx: AppContext, _deps?: unknown) {
  return { ctx };
}
