import { requireAdmin, requireRole } from './admins.middleware.js';
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { clientAddress } from '@tavli/server-kit/client-address';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { createRouter, errors } from '../shared/openapi.js';
import {
  AdminIdParam,
  AdminSchema,
  CreateAdminBody,
  LoginBody,
  LoginResult,
  RecoveryCodes,
  TotpEnrolment,
  TotpVerifyBody,
  UpdateAdminBody,
} from './admins.schema.js';

const tags = ['admins'];

const login = createRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/login',
  tags,
  summary: 'Sign in as a sysadmin (throttled per username and per address)',
  request: jsonBody(LoginBody),
  responses: {
    200: json(LoginResult, 'Signed in'),
    ...errors.public({ 401: ['invalid_credentials', 'code_required', 'invalid_code'], 429: ['too_many_attempts'] }),
  },
});
const logout = createRoute({
  operationId: 'signOut',
  method: 'post',
  path: '/logout',
  tags,
  security: bearer,
  summary: 'Sign out: every token of this admin is refused from now on',
  responses: { 200: json(z.object({ signed_out: z.literal(true) }), 'Signed out'), ...errors.signedIn() },
});
const enrolTotp = createRoute({
  operationId: 'enrolTotp',
  method: 'post',
  path: '/totp',
  tags,
  security: bearer,
  summary: 'Start two-step sign-in: a new TOTP secret and its otpauth:// URI (in force once a code is verified)',
  responses: { 200: json(TotpEnrolment, 'Secret'), ...errors.signedIn({ 409: ['totp_already_enabled'] }) },
});
const verifyTotp = createRoute({
  operationId: 'verifyTotp',
  method: 'post',
  path: '/totp/verify',
  tags,
  security: bearer,
  summary: 'Turn two-step sign-in on with a first code; answers ten recovery codes, shown once',
  request: jsonBody(TotpVerifyBody),
  responses: { 200: json(RecoveryCodes, 'On'), ...errors.signedIn({ 400: ['invalid_code'], 409: ['totp_already_enabled'] }) },
});
const me = createRoute({
  operationId: 'getCurrentAdmin',
  method: 'get',
  path: '/me',
  tags,
  security: bearer,
  summary: 'The signed-in admin and their role',
  responses: { 200: json(AdminSchema, 'Admin'), ...errors.signedIn() },
});
const list = createRoute({
  operationId: 'listAdmins',
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  summary: 'Every admin (owners only)',
  responses: { 200: json(z.array(AdminSchema), 'Admins'), ...errors.role() },
});
const create = createRoute({
  operationId: 'createAdmin',
  method: 'post',
  path: '/',
  summary: 'Add an admin with a role (owners only)',
  tags,
  security: bearer,
  request: jsonBody(CreateAdminBody),
  responses: { 201: json(AdminSchema, 'Created'), ...errors.role({ 409: ['username_taken'] }) },
});
const update = createRoute({
  operationId: 'updateAdmin',
  method: 'put',
  path: '/{admin_id}',
  tags,
  security: bearer,
  summary: 'Change an admin’s password or disable / re-enable them',
  request: { params: AdminIdParam, ...jsonBody(UpdateAdminBody) },
  responses: { 200: json(AdminSchema, 'Updated'), ...errors.role({ 404: ['not_found'], 409: ['cannot_disable_self', 'cannot_demote_self'] }) },
});

export function authRoutes({ admins }: Services) {
  const signedIn = [requireAdmin(admins)];
  return createRouter()
    .openapi(login, async (c) => {
      const { username, password, code } = c.req.valid('json');
      return c.json(await admins.login(username, password, clientAddress(c), code), 200);
    })
    .openapi({ ...logout, middleware: signedIn }, async (c) => {
      await admins.logout(c.get('admin'));
      return c.json({ signed_out: true as const }, 200);
    })
    .openapi({ ...enrolTotp, middleware: signedIn }, async (c) => c.json(await admins.enrolTotp(c.get('admin')), 200))
    .openapi({ ...verifyTotp, middleware: signedIn }, async (c) => c.json(await admins.verifyTotp(c.get('admin'), c.req.valid('json').code), 200))
    .openapi({ ...me, middleware: signedIn }, (c) => {
      const { address: _address, ...admin } = c.get('admin');
      return c.json(admin, 200);
    });
}

export function adminsRoutes({ admins }: Services) {
  const router = createRouter();
  router.use(requireAdmin(admins), requireRole('owner'));
  return router
    .openapi(list, async (c) => c.json(await admins.list(), 200))
    .openapi(create, async (c) => c.json(await admins.create(c.get('admin'), c.req.valid('json')), 201))
    .openapi(update, async (c) => c.json(await admins.update(c.get('admin'), c.req.valid('param').admin_id, c.req.valid('json')), 200));
}
