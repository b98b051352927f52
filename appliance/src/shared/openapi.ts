import type { MiddlewareHandler } from 'hono';
import { z, type RouteConfig } from '@hono/zod-openapi';
import { routerFactory } from '@tavli/server-kit/openapi';
import type { AppEnv } from './env.js';

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
