import type { MiddlewareHandler } from 'hono';
import { idempotency } from '../idempotency/idempotency.js';
import { enforceLicense } from '../license/license.middleware.js';
import type { LicenseService } from '../license/license.service.js';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { authenticate } from './auth.middleware.js';
import { createTokenVerifier } from './tokens.js';

type Guards = Array<MiddlewareHandler<AppEnv>>;

/**
 * Who may reach a route, declared where the route is mounted (a sub-app's `use`, or `guarded`
 * on one route); a route with no guard is public.
 */
export function createAccess(ctx: AppContext, license: LicenseService) {
  const verifyToken = createTokenVerifier(ctx.jwtSecret);
  const signedIn = authenticate(ctx, verifyToken);
  const licensed: MiddlewareHandler<AppEnv> = ctx.config.licensing.enforce ? enforceLicense(license) : (_c, next) => next();
  return {
    /** Signed in, whatever the licence says: a locked site's screens can still learn why and refresh. */
    signedIn: [signedIn] as Guards,
    /** The live event stream: signed in by the token in its query, licence or not, so screens hear the unlock. */
    streaming: [authenticate(ctx, verifyToken, 'query')] as Guards,
    /** Every feature route: a licensed site (423/402 otherwise), a signed-in user, and Idempotency-Key replays. */
    member: [licensed, signedIn, idempotency(ctx)] as Guards,
  };
}

export type Access = ReturnType<typeof createAccess>;
