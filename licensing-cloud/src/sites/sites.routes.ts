import { requireAdmin, requireRole } from '../admins/admins.middleware.js';
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { createRouter, errors } from '../shared/openapi.js';
import {
  HeartbeatPageSchema,
  HeartbeatsQuery,
  CreateSiteBody,
  ListSitesQuery,
  LockBody,
  SiteDetailSchema,
  SiteIdParam,
  SitePageSchema,
  SiteSchema,
  SiteWithKeySchema,
  UpdateSiteBody,
} from './sites.schema.js';

const tags = ['sites'];
const security = bearer;
const params = SiteIdParam;
const Deleted = z.object({ deleted: z.literal(true) });

const list = createRoute({
  operationId: 'listSites',
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Sites, a page at a time, with each one’s status; search by name, owner or e-mail, filter by status, sort',
  request: { query: ListSitesQuery },
  responses: { 200: json(SitePageSchema, 'One page of sites'), ...errors.signedIn({ 400: ['invalid_cursor'] }) },
});
const register = createRoute({
  operationId: 'registerSite',
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Register a site; the answer holds its secret key, shown only this once',
  request: jsonBody(CreateSiteBody),
  responses: { 201: json(SiteWithKeySchema, 'Registered'), ...errors.role() },
});
const get = createRoute({
  operationId: 'getSite',
  method: 'get',
  path: '/{site_id}',
  tags,
  security,
  summary: 'A site with its last 50 heartbeats',
  request: { params },
  responses: { 200: json(SiteDetailSchema, 'Site'), ...errors.signedIn({ 404: ['not_found'] }) },
});
const update = createRoute({
  operationId: 'updateSite',
  method: 'put',
  path: '/{site_id}',
  summary: 'Change a site’s name, owner, contact or licence terms',
  tags,
  security,
  request: { params, ...jsonBody(UpdateSiteBody) },
  responses: { 200: json(SiteSchema, 'Updated'), ...errors.role({ 404: ['not_found'] }) },
});
const remove = createRoute({
  operationId: 'deregisterSite',
  method: 'delete',
  path: '/{site_id}',
  summary: 'Deregister a site: its heartbeats are refused from now on',
  tags,
  security,
  request: { params },
  responses: { 200: json(Deleted, 'Deleted'), ...errors.role({ 404: ['not_found'] }) },
});
const lock = createRoute({
  operationId: 'lockSite',
  method: 'post',
  path: '/{site_id}/lock',
  summary: 'Lock a site, with a reason: its next heartbeat carries the lock to the appliance',
  tags,
  security,
  request: { params, ...jsonBody(LockBody) },
  responses: { 200: json(SiteSchema, 'Locked'), ...errors.role({ 404: ['not_found'] }) },
});
const unlock = createRoute({
  operationId: 'unlockSite',
  method: 'post',
  path: '/{site_id}/unlock',
  summary: 'Unlock a site: its next heartbeat carries a fresh licence',
  tags,
  security,
  request: { params },
  responses: { 200: json(SiteSchema, 'Unlocked'), ...errors.role({ 404: ['not_found'] }) },
});
const heartbeats = createRoute({
  operationId: 'listSiteHeartbeats',
  method: 'get',
  path: '/{site_id}/heartbeats',
  tags,
  security,
  summary: 'The site’s heartbeats, newest first, a page at a time (kept 90 days): time, address, version and result',
  request: { params, query: HeartbeatsQuery },
  responses: { 200: json(HeartbeatPageSchema, 'One page'), ...errors.signedIn({ 400: ['invalid_cursor'], 404: ['not_found'] }) },
});
const rotateKey = createRoute({
  operationId: 'rotateSiteKey',
  method: 'post',
  path: '/{site_id}/rotate-key',
  tags,
  security,
  summary: 'Replace the site’s secret key; the new key is shown only this once',
  request: { params },
  responses: { 200: json(SiteWithKeySchema, 'New key'), ...errors.role({ 404: ['not_found'] }) },
});

export function sitesRoutes({ sites, admins }: Services) {
  const router = createRouter();
  router.use(requireAdmin(admins));
  // Viewers read; operators and owners change sites.
  const operator = { middleware: [requireRole('operator')] };
  return router
    .openapi(list, async (c) => c.json(await sites.list(c.req.valid('query')), 200))
    .openapi({ ...register, ...operator }, async (c) => c.json(await sites.register(c.get('admin'), c.req.valid('json')), 201))
    .openapi(get, async (c) => c.json(await sites.detail(c.req.valid('param').site_id), 200))
    .openapi(heartbeats, async (c) => c.json(await sites.heartbeats(c.req.valid('param').site_id, c.req.valid('query')), 200))
    .openapi({ ...update, ...operator }, async (c) => c.json(await sites.update(c.get('admin'), c.req.valid('param').site_id, c.req.valid('json')), 200))
    .openapi({ ...remove, ...operator }, async (c) => {
      await sites.remove(c.get('admin'), c.req.valid('param').site_id);
      return c.json({ deleted: true as const }, 200);
    })
    .openapi({ ...lock, ...operator }, async (c) => c.json(await sites.lock(c.get('admin'), c.req.valid('param').site_id, c.req.valid('json').reason), 200))
    .openapi({ ...unlock, ...operator }, async (c) => c.json(await sites.unlock(c.get('admin'), c.req.valid('param').site_id), 200))
    .openapi({ ...rotateKey, ...operator }, async (c) => c.json(await sites.rotateKey(c.get('admin'), c.req.valid('param').site_id), 200));
}
