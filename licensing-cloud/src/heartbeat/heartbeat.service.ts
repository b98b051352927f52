import { hashSiteKey, keyMatches } from '../sites/site-key.js';
import { createBatcher } from '../shared/batcher.js';
import type { CloudContext } from '../shared/context.js';
import { fail } from '../shared/errors.js';
import {
  advanceSites,
  findKeyHashes,
  insertHeartbeats,
  markTamperingSuspected,
  pruneHeartbeats,
  type AdvancedSite,
  type SiteAdvance,
} from './heartbeat.repository.js';
import { REFUSED_SITE_KEY, type HeartbeatAnswer } from '@tavli/licensing-contract/heartbeat';
import { LICENSE_OFFLINE_DAYS } from '@tavli/licensing-contract/license';

type HeartbeatRequest = { siteId: string; key: string; ip: string; version: string; uptimeSeconds: number; nonce: string; lastSeq: number | undefined };

type Attempt = { siteId: string; keyHash: Buffer; at: string; ip: string; version: string; uptimeSeconds: number; lastSeq: number | undefined };
type Issued = AdvancedSite & { seq: number };

/**
 * How many licences an appliance may be behind without suspicion: the answer to one heartbeat can
 * be lost on the way, so the licence it holds may be one older than the last one issued.
 */
const LOST_ANSWERS_ALLOWED = 1;

/** Heartbeats are kept this long per site. */
const HISTORY_DAYS = 90;
/** Attempts under site ids that do not exist are recorded up to this many a minute, and dropped beyond. */
const UNKNOWN_SITE_ATTEMPTS_PER_MINUTE = 60;

export const refused = () => fail(401, REFUSED_SITE_KEY, 'Unknown site or wrong site key');

/** Per site, how many of the batch's attempts were accepted and what the latest one reported. */
function groupBySite(accepted: Attempt[]): SiteAdvance[] {
  const bySite = new Map<string, SiteAdvance>();
  for (const { keyHash, lastSeq: _reported, ...attempt } of accepted) {
    const count = (bySite.get(attempt.siteId)?.count ?? 0) + 1;
    bySite.set(attempt.siteId, { ...attempt, keyHashHex: keyHash.toString('hex'), count });
  }
  return [...bySite.values()];
}

/** A budget per clock minute: what someone guessing site ids can add to the history stays bounded. */
function unknownSiteBudget(now: () => number) {
  let minute = -1;
  let used = 0;
  return (): boolean => {
    const current = Math.floor(now() / 60_000);
    if (current !== minute) [minute, used] = [current, 0];
    return ++used <= UNKNOWN_SITE_ATTEMPTS_PER_MINUTE;
  };
}

export function createHeartbeatService(ctx: CloudContext) {
  const { db, clock, signer } = ctx;
  // SQLite has one writer at a time already, and no FOR UPDATE.
  const lockRows = ctx.config.database.kind === 'postgres';
  const mayRecordUnknown = unknownSiteBudget(() => clock.now().getTime());

  /**
   * One transaction per batch of concurrent heartbeats: check the keys, advance every accepted
   * site in one statement, record every attempt in another. A site with k heartbeats in the batch
   * hands out the k sequence numbers up to its new seq, in arrival order.
   */
  const record = createBatcher<Attempt, Issued | undefined>((attempts) =>
    db.transaction().execute(async (trx) => {
      const stored = await findKeyHashes(trx, [...new Set(attempts.map((a) => a.siteId))], { lockRows });
      const accepted = new Set(attempts.filter((a) => keyMatches(stored.get(a.siteId), a.keyHash)));
      const advances = groupBySite([...accepted]);
      const advanced = new Map((advances.length > 0 ? await advanceSites(trx, advances) : []).map((site) => [site.id, site]));
      const nextSeq = new Map<string, number>();
      for (const { siteId, count } of advances) {
        const site = advanced.get(siteId);
        if (site) nextSeq.set(siteId, site.seq - count + 1);
      }
      const suspected = new Set<string>();
      const issued = attempts.map((attempt): Issued | undefined => {
        const site = accepted.has(attempt) ? advanced.get(attempt.siteId) : undefined;
        if (!site) return undefined;
        const seq = nextSeq.get(site.id)!;
        nextSeq.set(site.id, seq + 1);
        // Holding a licence older than those issued since (an old database put back); -1 is a fresh install.
        if (attempt.lastSeq !== undefined && attempt.lastSeq >= 0 && attempt.lastSeq < seq - 1 - LOST_ANSWERS_ALLOWED) suspected.add(site.id);
        return { ...site, seq };
      });
      if (suspected.size > 0) await markTamperingSuspected(trx, [...suspected], attempts[0]!.at);
      const rows = attempts
        .map((a, index) => ({
          site_id: a.siteId,
          at: a.at,
          ip: a.ip,
          version: a.version,
          uptime_seconds: a.uptimeSeconds,
          ok: issued[index] ? 1 : 0,
          locked: issued[index]?.locked ?? 0,
        }))
        .filter((row) => stored.has(row.site_id) || mayRecordUnknown());
      if (rows.length > 0) await insertHeartbeats(trx, rows);
      return issued;
    }),
  );

  return {
    /** Forgets heartbeats older than the history keeps (at start and every hour). */
    prune: () => pruneHeartbeats(db, new Date(clock.now().getTime() - HISTORY_DAYS * 24 * 60 * 60 * 1000).toISOString()),

    /** Records the heartbeat and answers with the site's license, signed; 401 for a wrong key. */
    async beat({ key, nonce, ...request }: HeartbeatRequest): Promise<HeartbeatAnswer> {
      const now = clock.now();
      const site = await record({ ...request, keyHash: hashSiteKey(key), at: now.toISOString() });
      if (!site) throw refused();
      const facts = {
        licensed: site.license_expires_at > now.toISOString(),
        locked: site.locked === 1,
        lock_reason: site.lock_reason,
        expires_at: site.license_expires_at,
        server_time: now.toISOString(),
        offline_until: new Date(now.getTime() + LICENSE_OFFLINE_DAYS * 86_400_000).toISOString(),
      };
      const license = await signer.sign({ site_id: request.siteId, ...facts, nonce, seq: site.seq }, now);
      return { ...facts, license, ...(signer.endorsement ? { key_endorsement: signer.endorsement } : {}) };
    },
  };
}
