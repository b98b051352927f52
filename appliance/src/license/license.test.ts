import crypto from 'node:crypto';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '@tavli/test-kit/clock';
import { startTestCloud } from '../test/cloud.js';
import { openEventStream } from '../test/event-stream.js';
import { factories } from '../test/factories.js';
import { startTestAppliance, type TestAppliance } from '../test/harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the licence, enforced on the appliance and decided by the cloud', () => {
  const clock = createTestClock();
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  let app: TestAppliance;
  let site: { site_id: string; secret_key: string };
  let maria: string;

  const licence = async () => (await app.call('GET', '/api/system/license')).body;
  const tables = async () => app.call('GET', '/api/tables', { token: maria });
  const refresh = async () => {
    clock.advance(11_000);
    maria = await app.login('maria');
    return app.call('POST', '/api/system/license/refresh', { token: maria });
  };
  /** The licence as stored with its anti-replay record (one row of pos.db), read or replaced while the appliance is stopped. */
  const storedRecord = () => {
    const sqlite = new BetterSqlite3(path.join(app.dataDir, 'pos.db'));
    try {
      return JSON.parse((sqlite.prepare("SELECT value FROM settings WHERE key = 'license_state'").get() as { value: string }).value) as {
        token: string;
        seq: number;
      };
    } finally {
      sqlite.close();
    }
  };
  const storedLicence = () => storedRecord().token;
  const storeLicence = (token: string) => {
    const sqlite = new BetterSqlite3(path.join(app.dataDir, 'pos.db'));
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'license_state'").run(JSON.stringify({ ...storedRecord(), token }));
    sqlite.close();
  };
  const restartWith = async (env: Record<string, string>, whileStopped?: () => void) => {
    await app.restart({ env, whileStopped });
    maria = await app.login('maria');
  };
  const startApplianceFor = (env: Record<string, string> = {}) =>
    startTestAppliance({ clock, env: { LICENSE_ENFORCEMENT: 'on', SITE_ID: site.site_id, SITE_KEY: site.secret_key, CLOUD_URL: cloud.url, ...env } });
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  beforeAll(async () => {
    cloud = await startTestCloud(clock);
    site = await cloud.registerSite('Ταβέρνα «Το Τάβλι»', new Date(Date.now() + 30 * DAY));
    app = await startApplianceFor();
    maria = await app.login('maria');
    await until(async () => (await licence()).state === 'active');
  });
  afterAll(async () => {
    await app.stop();
    await cloud.stop();
    cloud.remove();
  });

  it('activates on its first heartbeat and serves orders', async () => {
    expect(await licence()).toMatchObject({ state: 'active', site_id: site.site_id, licensed: true, cloud_reachable: true });
    expect((await tables()).status).toBe(200);
    expect(storedLicence()).toMatch(/^ey/);
  });

  it('answers 423 with the reason once a locked site refreshes, tells every screen, and works again after unlock', async () => {
    const screen = openEventStream(app.url, await app.login('nikos'));
    await screen.ready;
    await cloud.admin('POST', `/api/sites/${site.site_id}/lock`, { reason: 'Ανεξόφλητο τιμολόγιο' });
    expect((await refresh()).body.state).toBe('locked');
    const pushed = await screen.next((e) => e.event === 'license.updated' && e.data.state === 'locked');
    expect(pushed.data.lock_reason).toBe('Ανεξόφλητο τιμολόγιο');
    screen.close();
    const refused = await tables();
    expect(refused.status).toBe(423);
    expect(refused.body.error).toEqual({ code: 'site_locked', message: expect.any(String), lock_reason: 'Ανεξόφλητο τιμολόγιο' });
    expect((await app.call('GET', '/api/system/health')).status).toBe(200);
    expect((await app.call('GET', '/api/auth/me', { token: maria })).status).toBe(200);
    // A screen opened while locked still gets its live stream, so it hears the unlock.
    const lateScreen = openEventStream(app.url, maria);
    await lateScreen.ready;
    lateScreen.close();
    await cloud.admin('POST', `/api/sites/${site.site_id}/unlock`);
    expect((await refresh()).body.state).toBe('active');
    expect((await tables()).status).toBe(200);
  });

  it('shares one request between a scheduled heartbeat and a refresh that overlap, so neither answer is refused as a replay', async () => {
    const { license } = app.appliance.services;
    const seqBefore = storedRecord().seq;
    clock.advance(11_000);
    const [beat, refreshed] = await Promise.all([license.heartbeat(), license.refresh()]);
    expect(beat).toBe(true);
    expect(refreshed).toMatchObject({ state: 'active', last_error: null });
    expect(storedRecord().seq).toBe(seqBefore + 1);
  });

  it('limits refreshes to one every 10 seconds', async () => {
    expect((await refresh()).status).toBe(200);
    const again = await app.call('POST', '/api/system/license/refresh', { token: maria });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps taking orders while the cloud is unreachable', async () => {
    await cloud.stop();
    const status = (await refresh()).body;
    expect(status).toMatchObject({ state: 'active', cloud_reachable: false });
    const nikos = await app.login('nikos');
    const order = await factories(app).openOrder(nikos);
    expect(order.id).toBeTruthy();
    await cloud.start();
  });

  it('keeps the last verified state when the cloud refuses a wrong site key', async () => {
    await restartWith({ SITE_KEY: 'tvl_sk_wrong' });
    await until(async () => (await licence()).last_error !== null);
    expect(await licence()).toMatchObject({ state: 'active', last_error: 'invalid_site_key' });
    expect((await tables()).status).toBe(200);
    await restartWith({});
  });

  it('treats a tampered, a foreign-site or a replayed licence file as no licence', async () => {
    const genuine = storedLicence();
    const other = await cloud.registerSite('Άλλη ταβέρνα', new Date(Date.now() + 30 * DAY));
    const foreign = (await cloud.heartbeat(other.site_id, other.secret_key, crypto.randomUUID())).body.license as string;
    const [header, payload, signature] = genuine.trim().split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, locked: false, expires_at: '2099-01-01T00:00:00.000Z' })).toString('base64url'),
      signature,
    ].join('.');
    await cloud.stop();
    for (const file of [tampered, foreign]) {
      await restartWith({}, () => storeLicence(file));
      expect((await licence()).state).toBe('not_activated');
      const refused = await tables();
      expect(refused.status).toBe(402);
      expect(refused.body.error.code).toBe('not_activated');
    }
    await cloud.start();
    await restartWith({}, () => storeLicence(genuine));
    await until(async () => (await licence()).state === 'active');
    const older = storedLicence();
    expect((await refresh()).body.state).toBe('active');
    await cloud.stop();
    await restartWith({}, () => storeLicence(older));
    expect((await licence()).state).toBe('not_activated');
    await cloud.start();
    await restartWith({});
    await until(async () => (await licence()).state === 'active');
  });

  it('gives 24 hours of grace after expiry, then answers 402 license_expired, and a clock set back does not undo it', async () => {
    await cloud.admin('PUT', `/api/sites/${site.site_id}`, { license_expires_at: new Date(clock.now().getTime() + HOUR).toISOString() });
    expect((await refresh()).body.state).toBe('active');
    clock.advance(2 * HOUR);
    const grace = await refresh();
    expect(grace.body.state).toBe('grace');
    expect(grace.body.grace_remaining_s).toBeGreaterThan(22 * 3600);
    const warned = await tables();
    expect(warned.status).toBe(200);
    expect(warned.headers.get('x-license-state')).toBe('grace');
    clock.advance(DAY);
    maria = await app.login('maria');
    const expired = await tables();
    expect(expired.status).toBe(402);
    expect(expired.body.error.code).toBe('license_expired');

    // The test's cloud shares the appliance's clock; the real cloud's would not move with it, so it is out of reach here.
    await cloud.stop();
    clock.advance(-365 * DAY);
    maria = await app.login('maria');
    expect((await tables()).status).toBe(402);
    expect((await licence()).system_clock_behind).toBe(true);
    await restartWith({});
    expect((await tables()).status).toBe(402);
    clock.advance(365 * DAY);
    await cloud.start();
  });

  it('never locks out over a clock set back a year while licensed', async () => {
    await cloud.admin('PUT', `/api/sites/${site.site_id}`, { license_expires_at: new Date(clock.now().getTime() + 60 * DAY).toISOString() });
    expect((await refresh()).body.state).toBe('active');
    clock.advance(-365 * DAY);
    maria = await app.login('maria');
    expect((await tables()).status).toBe(200);
    const status = await licence();
    expect(status).toMatchObject({ state: 'active', system_clock_behind: true });
    clock.advance(365 * DAY);
  });

  it('warns after 30 days without a successful heartbeat and refuses after the grace window', async () => {
    await cloud.stop();
    clock.advance(30 * DAY + HOUR);
    maria = await app.login('maria');
    const warned = await tables();
    expect(warned.status).toBe(200);
    expect(warned.headers.get('x-license-state')).toBe('offline_warning');
    clock.advance(DAY);
    maria = await app.login('maria');
    const refused = await tables();
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('license_offline_too_long');
    await cloud.start();
    expect((await refresh()).body.state).toBe('active');
  });

  it('does not take an older pos.db back: its licence waits for the cloud, because the watermark outside the database is newer', async () => {
    const file = path.join(app.dataDir, 'pos.db');
    let older = Buffer.alloc(0);
    await restartWith({}, () => (older = fs.readFileSync(file)));
    expect((await refresh()).body.state).toBe('active');
    await cloud.stop();
    await restartWith({}, () => {
      fs.writeFileSync(file, older);
      for (const extra of ['-wal', '-shm']) fs.rmSync(file + extra, { force: true });
    });
    expect((await licence()).state).toBe('not_activated');
    expect((await tables()).status).toBe(402);
    await cloud.start();
    expect((await refresh()).body.state).toBe('active');
  });
});

