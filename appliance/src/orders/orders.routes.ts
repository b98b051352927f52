import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { createRouter } from '../shared/openapi.js';

export function ordersRoutes(_ctx: AppContext, _services: Services) {
  return createRouter();
}
