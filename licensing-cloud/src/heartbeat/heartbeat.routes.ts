import { createRoute } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { clientAddress } from '@tavli/server-kit/client-address';
import { errors, json, jsonBody } from '@tavli/server-kit/openapi';
import { createRouter } from '../shared/openapi.js';
import { HeartbeatRequest, SITE_ID_HEADER, SITE_KEY_HEADER } from '@tavli/licensing-contract/heartbeat';
import { HeartbeatHeaders, HeartbeatResult } from './heartbeat.schema.js';
import { refused } from './heartbeat.service.js';

const beat = createRoute({
  method: 'post',
  path: '/',
  tags: ['heartbeat'],
  summary: 'An appliance reports in and receives its signed license (X-Site-ID and X-Site-Key)',
  request: { headers: HeartbeatHeaders, ...jsonBody(HeartbeatRequest) },
  responses: { 200: json(HeartbeatResult, 'The site’s current license'), ...errors() },
});

export function heartbeatRoutes({ heartbeat }: Services) {
  return createRouter().openapi(beat, async (c) => {
    const { [SITE_ID_HEADER]: siteId, [SITE_KEY_HEADER]: key } = c.req.valid('header');
    if (!siteId) throw refused();
    const { version, uptime_seconds, nonce } = c.req.valid('json');
    return c.json(await heartbeat.beat({ siteId, key: key ?? '', ip: clientAddress(c), version, uptimeSeconds: uptime_seconds, nonce }), 200);
  });
}
