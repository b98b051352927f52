import { createRoute, z } from '@hono/zod-openapi';
import { isoNow } from '@tavli/server-kit/clock';
import { bearer, json } from '@tavli/server-kit/openapi';
import { recordAudit } from '../audit/audit.repository.js';
import type { Access } from '../auth/access.js';
import { requireManager } from '../auth/auth.middleware.js';
import type { AppContext } from '../shared/context.js';
import { fail } from '../shared/errors.js';
import { errors, guardedRouter } from '../shared/openapi.js';
import { lastUpdateResult, receiveBundle, updatePending } from './updates.js';

const tags = ['system'];

const UpdateStatusSchema = z
  .object({
    version: z.string().openapi({ description: 'The release running now' }),
    pending: z.boolean().openapi({ description: 'A bundle is waiting to be checked and installed' }),
    last: z
      .object({ result: z.enum(['installed', 'refused']), message: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: 'What the installer said of the last bundle (refused: unsigned, tampered with, for another machine…)' }),
  })
  .openapi('UpdateStatus');

const status = createRoute({
  operationId: 'getUpdateStatus',
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  middleware: requireManager,
  summary: 'The running release, and what became of the last uploaded update bundle (managers)',
  responses: { 200: json(UpdateStatusSchema, 'Update status'), ...errors.signedIn({ 403: ['forbidden'] }) },
});

const upload = createRoute({
  operationId: 'uploadUpdate',
  method: 'post',
  path: '/',
  tags,
  security: bearer,
  middleware: requireManager,
  summary:
    'Upload a signed release bundle (.tavli-update) as the request body (managers; audited). The appliance installs it only if it is signed by Tavli’s release key, after a backup, and restarts; `tavli rollback` returns to the release before',
  request: { body: { content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }, required: true } },
  responses: {
    202: json(UpdateStatusSchema, 'Received: it is being checked and installed'),
    ...errors.signedIn({ 400: ['bad_request'], 403: ['forbidden'], 409: ['update_pending'], 413: ['payload_too_large'] }),
  },
});

/** Updates with no internet: a manager uploads the bundle from the dashboard (or an installer runs `tavli update FILE`). */
export function updatesRoutes(ctx: AppContext, access: Access) {
  const current = () => ({ version: ctx.version, pending: updatePending(ctx.config.dataDir), last: lastUpdateResult(ctx.config.dataDir) });
  return guardedRouter(access.signedIn)
    .openapi(status, (c) => c.json(current(), 200))
    .openapi(upload, async (c) => {
      if (updatePending(ctx.config.dataDir)) throw fail(409, 'update_pending', 'An update is already being installed');
      const body = c.req.raw.body;
      if (!body) throw fail(400, 'bad_request', 'Send the bundle as the request body');
      const bytes = await receiveBundle(ctx.config.dataDir, body);
      const user = c.get('user');
      await ctx.db.write((tx) => recordAudit(tx, { actor: user, action: 'update_uploaded', entity: 'system', details: { bytes } }, isoNow(ctx.clock)));
      return c.json(current(), 202);
    });
}
