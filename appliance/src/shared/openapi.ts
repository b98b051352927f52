import { z } from '@hono/zod-openapi';
import { routerFactory } from '@tavli/server-kit/openapi';
import type { AppEnv } from './env.js';

/** Every feature router of the appliance. */
export const createRouter = routerFactory<AppEnv>();

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const UuidParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(500) });
