import { createAuthService } from './auth/auth.service.js';
import { createMenuService } from './menu/menu.service.js';
import { createOrdersService } from './orders/orders.service.js';
import { createPrintersService } from './printing/printers.service.js';
import { createPrintingService } from './printing/printing.service.js';
import { createReportsService } from './reports/reports.service.js';
import type { LicenseService } from './license/license.service.js';
import type { AppContext } from './shared/context.js';
import { createTablesService } from './tables/tables.service.js';
import { findTableState, listTableStates } from './orders/floor.repository.js';
import { createStaffService } from './staff/staff.service.js';
import { createSettingsService } from './settings/settings.service.js';
import { createAuditService } from './audit/audit.service.js';

/** Each feature's rules, built once; features reach each other only through these. */
export function createServices(ctx: AppContext, license: LicenseService) {
  const tables = createTablesService(ctx, { list: listTableStates, find: findTableState });
  const menu = createMenuService(ctx);
  const printing = createPrintingService(ctx);
  return {
    auth: createAuthService(ctx),
    license,
    tables,
    menu,
    printing,
    printers: createPrintersService(ctx, printing),
    orders: createOrdersService(ctx, { tables, menu, printing }),
    staff: createStaffService(ctx),
    reports: createReportsService(ctx, printing),
    settings: createSettingsService(ctx),
    audit: createAuditService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
