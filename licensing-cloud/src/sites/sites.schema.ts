import { z } from '@hono/zod-openapi';
import { SITE_STATUSES } from './site-status.js';

export const SiteSchema = z
  .object({
    site_id: z.uuid(),
    name: z.string(),
    owner_name: z.string(),
    contact_email: z.string(),
    license_expires_at: z.string(),
    status: z.enum(SITE_STATUSES),
    locked: z.boolean(),
    lock_reason: z.string().nullable(),
    locked_at: z.string().nullable(),
    last_seen_at: z.string().nullable(),
    last_seen_ip: z.string().nullable(),
    version: z.string().nullable(),
    uptime_seconds: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Site');

const HeartbeatRecordSchema = z
  .object({ at: z.string(), ip: z.string(), version: z.string(), uptime_seconds: z.number().int(), ok: z.boolean() })
  .openapi('HeartbeatRecord');

export const SiteDetailSchema = SiteSchema.extend({ heartbeats: z.array(HeartbeatRecordSchema) }).openapi('SiteDetail');

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
