import type { Access } from '../auth/access.js';
import { createRoute } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { errors, guardedRouter } from '../shared/openapi.js';
import { SettingsSchema, UpdateSettingsBody } from './settings.schema.js';

const tags = ['settings'];

const get = createRoute({
  operationId: 'getSettings',
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  summary: 'The restaurant’s name, address and VAT number for bills, its business-day start, language, time zone and currency',
  responses: { 200: json(SettingsSchema, 'Settings'), ...errors.member() },
});
const update = createRoute({
  operationId: 'updateSettings',
  method: 'put',
  path: '/',
  tags,
  security: bearer,
  middleware: requireManager,
  summary: 'Change some settings (managers; audited)',
  request: jsonBody(UpdateSettingsBody),
  responses: { 200: json(SettingsSchema, 'Updated'), ...errors.manager() },
});

export function settingsRoutes(ctx: AppContext, { settings }: Services, access: Access) {
  return guardedRouter(access.member)
    .openapi(get, (c) => c.json(settings.get(), 200))
    .openapi(update, (c) => mutateJson(c, ctx, 200, (tx) => settings.update(tx, c.get('user'), c.req.valid('json'))));
}
