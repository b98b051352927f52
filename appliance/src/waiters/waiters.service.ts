import type { AppContext } from '../shared/context.js';

export function createWaitersService(ctx: AppContext, _deps?: unknown) {
  return { ctx };
}
