import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { errors } from '../shared/openapi.js';
import type { AppEnv } from '../shared/env.js';
import { LIVE_EVENTS } from './catalogue.js';

/** 'table.updated' → 'TableUpdatedEvent' */
const componentName = (type: string) => `${type.replace(/(^|\.)(\w)/g, (_match, _dot, first: string) => first.toUpperCase())}Event`;

const messages = Object.entries(LIVE_EVENTS).map(([type, data]) =>
  z
    .object({
      event: z.literal(type).openapi({ description: 'The SSE `event:` field' }),
      id: z.string().optional().openapi({ description: 'The SSE `id:` field: the event’s number, growing by one (not on `ready`)' }),
      data: data.openapi({ description: 'The SSE `data:` field, as JSON' }),
    })
    .openapi(componentName(type)),
);

/**
 * The live stream is a plain Hono route (it streams, so it has no response schema of its own);
 * it is documented here, from the same catalogue the typed clients use.
 */
export function documentEventStream(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'streamToken', {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'The same JWT as the bearer token, in the query: browsers’ EventSource cannot send headers',
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/events',
    operationId: 'streamEvents',
    tags: ['events'],
    summary: 'Live changes, pushed as each is committed (Server-Sent Events)',
    description: [
      'A `text/event-stream` that stays open: first a `ready` event, then every change the user may see, as it is committed.',
      'Each message is one of the objects below: its `event`, `id` and `data` are the SSE fields of the same names, and `data` is JSON.',
      'A comment line `: keep-alive` comes every 15 s when nothing happens.',
      'The stream ends when the token expires or is revoked; a user holds at most 6 streams (a seventh closes their oldest).',
    ].join(' '),
    security: [{ streamToken: [] }],
    responses: {
      200: {
        description: 'The stream, one message per event',
        content: { 'text/event-stream': { schema: z.array(z.union(messages as unknown as [z.ZodTypeAny, z.ZodTypeAny, ...z.ZodTypeAny[]])) } },
      },
      ...errors.signedIn(),
    },
  });
}
