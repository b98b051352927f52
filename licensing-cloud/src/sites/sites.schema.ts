import { z } from '@hono/zod-openapi';
import { SITE_STATUSES } from './site-status.js';
import { SITE_SORTS } from './sites.repository.js';

export const SiteSchema = z
  .object({
    site_id: z.uuid(),
    name: z.string(),
    owner_name: z.string(),
    contact_email: z.string(),
    license_expires_at: z.string(),
    status: z.enum(SITE_STATUSES).openapi({
      description:
        'locked; expired (past its end and the 24 h grace); grace (past its end, within 24 h); never_seen; silent (no heartbeat for 24 h); expiring (ends within 14 days); active',
    }),
    locked: z.boolean(),
    lock_reason: z.string().nullable(),
    locked_at: z.string().nullable(),
    tampering_suspected_at: z.string().nullable().openapi({
      description: 'When the appliance last reported a licence older than the cloud had issued it since: an older database may have been put back',
    }),
    last_seen_at: z.string().nullable(),
    last_seen_ip: z.string().nullable(),
    version: z.string().nullable(),
    uptime_seconds: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Site');

const HeartbeatRecordSchema = z
  .object({
    at: z.string(),
    ip: z.string(),
    version: z.string(),
    uptime_seconds: z.number().int(),
    ok: z.boolean(),
    result: z.enum(['ok', 'locked', 'wrong_key']).openapi({ description: 'ok; locked (answered, with the lock); wrong_key (refused)' }),
  })
  .openapi('HeartbeatRecord');

export const HeartbeatPageSchema = z.object({ items: z.array(HeartbeatRecordSchema), next_cursor: z.string().nullable() }).openapi('HeartbeatPage');

export const HeartbeatsQuery = z.object({
  cursor: z
    .string()
    .max(40)
    .optional()
    .openapi({ param: { in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { in: 'query' } }),
});

export const ListSitesQuery = z.object({
  q: z
    .string()
    .trim()
    .max(120)
    .optional()
    .openapi({ description: 'Part of the name, the owner or the e-mail, in any case', param: { in: 'query' } }),
  status: z
    .enum(SITE_STATUSES)
    .optional()
    .openapi({ param: { in: 'query' } }),
  sort: z
    .enum(SITE_SORTS as [string, ...string[]])
    .default('name')
    .openapi({ description: 'name; expiry (soonest first); last_seen (latest first, never seen last)', param: { in: 'query' } }),
  cursor: z
    .string()
    .max(500)
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

export const SitePageSchema = z.object({ items: z.array(SiteSchema), next_cursor: z.string().nullable() }).openapi('SitePage');

export const SiteDetailSchema = SiteSchema.extend({
  heartbeats: z.array(HeartbeatRecordSchema).openapi({ description: 'The latest 50' }),
  seen_days: z.array(z.string()).openapi({ description: 'The UTC days (YYYY-MM-DD) of the last 30 with an accepted heartbeat' }),
}).openapi('SiteDetail');

export const SiteWithKeySchema = SiteSchema.extend({
  secret_key: z.string().openapi({ description: 'Shown this once; only its SHA-256 is kept' }),
}).openapi('SiteWithKey');

/** Any ISO-8601 instant with a zone, stored as UTC. */
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const CreateSiteBody = z.object({
  name: z.string().trim().min(1).max(120),
  owner_name: z.string().trim().min(1).max(120),
  contact_email: z.email().max(254),
  license_expires_at: instant,
});

export const UpdateSiteBody = CreateSiteBody.partial().refine((body) => Object.keys(body).length > 0, 'nothing to change');

export const LockBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const SiteIdParam = z.object({ site_id: z.uuid().openapi({ param: { name: 'site_id', in: 'path' } }) });

export type SiteView = z.infer<typeof SiteSchema>;
export type SiteDetail = z.infer<typeof SiteDetailSchema>;
export type CreateSiteInput = z.infer<typeof CreateSiteBody>;
