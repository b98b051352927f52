import crypto from 'node:crypto';
import type { CloudContext } from '../shared/context.js';
import { found, notFound } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import { hashSiteKey, newSiteKey } from './site-key.js';
import { siteStatus } from './site-status.js';
import type { CreateSiteInput, SiteDetail, SiteView } from './sites.schema.js';
import { deleteSite, findSite, insertSite, listSites, recentHeartbeats, updateSite, type SiteRow } from './sites.repository.js';

const toView = (row: SiteRow, now: Date): SiteView => ({
  site_id: row.id,
  name: row.name,
  owner_name: row.owner_name,
  contact_email: row.contact_email,
  license_expires_at: row.license_expires_at,
  status: siteStatus(row, now),
  locked: row.locked === 1,
  lock_reason: row.lock_reason,
  locked_at: row.locked_at,
  last_seen_at: row.last_seen_at,
  last_seen_ip: row.last_seen_ip,
  version: row.last_version,
  uptime_seconds: row.last_uptime_seconds,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

export function createSitesService(ctx: CloudContext) {
  const { db, clock } = ctx;

  const get = async (id: string): Promise<SiteView> => toView(found(await findSite(db, id), 'Site'), clock.now());

  const change = async (id: string, changes: Parameters<typeof updateSite>[2]): Promise<SiteView> => {
    if (!(await updateSite(db, id, { ...changes, updated_at: isoNow(clock) }))) throw notFound('Site');
    return get(id);
  };

  return {
    list: async (): Promise<SiteView[]> => {
      const now = clock.now();
      return (await listSites(db)).map((row) => toView(row, now));
    },

    async detail(id: string): Promise<SiteDetail> {
      const site = await get(id);
      const heartbeats = (await recentHeartbeats(db, id)).map((h) => ({ ...h, ok: h.ok === 1 }));
      return { ...site, heartbeats };
    },

    /** Registers a site; the secret key is returned here and never again. */
    async register(input: CreateSiteInput): Promise<SiteView & { secret_key: string }> {
      const id = crypto.randomUUID();
      const secret_key = newSiteKey();
      const now = isoNow(clock);
      await insertSite(db, { id, ...input, key_hash: hashSiteKey(secret_key).toString('hex'), created_at: now, updated_at: now });
      return { ...(await get(id)), secret_key };
    },

    update: (id: string, changes: Partial<CreateSiteInput>) => change(id, changes),

    async remove(id: string): Promise<void> {
      if (!(await deleteSite(db, id))) throw notFound('Site');
    },

    lock: (id: string, reason: string) => change(id, { locked: 1, lock_reason: reason, locked_at: isoNow(clock) }),

    unlock: (id: string) => change(id, { locked: 0, lock_reason: null, locked_at: null }),

    /** A new key replaces the old one at once; the old key is refused from now on. */
    async rotateKey(id: string): Promise<SiteView & { secret_key: string }> {
      const secret_key = newSiteKey();
      return { ...(await change(id, { key_hash: hashSiteKey(secret_key).toString('hex') })), secret_key };
    },
  };
}
