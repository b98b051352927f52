import { createMiddleware } from 'hono/factory';
import { clientAddress } from '@tavli/server-kit/client-address';
import type { AppContext } from '../shared/context.js';
import type { AppEnv, StaffUser } from '../shared/env.js';
import { ApprovalSchema } from '../shared/openapi.js';
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
    const session = await verifyToken(token, ctx.clock.now());
    const found = session === undefined ? undefined : findActiveUser(ctx.db, session.userId);
    // A PIN reset, a new role or a deactivation bumped the version: every older token ends here.
    if (!found || !session || found.token_version !== session.version) throw unauthenticated();
    const { token_version: version, ...user } = found;
    c.set('user', { ...user, address: clientAddress(c) });
    c.set('session', { version, authTime: session.authTime, expiresAt: session.expiresAt });
    return next();
  });

const rank: Record<Role, number> = { waiter: 0, manager: 1, admin: 2 };

export const hasRole = (role: Role, atLeast: Role) => rank[role] >= rank[atLeast];

/**
 * A manager, or a waiter whose request carries a manager's `approval` (username and PIN, typed on
 * the phone): the route then acts as that manager, with the waiter recorded as who asked.
 */
export const managerOrApproval = (approve: (username: string, pin: string, address: string) => Promise<StaffUser>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (hasRole(user.role, 'manager')) return next();
    const body: unknown = await c.req.json().catch(() => undefined);
    const approval = ApprovalSchema.safeParse(typeof body === 'object' && body !== null ? (body as { approval?: unknown }).approval : undefined);
    if (!approval.success) throw fail(403, 'forbidden', 'A manager must do or approve this: send their username and PIN as `approval`');
    const manager = await approve(approval.data.username, approval.data.pin, user.address);
    c.set('user', { ...manager, address: user.address, requestedBy: { id: user.id, full_name: user.full_name } });
    return next();
  });

/** Managers (and admins) only. */
export const requireManager = createMiddleware<AppEnv>(async (c, next) => {
  if (!hasRole(c.get('user').role, 'manager')) throw fail(403, 'forbidden', 'Managers only');
  return next();
});