describe('a boot with the clock far ahead', () => {
  const cloudClock = createTestClock();
  const applianceClock = createTestClock();
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  let app: TestAppliance | undefined;
  beforeAll(async () => {
    cloud = await startTestCloud(cloudClock);
  });
  afterAll(async () => {
    await app?.stop();
    await cloud.stop();
    cloud.remove();
  });

  it('does not expire the licence for good: the cloud’s signed time brings licence time back, before and after the clock is fixed', async () => {
    const site = await cloud.registerSite('Ταβέρνα «Το Ρολόι»', new Date(Date.now() + 30 * DAY));
    const env = { LICENSE_ENFORCEMENT: 'on', SITE_ID: site.site_id, SITE_KEY: site.secret_key, CLOUD_URL: cloud.url };
    applianceClock.advance(2 * 365 * DAY);
    // First without the cloud: the high-water mark two years ahead is saved at stop.
    await cloud.stop();
    app = await startTestAppliance({ clock: applianceClock, env });
    await app.restart();
    await cloud.start();
    const licence = async () => (await app!.call('GET', '/api/system/license')).body;
    const refresh = async () => app!.call('POST', '/api/system/license/refresh', { token: await app!.login('maria') });
    expect((await refresh()).body).toMatchObject({ state: 'active', licensed: true });
    expect(Date.parse((await licence()).license_time)).toBeLessThan(Date.now() + DAY);

    applianceClock.advance(-2 * 365 * DAY);
    await app.restart();
    const maria = await app.login('maria');
    expect((await app.call('GET', '/api/tables', { token: maria })).status).toBe(200);
    expect(await licence()).toMatchObject({ state: 'active', system_clock_behind: false });
  });
});

