import { JWKS_PATH } from '@tavli/licensing-contract/heartbeat';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { CloudContext } from '../shared/context.js';
import { fail } from '../shared/errors.js';
import { json } from '@tavli/server-kit/openapi';
import { createRouter, errors } from '../shared/openapi.js';

const Health = z.object({ status: z.literal('ok'), db: z.literal('ok'), version: z.string() }).openapi('Health');

const Jwks = z
  .object({ keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), alg: z.string(), use: z.string() }).partial()) })
  .openapi('Jwks');

const health = createRoute({
  operationId: 'getHealth',
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database check',
  responses: { 200: json(Health, 'Healthy'), ...errors.public({ 503: ['db_unavailable'] }) },
});

const jwks = createRoute({
  operationId: 'getJwks',
  method: 'get',
  path: JWKS_PATH,
  tags: ['system'],
  summary: 'The Ed25519 public key that verifies every license',
  responses: { 200: json(Jwks, 'JSON Web Key Set') },
});

export function systemRoutes(ctx: CloudContext) {
  return createRouter()
    .openapi(health, async (c) => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
      } catch (error) {
        ctx.observability.log.error({ err: error }, 'health check: the database does not answer');
        throw fail(503, 'db_unavailable', 'The database does not answer');
      }
      return c.json({ status: 'ok' as const, db: 'ok' as const, version: ctx.version }, 200);
    })
    .openapi(jwks, (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(ctx.signer.jwks, 200);
    });
}
