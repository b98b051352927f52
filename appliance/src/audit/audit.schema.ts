import { z } from '@hono/zod-openapi';

const bound = (description: string) =>
  z
    .string()
    .max(64)
    .optional()
    .openapi({ description, example: '2025-06-14', param: { in: 'query' } });

export const AuditQuery = z.object({
  from: bound('An ISO timestamp, or a date meaning the start of that business day'),
  to: bound('Exclusive end, in the same formats'),
  type: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .openapi({ description: 'Only this action, e.g. `login_failed`, `void`, `payment`, `product_updated`', param: { in: 'query' } }),
  user_id: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ param: { in: 'query' } }),
  cursor: z
    .string()
    .max(64)
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

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.string(),
    user: z.object({ id: z.number().int(), full_name: z.string() }).nullable().openapi({ description: 'Null for a sign-in under an unknown name' }),
    address: z.string().nullable().openapi({ description: 'Where the request came from; null for entries older than this field' }),
    entity: z.string().nullable(),
    entity_id: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({ entries: z.array(AuditEntrySchema), next_cursor: z.string().nullable().openapi({ description: 'Null on the last page' }) })
  .openapi('AuditPage');

export type AuditFilter = z.infer<typeof AuditQuery>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
