import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../shared/env.js';
import type { AdminsService } from './admins.service.js';

/** A signed-in, still-active admin, or 401. */
export const requireAdmin = (admins: AdminsService) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    c.set('admin', await admins.authenticate(header?.startsWith('Bearer ') ? header.slice(7) : undefined));
    return next();
  });
