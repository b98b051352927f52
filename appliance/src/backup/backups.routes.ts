import fs from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Access } from '../auth/access.js';
import { requireManager } from '../auth/auth.middleware.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json } from '@tavli/server-kit/openapi';
import { fail } from '../shared/errors.js';
import { errors, guardedRouter } from '../shared/openapi.js';
import { latestGoodBackup, listBackups } from './backups.js';

const tags = ['system'];

const BackupSchema = z
  .object({
    name: z.string(),
    taken_at: z.string().openapi({ description: 'UTC' }),
    reason: z.string().openapi({ description: '`nightly`, `before-migration`, `before-update`, `before-restore` or `manual`' }),
    bytes: z.number().int(),
  })
  .openapi('Backup');

const list = createRoute({
  operationId: 'listBackups',
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  middleware: requireManager,
  summary: 'The backups kept on the appliance, newest first (managers; whatever the licence says)',
  responses: { 200: json(z.array(BackupSchema), 'Backups'), ...errors.signedIn({ 403: ['forbidden'] }) },
});

const latest = createRoute({
  operationId: 'downloadLatestBackup',
  method: 'get',
  path: '/latest',
  tags,
  security: bearer,
  middleware: requireManager,
  summary: 'Download the newest backup that passes its integrity check, as a SQLite file (managers); `tavli restore FILE` puts it back',
  responses: {
    200: {
      description: 'The SQLite database file',
      content: { 'application/vnd.sqlite3': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
    },
    ...errors.signedIn({ 403: ['forbidden'], 404: ['not_found'] }),
  },
});

/** A manager keeps a copy of the restaurant's data off the card (the nightly backups stay on it). */
export function backupsRoutes(ctx: AppContext, access: Access) {
  return guardedRouter(access.signedIn)
    .openapi(list, (c) =>
      c.json(
        listBackups(ctx.config.dataDir).map((backup) => ({
          name: backup.name,
          taken_at: backup.takenAt.toISOString(),
          reason: backup.reason,
          bytes: backup.bytes,
        })),
        200,
      ),
    )
    .openapi(latest, (c) => {
      const backup = latestGoodBackup(ctx.config.dataDir);
      if (!backup) throw fail(404, 'not_found', 'There is no backup yet: the first is taken tonight');
      const stream = Readable.toWeb(fs.createReadStream(backup.file)) as ReadableStream<Uint8Array>;
      return c.body(stream, 200, {
        'Content-Type': 'application/vnd.sqlite3',
        'Content-Length': String(backup.bytes),
        'Content-Disposition': `attachment; filename="${backup.name}"`,
        'Cache-Control': 'no-store',
      });
    });
}
