import type { MiddlewareHandler } from 'hono';
import { z, type RouteConfig } from '@hono/zod-openapi';
import { addErrors, errorAnswers, routerFactory, type ErrorSpec, type Operation } from '@tavli/server-kit/openapi';
import type { AppEnv } from './env.js';
import type { ErrorCode } from './errors.js';

/** Every feature router of the appliance. */
export const createRouter = routerFactory<AppEnv>();

/** A router whose every route first passes `guards` (see auth/access.ts). */
export const guardedRouter = (guards: Array<MiddlewareHandler<AppEnv>>) => {
  const router = createRouter();
  router.use(...guards);
  return router;
};

/** One route behind `guards`, run before the route's own middleware (such as requireManager). */
export const guarded = <R extends RouteConfig>(route: R, guards: Array<MiddlewareHandler<AppEnv>>): R => ({
  ...route,
  middleware: [...guards, ...[route.middleware ?? []].flat()],
});

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const UuidParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(500) });

/** For what a manager does: a waiter may send it with a manager's username and PIN, typed on the phone. */
export const ApprovalSchema = z
  .object({ username: z.string().trim().min(1).max(64), pin: z.string().min(1).max(32) })
  .openapi('ManagerApproval', { description: 'A manager’s username and PIN typed on the waiter’s phone; the action is done under the manager’s name' });

export const ApprovedReasonBody = ReasonBody.extend({ approval: ApprovalSchema.optional() });

const answers = errorAnswers<ErrorCode>();
const SIGNED_IN: ErrorSpec<ErrorCode> = { 401: ['unauthenticated'] };
const LICENSED: ErrorSpec<ErrorCode> = { 402: ['license_expired', 'license_offline_too_long', 'not_activated'], 423: ['site_locked'] };

/**
 * The error responses of an operation, by who may call it: each adds what its guards answer
 * (access.ts) to the codes the route itself can answer.
 */
export const errors = {
  public: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(...specs),
  /** Signed in, whatever the licence says. */
  signedIn: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(SIGNED_IN, ...specs),
  /** Signed in on a licensed site: every feature route. */
  member: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(SIGNED_IN, LICENSED, ...specs),
  manager: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(SIGNED_IN, LICENSED, { 403: ['forbidden'] }, ...specs),
};

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/**
 * What every operation of the appliance can also answer: 421 under a name that is not the
 * appliance's (host-check/); on writes, 503 when the database could not take one
 * (db/write-queue.ts) and 507 on a nearly full disk (db/disk-space.ts); and on member routes that
 * change something, `Idempotency-Key` (idempotency.ts). Member routes are the ones that answer
 * the licence's 423.
 */
export function completeApplianceOperation(operation: Operation, method: string): void {
  addErrors(operation, { 421: ['unknown_host'] });
  if (MUTATING.has(method)) addErrors(operation, { 503: ['write_failed', 'database_busy'], 507: ['disk_full'] });
  if (!MUTATING.has(method) || !operation.responses['423']) return;
  operation.parameters = [
    ...(operation.parameters ?? []),
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A key of the client’s choice (8–128 of A–Z a–z 0–9 - _ . :); a repeat with the same body is answered the first result again, without acting twice',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
    },
  ];
  addErrors(operation, { 400: ['invalid_idempotency_key'], 422: ['idempotency_key_reused'] });
}
