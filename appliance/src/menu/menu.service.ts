import type { AppContext } from '../shared/context.js';

export function createMenuService(ctx: AppContext, _deps?: unknown) {
  return { ctx };
}
