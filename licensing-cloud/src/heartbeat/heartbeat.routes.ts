import { createRoute } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { clientAddress } from '@tavli/server-kit/client-address';
import { json, jsonBody } from '@tavli/server-kit/openapi';
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
  responses: { 200: json(HeartbeatResult, 'The site’s current license'), ...errors.public({ 401: [REFUSED_SITE_KEY] }) },
});

export function heartbeatRoutes({ heartbeat }: Services) {
  return createRouter().openapi(beat, async (c) => {
    const siteId = c.req.header(SITE_ID_HEADER);
    if (!siteId) throw refused();
    const key = c.req.header(SITE_KEY_HEADER);
    const { version, uptime_seconds, nonce, last_seq } = c.req.valid('json');
    const request = { siteId, key: key ?? '', ip: clientAddress(c), version, uptimeSeconds: uptime_seconds, nonce, lastSeq: last_seq };
    return c.json(await heartbeat.beat(request), 200);
  });
}
