import type { AppContext } from '../shared/context.js';

export function createOrdersService(ctx: AppContext, _deps?: unknown) {
  return { ctx };
}
