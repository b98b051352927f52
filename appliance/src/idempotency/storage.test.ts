import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';
import { findIdempotencyRecord, insertIdempotencyRecord, KEYS_PER_USER } from './idempotency.repository.js';

describe('what one user’s Idempotency-Keys may take on disk', () => {
  const app = withAppliance();

  it('keeps each answer deflated, answers its replay in full, and keeps at most a thousand keys per user, forgetting the oldest', async () => {
    const { db } = app.appliance.ctx;
    const answer = JSON.stringify({ items: Array.from({ length: 400 }, (_, n) => ({ id: n, name: 'Χωριάτικη σαλάτα', note: 'χωρίς κρεμμύδι' })) });
    const at = (n: number) => new Date(Date.UTC(2026, 11, 4, 12, 0, n)).toISOString();
    await db.write((tx) => {
      for (let n = 0; n < KEYS_PER_USER + 5; n++)
        insertIdempotencyRecord(tx, { userId: 2, key: `key-${n}`, requestHash: 'h', status: 201, response: answer, createdAt: at(n) });
      insertIdempotencyRecord(tx, { userId: 3, key: 'key-0', requestHash: 'h', status: 201, response: answer, createdAt: at(0) });
    });
    const stored = db.sqlite
      .prepare('SELECT user_id, COUNT(*) AS keys, MAX(length(response)) AS bytes FROM idempotency_keys WHERE user_id IN (2, 3) GROUP BY user_id')
      .all();
    expect(stored).toEqual([
      { user_id: 2, keys: KEYS_PER_USER, bytes: expect.any(Number) },
      { user_id: 3, keys: 1, bytes: expect.any(Number) },
    ]);
    expect((stored[0] as { bytes: number }).bytes).toBeLessThan(Buffer.byteLength(answer) / 10);
    expect(findIdempotencyRecord(db, 2, 'key-4')).toBeUndefined();
    expect(findIdempotencyRecord(db, 2, 'key-5')?.response).toBe(answer);
    expect(findIdempotencyRecord(db, 3, 'key-0')?.response).toBe(answer);
  });
});

describe('a disk that is nearly full', () => {
  const app = withAppliance();

  it('refuses new work with 507 disk_full before starting it, keeps serving what is stored, and says so on health', async () => {
    // Half as much again as this disk has free is wanted: it is "nearly full", with room left for sign-ins.
    const { bavail, bsize } = fs.statfsSync(app.dataDir);
    await app.restart({ env: { MIN_FREE_DISK_MB: String(Math.ceil(((bavail * bsize) / 1_048_576) * 1.5)) } });
    const maria = await app.login('maria');
    const table = (await app.call('GET', '/api/tables', { token: maria })).body[0];
    const refused = await app.call('POST', '/api/orders', { token: maria, body: { table_id: table.id } });
    expect(refused.status).toBe(507);
    expect(refused.body.error.code).toBe('disk_full');
    expect((await app.call('GET', '/api/products', { token: maria })).status).toBe(200);
    expect((await app.call('GET', '/api/system/health')).body).toMatchObject({ status: 'degraded', problems: ['disk_nearly_full'] });
    expect(app.appliance.ctx.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
