import { createRoute } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { clientAddress } from '@tavli/server-kit/client-address';
import { json, jsonBody } from '@tavli/server-kit/openapi';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { Observability } from '@tavli/server-kit/observability';
import { countHeartbeats } from '../observability/cloud-metrics.js';
import { rateLimiter, type RateLimitInfo } from 'hono-rate-limiter';
import type { AppEnv } from '../shared/env.js';
import { fail } from '../shared/errors.js';
import { createRouter, errors } from '../shared/openapi.js';
import { HeartbeatRequest, REFUSED_SITE_KEY, SITE_ID_HEADER, SITE_KEY_HEADER } from '@tavli/licensing-contract/heartbeat';
import { HeartbeatResult } from './heartbeat.schema.js';
import { refused } from './heartbeat.service.js';

/** The heartbeat's credentials: both headers, together (the cloud answers 401 without either). */
export const SITE_KEY_SCHEMES = {
  siteId: { type: 'apiKey', in: 'header', name: SITE_ID_HEADER, description: 'The site id (UUID) given at registration' },
  siteKey: { type: 'apiKey', in: 'header', name: SITE_KEY_HEADER, description: 'The site’s secret key (tvl_sk_…)' },
} as const;

const beat = createRoute({
  operationId: 'sendHeartbeat',
  method: 'post',
  path: '/',
  tags: ['heartbeat'],
  summary: 'An appliance reports in and receives its signed license',
  security: [{ siteId: [], siteKey: [] }],
  request: jsonBody(HeartbeatRequest),
  responses: { 200: json(HeartbeatResult, 'The site’s current license'), ...errors.public({ 401: [REFUSED_SITE_KEY], 429: ['too_many_heartbeats'] }) },
});

const WINDOW_MS = 60_000;

type LimitedEnv = AppEnv & { Variables: { rateLimit: RateLimitInfo } };

const heartbeatLimit = (limit: number, key: (c: Context<LimitedEnv>) => string) =>
  rateLimiter<LimitedEnv>({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-6',
    keyGenerator: key,
    handler: (c) => {
      const resetTime = c.get('rateLimit').resetTime;
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
      throw fail(429, 'too_many_heartbeats', `Too many heartbeats: try again in ${seconds} s`, undefined, { 'Retry-After': String(seconds) });
    },
  });

/**
 * An appliance beats every six hours and a manager may ask again every 10 s: more than `perSite`
 * a minute under one site id (20), or `perAddress` from one address (120: a chain's restaurants
 * behind one NAT), is someone else, and is refused before it costs a key check or a history row.
 * Counted per replica: behind N replicas the bounds are N times these.
 */
export function heartbeatRoutes({ heartbeat }: Services, limits: Config['heartbeatLimits'], observability: Observability) {
  const router = createRouter();
  router.use('/', countHeartbeats(observability));
  router.use(
    '/',
    heartbeatLimit(limits.perAddress, (c) => `address ${clientAddress(c)}`),
  );
  router.use(
    '/',
    heartbeatLimit(limits.perSite, (c) => `site ${c.req.header(SITE_ID_HEADER) ?? ''}`),
  );
  return router.openapi(beat, async (c) => {
    const siteId = c.req.header(SITE_ID_HEADER);
    if (!siteId) throw refused();
    const key = c.req.header(SITE_KEY_HEADER);
    const { version, uptime_seconds, nonce, last_seq } = c.req.valid('json');
    const request = { siteId, key: key ?? '', ip: clientAddress(c), version, uptimeSeconds: uptime_seconds, nonce, lastSeq: last_seq };
    return c.json(await heartbeat.beat(request), 200);
  });
}
