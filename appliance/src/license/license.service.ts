import crypto from 'node:crypto';
import type { JWK } from 'jose';
import type { AppContext } from '../shared/context.js';
import { conflict, fail } from '../shared/errors.js';
import type { LicensingSite } from '../config.js';
import { readStoredSite, storeSite } from './license-site.js';
import { createCloudClient, type CloudClient } from './cloud-client.js';
import type { LicenseClaims } from '@tavli/licensing-contract/license';
import { endorsedKey, verifyLicense } from './license-claims.js';
import { evaluateLicense, type Evaluation } from './license-evaluation.js';
import { createLicenseStore, type LicenseRecord } from './license-store.js';
import { parsePublicKey } from './pinned-key.js';
import { createTrustedClock } from './trusted-clock.js';

const REFRESH_EVERY_MS = 10_000;

/**
 * The appliance's licence: the last verified licence, heartbeats to the cloud, and the verdict
 * the enforcement middleware applies. An unreachable cloud never changes the verdict.
 */
export async function createLicenseService(ctx: AppContext) {
  const config = ctx.config.licensing;
  const store = createLicenseStore(ctx.db, ctx.config.dataDir);
  const watermark = store.readWatermark();
  let record: LicenseRecord | undefined = store.readRecord();
  // A record older than the watermark kept outside the database is an old pos.db put back: its licence does not count.
  const rolledBack = record !== undefined && watermark !== undefined && record.seq < watermark.seq;
  /** The licence number the database held when it was found put back: told to the cloud, which marks the site. */
  const restoredSeq = rolledBack ? record!.seq : undefined;
  if (rolledBack) {
    console.error(
      `pos.db holds licence #${record!.seq}, but #${watermark.seq} was accepted before: an older database was restored; the licence waits for the cloud`,
    );
    record = undefined;
  }
  const clock = createTrustedClock(ctx.clock, Math.max(record?.highWaterMark ?? 0, watermark?.highWaterMark ?? 0));
  /** No licence numbered at or below this one is ever accepted again. */
  const seqSeen = () => Math.max(record?.seq ?? -1, watermark?.seq ?? -1);
  // A pinned key is one taken on first use (development only) or handed on by the one before it (endorsement).
  const pinned = store.readPinnedKey();
  let keyPinned = pinned !== undefined;
  let key: JWK | undefined = pinned ?? (config.cloudPublicKey ? parsePublicKey(config.cloudPublicKey) : undefined);
  // The environment's site (SITE_ID, SITE_KEY, CLOUD_URL) wins over the one the setup wizard stored.
  let site: LicensingSite | undefined = config.site ?? readStoredSite(ctx.db);
  let cloud: CloudClient | undefined = site && createCloudClient(site.cloudUrl, site.id, site.key);
  let claims = await loadStoredLicense();
  let lastAttemptAt: number | undefined;
  let lastError: string | undefined = rolledBack ? 'license_rolled_back' : site ? undefined : 'not_configured';
  let cloudReachable: boolean | undefined;
  let lastRefreshAt = 0;

  /** The stored licence counts only if it verifies, names this site and is the one its record accepted. */
  async function loadStoredLicense(): Promise<LicenseClaims | undefined> {
    if (!key || !site || !record?.token) return undefined;
    const verified = await verifyLicense(record.token, key, site.id);
    return verified && verified.seq === record.seq && verified.nonce === record.nonce ? verified : undefined;
  }

  const evaluate = (): Evaluation =>
    evaluateLicense({ claims, unlicensedSince: record?.unlicensedSince, lastSuccessAt: record?.lastSuccessAt }, clock.now().getTime(), config);

  function status() {
    const verdict = evaluate();
    const now = clock.now().getTime();
    return {
      state: verdict.state,
      enforced: config.enforce,
      site_id: site?.id ?? null,
      licensed: claims?.licensed ?? false,
      lock_reason: claims?.locked ? claims.lock_reason : null,
      expires_at: claims?.expires_at ?? null,
      grace_remaining_s: verdict.graceEndsAt === undefined ? null : Math.max(0, Math.round((verdict.graceEndsAt - now) / 1000)),
      last_heartbeat_at: record ? new Date(record.lastSuccessAt).toISOString() : null,
      last_attempt_at: lastAttemptAt === undefined ? null : new Date(lastAttemptAt).toISOString(),
      last_error: lastError ?? null,
      cloud_reachable: cloudReachable ?? null,
      system_clock_behind: clock.systemClockBehind(),
      license_time: new Date(now).toISOString(),
    };
  }

  /** What screens care about: a change here is pushed as a live event. */
  const fingerprint = () => [evaluate().state, claims?.seq, claims?.locked, claims?.lock_reason, lastError, cloudReachable].join('|');
  const announce = () => ctx.events.publish({ type: 'license.updated', data: status() });

  /** The licence's claims and the key they verify with: the trusted one, or the next one if the trusted one endorsed it. */
  async function verified(token: string, trusted: JWK, endorsement: string | undefined) {
    const claims = await verifyLicense(token, trusted, site!.id);
    if (claims) return { claims, signedBy: trusted };
    const next = endorsement === undefined ? undefined : await endorsedKey(endorsement, trusted);
    const endorsedClaims = next && (await verifyLicense(token, next, site!.id));
    return endorsedClaims ? { claims: endorsedClaims, signedBy: next } : undefined;
  }

  async function accept(token: string, nonce: string, endorsement: string | undefined) {
    if (!key && !config.trustOnFirstUse) return void (lastError = 'no_trusted_key');
    key ??= await cloud!.signingKey();
    if (!key) return void (lastError = 'no_signing_key');
    const licence = await verified(token, key, endorsement);
    if (!licence || licence.claims.nonce !== nonce || licence.claims.seq <= seqSeen()) return void (lastError = 'invalid_license');
    const { claims: accepted, signedBy } = licence;
    // A key handed on by endorsement, or one taken on first use in development, is pinned for the next start.
    if (signedBy !== key || (!config.cloudPublicKey && !keyPinned)) {
      store.pinKey(signedBy);
      keyPinned = true;
    }
    key = signedBy;
    clock.observe(Date.parse(accepted.server_time));
    const now = clock.now().getTime();
    const unlicensedSince = accepted.licensed ? undefined : (record?.unlicensedSince ?? Date.parse(accepted.server_time));
    const next = { token, seq: accepted.seq, nonce, lastSuccessAt: now, unlicensedSince, highWaterMark: now };
    await store.writeRecord(next);
    record = next;
    claims = accepted;
    lastError = undefined;
  }

  /**
   * One heartbeat; true when the cloud answered with a licence this appliance accepted. Callers
   * that overlap (a manager's refresh during a scheduled beat) share one request, so a second
   * answer is never refused as a replay of the first.
   */
  let inFlight: Promise<boolean> | undefined;
  const heartbeat = () =>
    (inFlight ??= beatOnce().finally(() => {
      inFlight = undefined;
    }));

  async function beatOnce(): Promise<boolean> {
    if (!cloud) return false;
    const before = fingerprint();
    lastAttemptAt = clock.now().getTime();
    const nonce = crypto.randomBytes(16).toString('base64url');
    const uptime = Math.round((Date.now() - ctx.startedAt) / 1000);
    const answer = await cloud.heartbeat({ version: ctx.version, uptime_seconds: uptime, nonce, last_seq: record?.seq ?? restoredSeq ?? -1 });
    cloudReachable = answer.kind !== 'unreachable';
    if (answer.kind === 'ok') await accept(answer.license, nonce, answer.keyEndorsement);
    else lastError = answer.kind === 'refused' ? answer.code : `unreachable: ${answer.message}`;
    if (fingerprint() !== before) announce();
    return answer.kind === 'ok' && lastError === undefined;
  }

  return {
    evaluate,
    status,
    heartbeat,
    /** Persists licence time so a clock set back after a restart cannot rewind it. */
    async saveHighWaterMark() {
      if (record) await store.writeRecord((record = { ...record, highWaterMark: clock.now().getTime() }));
    },
    /**
     * Sets this appliance's site (the setup wizard) and sends the first heartbeat. A site that
     * already holds a licence is not swapped for another: its licence numbers would be refused.
     */
    async activate(next: LicensingSite) {
      if (site && site.id !== next.id && record) throw conflict('site_already_licensed', `This appliance is licensed as site ${site.id}`);
      await storeSite(ctx.db, next);
      site = next;
      cloud = createCloudClient(next.cloudUrl, next.id, next.key);
      lastError = undefined;
      claims = await loadStoredLicense();
      await heartbeat();
      announce();
      return status();
    },
    /** A manager's "check now"; at most one every 10 s. */
    async refresh() {
      const now = ctx.clock.now().getTime();
      const wait = lastRefreshAt + REFRESH_EVERY_MS - now;
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw fail(429, 'too_many_refreshes', `Try again in ${seconds} s`, undefined, { 'Retry-After': String(seconds) });
      }
      lastRefreshAt = now;
      await heartbeat();
      return status();
    },
  };
}

export type LicenseService = Awaited<ReturnType<typeof createLicenseService>>;
