import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { fail } from '../shared/errors.js';
import { routePath } from '@tavli/server-kit/paths';
import type { Role } from './users.table.js';
import { createTokenVerifier } from './tokens.js';
import { findActiveUser } from './users.repository.js';

const PUBLIC_PATHS = new Set(['/api/auth/login', '/api/auth/staff', '/api/system/health', '/api/system/license', '/api/docs', '/api/openapi.json']);

const unauthenticated = () => fail(401, 'unauthenticated', 'Sign in first: missing or expired token');

/**
 * Every /api route needs a signed-in, still-active user, except the few public ones.
 * The event stream takes its token as a query parameter because EventSource cannot send headers.
 */
export const authenticate = (ctx: AppContext) => {
  const verifyToken = createTokenVerifier(ctx.jwtSecret);
  return createMiddleware<AppEnv>(async (c, next) => {
    const path = routePath(c);
    if (PUBLIC_PATHS.has(path)) return next();
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7) : path === '/api/events' ? c.req.query('token') : undefined;
    if (!token) throw unauthenticated();
    const userId = await verifyToken(token, ctx.clock.now());
    const user = userId === undefined ? undefined : findActiveUser(ctx.db, userId);
    if (!user) throw unauthenticated();
    c.set('user', user);
    return next();
  });
};

const rank: Record<Role, number> = { waiter: 0, manager: 1, admin: 2 };

export const hasRole = (role: Role, atLeast: Role) => rank[role] >= rank[atLeast];

/** Managers (and admins) only. */
export const requireManager = createMiddleware<AppEnv>(async (c, next) => {
  if (!hasRole(c.get('user').role, 'manager')) throw fail(403, 'forbidden', 'Managers only');
  return next();
});