describe('the cloud’s key on a built appliance', () => {
  const clock = createTestClock();
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  beforeAll(async () => {
    cloud = await startTestCloud(clock);
  });
  afterAll(async () => {
    await cloud.stop();
    cloud.remove();
  });

  it('is never taken from the first answer: without the key it came with, it is not activated and pins nothing; with it, it is', async () => {
    const site = await cloud.registerSite('Ταβέρνα «Το Κλειδί»', new Date(Date.now() + 30 * DAY));
    const env = { LICENSE_ENFORCEMENT: 'on', SITE_ID: site.site_id, SITE_KEY: site.secret_key, CLOUD_URL: cloud.url };
    const app = await startTestAppliance({ clock, env, built: true });
    const refresh = async () => (await app.call('POST', '/api/system/license/refresh', { token: await app.login('maria') })).body;
    try {
      expect(await refresh()).toMatchObject({ state: 'not_activated', last_error: 'no_trusted_key' });
      expect(fs.existsSync(path.join(app.dataDir, 'license', 'cloud-key.jwk'))).toBe(false);
      const { keys } = (await (await fetch(`${cloud.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
      await app.restart({ env: { CLOUD_PUBLIC_KEY: JSON.stringify(keys[0]) } });
      expect(await refresh()).toMatchObject({ state: 'active', licensed: true });
    } finally {
      await app.stop();
    }
  });
});

describe('a cloud rotating its signing key', () => {
  const clock = createTestClock();
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  beforeAll(async () => {
    cloud = await startTestCloud(clock);
  });
  afterAll(async () => {
    await cloud.stop();
    cloud.remove();
  });
  const newKey = () => crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('hands the appliance its new key only with the old key’s endorsement; a key nobody endorsed is never taken', async () => {
    const site = await cloud.registerSite('Ταβέρνα «Η Αλλαγή»', new Date(Date.now() + 30 * DAY));
    const { keys } = (await (await fetch(`${cloud.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ x: string }> };
    const env = {
      LICENSE_ENFORCEMENT: 'on',
      SITE_ID: site.site_id,
      SITE_KEY: site.secret_key,
      CLOUD_URL: cloud.url,
      CLOUD_PUBLIC_KEY: JSON.stringify(keys[0]),
    };
    const app = await startTestAppliance({ clock, env, built: true });
    const refresh = async () => {
      clock.advance(11_000);
      return (await app.call('POST', '/api/system/license/refresh', { token: await app.login('maria') })).body;
    };
    const pinned = () => JSON.parse(fs.readFileSync(path.join(app.dataDir, 'license', 'cloud-key.jwk'), 'utf8')) as { x: string };
    try {
      expect(await refresh()).toMatchObject({ state: 'active' });
      const oldPem = fs.readFileSync(path.join(cloud.dataDir, 'secrets', 'license-signing.key'), 'utf8');
      const rotated = newKey();
      await cloud.stop();
      await cloud.start({ licenseSigningKey: rotated, previousLicenseSigningKey: oldPem });
      expect(await refresh()).toMatchObject({ state: 'active', last_error: null });
      const rotatedX = crypto.createPublicKey(rotated).export({ format: 'jwk' }).x;
      expect(pinned().x).toBe(rotatedX);

      // The old key's holder, or anyone, cannot move the appliance on without the key it now trusts.
      await cloud.stop();
      await cloud.start({ licenseSigningKey: newKey(), previousLicenseSigningKey: oldPem });
      expect(await refresh()).toMatchObject({ last_error: 'invalid_license' });
      expect(pinned().x).toBe(rotatedX);
      await app.restart();
      expect((await app.call('GET', '/api/system/license')).body.state).toBe('active');
    } finally {
      await app.stop();
    }
  });
});
