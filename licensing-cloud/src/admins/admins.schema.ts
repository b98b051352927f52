import { z } from '@hono/zod-openapi';
import { ADMIN_ROLES } from './admins.table.js';

const RoleSchema = z.enum(ADMIN_ROLES).openapi({ description: 'viewer: reads everything; operator: also changes sites; owner: also manages admins' });

export const AdminSchema = z.object({ id: z.uuid(), username: z.string(), role: RoleSchema, is_active: z.boolean(), created_at: z.string() }).openapi('Admin');

const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._@-]{3,64}$/, '3 to 64 letters, digits or . _ @ -');

// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
const PasswordSchema = z
  .string()
  .min(10, 'at least 10 characters')
  .refine((value) => Buffer.byteLength(value) <= 72, 'at most 72 bytes');

export const LoginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export const LoginResult = z.object({ token: z.string(), admin: AdminSchema }).openapi('LoginResult');

export const CreateAdminBody = z.object({
  username: UsernameSchema,
  password: PasswordSchema,
  role: RoleSchema.optional().openapi({ description: 'Defaults to operator' }),
});

export const UpdateAdminBody = z
  .object({ password: PasswordSchema.optional(), is_active: z.boolean().optional(), role: RoleSchema.optional() })
  .refine((body) => body.password !== undefined || body.is_active !== undefined || body.role !== undefined, 'nothing to change');

export const AdminIdParam = z.object({ admin_id: z.uuid().openapi({ param: { name: 'admin_id', in: 'path' } }) });
