import { z } from '@hono/zod-openapi';
import { ADMIN_ROLES } from './admins.table.js';

const RoleSchema = z.enum(ADMIN_ROLES).openapi({ description: 'viewer: reads everything; operator: also changes sites; owner: also manages admins' });

export const AdminSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    role: RoleSchema,
    is_active: z.boolean(),
    totp_enabled: z.boolean().openapi({ description: 'Two-step sign-in is on' }),
    created_at: z.string(),
  })
  .openapi('Admin');

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

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  code: z
    .string()
    .trim()
    .max(20)
    .optional()
    .openapi({ description: 'With two-step sign-in on: the authenticator app’s 6 digits, or a recovery code. Without it: 401 code_required' }),
});

export const TotpEnrolment = z
  .object({
    secret: z.string().openapi({ description: 'Base32, for typing into an authenticator app' }),
    uri: z.string().openapi({ description: 'otpauth:// URI, for a QR code' }),
  })
  .openapi('TotpEnrolment');

export const TotpVerifyBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

export const RecoveryCodes = z.object({ recovery_codes: z.array(z.string()).openapi({ description: 'Single-use; shown this once' }) }).openapi('RecoveryCodes');

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
