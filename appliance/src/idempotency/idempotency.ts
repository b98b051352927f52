import crypto from 'node:crypto';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createMiddleware } from 'hono/factory';
import type { Sync, Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AppEnv, AuthUser } from '../shared/env.js';
import { fail } from '../shared/errors.js';
import { routePath } from '@tavli/server-kit/paths';
import { isoNow } from '@tavli/server-kit/clock';
import { findIdempotencyRecord, insertIdempotencyRecord } from './idempotency.repository.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\w.:-]{8,128}$/;

class Replay {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

const replayResponse = (c: Context, status: number, body: string) =>
  c.body(body, status as 200, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });

/**
 * `Idempotency-Key` on a state-changing request: the first result is stored (per user) and a
 * repeat with the same key and body answers it again without acting; another body is a 422.
 * Successful results are stored in the same transaction as the change itself (see `mutate`),
 * so a crash can never leave a change without its key or a key without its change.
 */
export const idempotency = (ctx: AppContext) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header('idempotency-key');
    const user = c.get('user') as AuthUser | undefined;
    if (!key || !user || !MUTATING.has(c.req.method)) {
      c.set('idempotency', undefined);
      return next();
    }
    if (!KEY_PATTERN.test(key)) throw fail(400, 'invalid_idempotency_key', 'Idempotency-Key must be 8–128 letters, digits or -_.:');
    const body = new Uint8Array(await c.req.arrayBuffer());
    const requestHash = crypto
      .createHash('sha256')
      .update(`${c.req.method} ${routePath(c)}\n`)
      .update(body)
      .digest('hex');
    const stored = findIdempotencyRecord(ctx.db, user.id, key);
    if (stored) {
      if (stored.request_hash !== requestHash) throw keyReused();
      return replayResponse(c, stored.status, stored.response);
    }
    const state = { key, requestHash, settled: false };
    c.set('idempotency', state);
    await next();
    if (state.settled || c.res.status >= 500) return;
    const response = await c.res.clone().text();
    await ctx.db.write((tx) =>
      insertIdempotencyRecord(tx, { userId: user.id, key, requestHash, status: c.res.status, response, createdAt: isoNow(ctx.clock) }),
    );
  });

const keyReused = () => fail(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request');

/**
 * Runs a state change as one durable write and answers its result. With an Idempotency-Key the
 * stored result is written in the same transaction; a request racing its own repeat replays.
 */
async function mutate<T, S extends number>(c: Context<AppEnv>, ctx: AppContext, status: S, change: (tx: Tx) => Sync<T>): Promise<{ body: T; status: S }> {
  const state = c.get('idempotency');
  const run = (tx: Tx): T | Replay => {
    if (!state) return change(tx);
    const userId = c.get('user').id;
    const stored = findIdempotencyRecord(tx, userId, state.key);
    if (stored) {
      if (stored.request_hash !== state.requestHash) throw keyReused();
      return new Replay(stored.status, JSON.parse(stored.response));
    }
    const body = change(tx);
    insertIdempotencyRecord(tx, {
      userId,
      key: state.key,
      requestHash: state.requestHash,
      status,
      response: JSON.stringify(body),
      createdAt: isoNow(ctx.clock),
    });
    return body;
  };
  // `change` is synchronous by its type; T itself is generic here, which the compiler cannot see through.
  const outcome = await ctx.db.write(run as (tx: Tx) => Sync<T | Replay>);
  if (state) state.settled = true;
  if (outcome instanceof Replay) return { body: outcome.body as T, status: outcome.status as S };
  return { body: outcome, status };
}

/** `mutate`, answered as JSON with its status. */
export async function mutateJson<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  ctx: AppContext,
  status: S,
  change: (tx: Tx) => Sync<T>,
): Promise<Response & TypedResponse<JSONParsed<T>, S, 'json'>> {
  const result = await mutate(c, ctx, status, change);
  return c.json(result.body, result.status);
}
