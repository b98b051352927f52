import crypto from 'node:crypto';
import { recordActivity, type ActivityEntry } from '../activity/activity.repository.js';
import type { Acting } from '../shared/env.js';
import type { CloudContext } from '../shared/context.js';
import { found, notFound } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import { hashSiteKey, newSiteKey } from './site-key.js';
import type { CreateSiteInput, SiteDetail, SiteView } from './sites.schema.js';
import { badRequest } from '../shared/errors.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import {
  daysSeen,
  deleteSite,
  findSite,
  heartbeatHistory,
  insertSite,
  listSites,
  recentHeartbeats,
  updateSite,
  type SiteQuery,
  type SiteRow,
  type SiteSort,
} from './sites.repository.js';
import type { SiteStatus } from './site-status.js';

const toView = (row: SiteRow): SiteView => ({
  site_id: row.id,
  name: row.name,
  owner_name: row.owner_name,
  contact_email: row.contact_email,
  license_expires_at: row.license_expires_at,
  status: row.status,
  locked: row.locked === 1,
  lock_reason: row.lock_reason,
  locked_at: row.locked_at,
  tampering_suspected_at: row.tampering_suspected_at,
  last_seen_at: row.last_seen_at,
  last_seen_ip: row.last_seen_ip,
  version: row.last_version,
  uptime_seconds: row.last_uptime_seconds,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

const DAY_MS = 24 * 60 * 60 * 1000;
/** The site detail's strip of days seen and not seen. */
const SEEN_DAYS = 30;

const toRecord = ({ ok, locked, ...heartbeat }: Awaited<ReturnType<typeof heartbeatHistory>>[number]) => ({
  ...heartbeat,
  ok: ok === 1,
  result: ok !== 1 ? ('wrong_key' as const) : locked === 1 ? ('locked' as const) : ('ok' as const),
});

export function createSitesService(ctx: CloudContext) {
  const { db, clock } = ctx;

  const get = async (id: string): Promise<SiteView> => toView(found(await findSite(db, id, clock.now()), 'Site'));

  /** Changes a site and records who did it and why, in one transaction; 404 when there is no such site. */
  const change = async (actor: Acting, id: string, changes: Parameters<typeof updateSite>[2], entry: ActivityEntry): Promise<SiteView> => {
    await db.transaction().execute(async (trx) => {
      if (!(await updateSite(trx, id, { ...changes, updated_at: isoNow(clock) }))) throw notFound('Site');
      await recordActivity(trx, actor, { ...entry, target: id }, isoNow(clock));
    });
    return get(id);
  };

  return {
    /** One page of sites; `next_cursor` is null on the last. */
    async list(query: { q?: string | undefined; status?: SiteStatus | undefined; sort: string; cursor?: string | undefined; limit: number }) {
      const page: SiteQuery = {
        q: query.q,
        status: query.status,
        sort: query.sort as SiteSort,
        after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
        limit: query.limit + 1,
      };
      const rows = await listSites(db, page, clock.now());
      const last = rows[query.limit - 1];
      return { items: rows.slice(0, query.limit).map(toView), next_cursor: rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null };
    },

    async detail(id: string): Promise<SiteDetail> {
      const site = await get(id);
      const since = new Date(clock.now().getTime() - SEEN_DAYS * DAY_MS).toISOString().slice(0, 10);
      return { ...site, heartbeats: (await recentHeartbeats(db, id)).map(toRecord), seen_days: await daysSeen(db, id, since) };
    },

    /** A site's heartbeats, newest first, a page at a time (the cursor is where the next page starts). */
    async heartbeats(id: string, query: { cursor?: string | undefined; limit: number }) {
      await get(id);
      const offset = query.cursor === undefined ? 0 : Number(Buffer.from(query.cursor, 'base64url').toString());
      if (!Number.isSafeInteger(offset) || offset < 0) throw badRequest('invalid_cursor', 'This page cursor is not valid');
      const rows = await heartbeatHistory(db, id, offset, query.limit + 1);
      const next = rows.length > query.limit ? Buffer.from(String(offset + query.limit)).toString('base64url') : null;
      return { items: rows.slice(0, query.limit).map(toRecord), next_cursor: next };
    },

    /** Registers a site; the secret key is returned here and never again. */
    async register(actor: Acting, input: CreateSiteInput): Promise<SiteView & { secret_key: string }> {
      const id = crypto.randomUUID();
      const secret_key = newSiteKey();
      const now = isoNow(clock);
      await db.transaction().execute(async (trx) => {
        await insertSite(trx, { id, ...input, key_hash: hashSiteKey(secret_key).toString('hex'), created_at: now, updated_at: now });
        await recordActivity(trx, actor, { action: 'site_registered', target: id, details: { ...input } }, now);
      });
      return { ...(await get(id)), secret_key };
    },

    async update(actor: Acting, id: string, changes: Partial<CreateSiteInput>): Promise<SiteView> {
      const before = found(await findSite(db, id, clock.now()), 'Site');
      const changed = Object.fromEntries(Object.entries(changes).map(([key, to]) => [key, { from: before[key as keyof CreateSiteInput], to }]));
      return change(actor, id, changes, { action: 'site_updated', details: changed });
    },

    async remove(actor: Acting, id: string): Promise<void> {
      const site = found(await findSite(db, id, clock.now()), 'Site');
      await db.transaction().execute(async (trx) => {
        if (!(await deleteSite(trx, id))) throw notFound('Site');
        await recordActivity(trx, actor, { action: 'site_deregistered', target: id, details: { name: site.name } }, isoNow(clock));
      });
    },

    lock: (actor: Acting, id: string, reason: string) =>
      change(actor, id, { locked: 1, lock_reason: reason, locked_at: isoNow(clock) }, { action: 'site_locked', details: { reason } }),

    unlock: (actor: Acting, id: string) => change(actor, id, { locked: 0, lock_reason: null, locked_at: null }, { action: 'site_unlocked' }),

    /** A new key replaces the old one at once; the old key is refused from now on. */
    async rotateKey(actor: Acting, id: string): Promise<SiteView & { secret_key: string }> {
      const secret_key = newSiteKey();
      return { ...(await change(actor, id, { key_hash: hashSiteKey(secret_key).toString('hex') }, { action: 'key_rotated' })), secret_key };
    },
  };
}
