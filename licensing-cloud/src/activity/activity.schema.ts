import { z } from '@hono/zod-openapi';

const instant = (description: string) =>
  z
    .string()
    .max(40)
    .refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO date or timestamp')
    .transform((value) => new Date(value).toISOString())
    .optional()
    .openapi({ description, example: '2026-06-14', param: { in: 'query' } });

export const ActivityQuery = z.object({
  from: instant('From this instant (UTC; a date means its midnight)'),
  to: instant('Before this instant, in the same format'),
  admin_id: z
    .uuid()
    .optional()
    .openapi({ param: { in: 'query' } }),
  action: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .openapi({ description: 'e.g. login_failed, site_locked, key_rotated, admin_updated', param: { in: 'query' } }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'From the previous page’s `next_cursor`', param: { in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { in: 'query' } }),
});

export const ActivitySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    admin_id: z.string().nullable().openapi({ description: 'Null for a failed sign-in under a name that is no admin' }),
    username: z.string(),
    action: z.string(),
    target: z.string().nullable().openapi({ description: 'The site or admin the action was done to' }),
    address: z.string(),
    details: z.record(z.string(), z.unknown()).openapi({ description: 'What changed (from, to), the lock reason, and so on' }),
  })
  .openapi('AdminActivity');

export const ActivityPageSchema = z.object({ items: z.array(ActivitySchema), next_cursor: z.string().nullable() }).openapi('AdminActivityPage');

export type ActivityQueryInput = z.infer<typeof ActivityQuery>;
