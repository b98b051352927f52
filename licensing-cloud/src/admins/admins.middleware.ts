import { createMiddleware } from 'hono/factory';
import { clientAddress } from '@tavli/server-kit/client-address';
import type { AppEnv } from '../shared/env.js';
import { forbidden } from '../shared/errors.js';
import { hasAdminRole, type AdminsService } from './admins.service.js';
import type { AdminRole } from './admins.table.js';

/** A signed-in, still-active admin, or 401. */
export const requireAdmin = (admins: AdminsService) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const admin = await admins.authenticate(header?.startsWith('Bearer ') ? header.slice(7) : undefined);
    c.set('admin', { ...admin, address: clientAddress(c) });
    return next();
  });

const ROLE_NAMES: Record<AdminRole, string> = { viewer: 'signed-in admins', operator: 'operators and owners', owner: 'owners' };

/** At least `role` (after requireAdmin), or 403: the API enforces the roles, not only the screen. */
export const requireRole = (role: AdminRole) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!hasAdminRole(c.get('admin').role, role)) throw forbidden(`Only ${ROLE_NAMES[role]} may do this`);
    return next();
  });
