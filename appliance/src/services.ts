import { createAuthService } from './auth/auth.service.js';
import { createMenuService } from './menu/menu.service.js';
import { createOrdersService } from './orders/orders.service.js';
import { createReportsService } from './reports/reports.service.js';
import type { AppContext } from './shared/context.js';
import { createTablesService } from './tables/tables.service.js';
import { createWaitersService } from './waiters/waiters.service.js';

/** Each feature's rules, built once; features reach each other only through these. */
export function createServices(ctx: AppContext) {
  const tables = createTablesService(ctx);
  const menu = createMenuService(ctx);
  return {
    auth: createAuthService(ctx),
    tables,
    menu,
    orders: createOrdersService(ctx, { tables, menu }),
    waiters: createWaitersService(ctx),
    reports: createReportsService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
