import { z } from '@hono/zod-openapi';

export const RoleSchema = z.enum(['waiter', 'manager', 'admin']);

export const UserSchema = z.object({ id: z.number().int(), username: z.string(), full_name: z.string(), role: RoleSchema }).openapi('User');

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  pin: z.string().min(1).max(32),
  min_role: RoleSchema.optional().openapi({
    description: 'The least role the signing-in screen is for (the manager dashboard sends `manager`): anyone below gets 403 `forbidden` and no session',
  }),
});

export const LoginResult = z.object({ token: z.string(), user: UserSchema }).openapi('LoginResult');
