import type { Access } from './access.js';
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { clientAddress } from '@tavli/server-kit/client-address';
import { fail } from '../shared/errors.js';
import { asStaffUser } from '../shared/env.js';
import { isLanAddress } from '../shared/lan.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { createRouter, errors, guarded } from '../shared/openapi.js';
import { LoginBody, LoginResult, UserSchema } from './auth.schema.js';

const login = createRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with username and PIN',
  request: jsonBody(LoginBody),
  responses: { 200: json(LoginResult, 'Signed in'), ...errors.public({ 401: ['invalid_credentials'], 403: ['forbidden'], 429: ['too_many_attempts'] }) },
});

const refresh = createRoute({
  operationId: 'refreshToken',
  method: 'post',
  path: '/refresh',
  tags: ['auth'],
  security: bearer,
  summary: 'A fresh 8-hour token for the signed-in user, never past 12 hours from the PIN',
  responses: { 200: json(LoginResult, 'New token'), ...errors.member() },
});

const me = createRoute({
  operationId: 'getCurrentUser',
  method: 'get',
  path: '/me',
  summary: 'Who the token belongs to',
  tags: ['auth'],
  security: bearer,
  responses: { 200: json(UserSchema, 'The signed-in user'), ...errors.signedIn() },
});

const staff = createRoute({
  operationId: 'listSignInStaff',
  method: 'get',
  path: '/staff',
  tags: ['auth'],
  summary: 'Active staff names for a login screen (LAN only, no PINs)',
  responses: { 200: json(z.array(UserSchema), 'Active staff'), ...errors.public({ 403: ['lan_only'] }) },
});

export function authRoutes({ auth }: Services, access: Access) {
  return createRouter()
    .openapi(login, async (c) => {
      const { username, pin, min_role } = c.req.valid('json');
      return c.json(await auth.login(username, pin, clientAddress(c), min_role), 200);
    })
    .openapi(guarded(refresh, access.member), async (c) => {
      const user = asStaffUser(c.get('user'));
      return c.json({ token: await auth.refresh(user, c.get('session')), user }, 200);
    })
    .openapi(guarded(me, access.signedIn), (c) => c.json(asStaffUser(c.get('user')), 200))
    .openapi(staff, (c) => {
      const address = clientAddress(c);
      if (address !== 'unknown' && !isLanAddress(address)) {
        throw fail(403, 'lan_only', 'The staff list is only available on the restaurant network');
      }
      return c.json(auth.staff(), 200);
    });
}
