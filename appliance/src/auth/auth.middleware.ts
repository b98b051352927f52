import { createMiddleware } from 'hono/factory';
import { clientAddress } from '@tavli/server-kit/client-address';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { fail } from '../shared/errors.js';
import type { Role } from './users.table.js';
import type { TokenVerifier } from './tokens.js';
import { findActiveUser } from './users.repository.js';

const unauthenticated = () => fail(401, 'unauthenticated', 'Sign in first: missing or expired token');

/**
 * A signed-in, still-active user. The event stream takes its token from the query instead,
 * because EventSource cannot send headers.
 */
export const authenticate = (ctx: AppContext, verifyToken: TokenVerifier, from: 'header' | 'query' = 'header') =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const token = from === 'query' ? c.req.query('token') : header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw unauthenticated();
    const userId = await verifyToken(token, ctx.clock.now());
    const user = userId === undefined ? undefined : findActiveUser(ctx.db, userId);
    if (!user) throw unauthenticated();
    c.set('user', { ...user, address: clientAddress(c) });
    return next();
  });

const rank: Record<Role, number> = { waiter: 0, manager: 1, admin: 2 };

export const hasRole = (role: Role, atLeast: Role) => rank[role] >= rank[atLeast];

/** Managers (and admins) only. */
export const requireManager = createMiddleware<AppEnv>(async (c, next) => {
  if (!hasRole(c.get('user').role, 'manager')) throw fail(403, 'forbidden', 'Managers only');
  return next();
});
