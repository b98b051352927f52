import { z } from '@hono/zod-openapi';
import { PinSchema, RoleSchema } from '../auth/auth.schema.js';

export const StaffSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    full_name: z.string(),
    role: RoleSchema,
    is_active: z.boolean(),
    assistant_ids: z.array(z.number().int()).openapi({ description: 'Staff who may act on this waiter’s orders' }),
  })
  .openapi('Staff');

const AssistantIds = z.array(z.number().int().positive()).max(50);

export const CreateStaffBody = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,32}$/, '2–32 lowercase letters, digits, dots, dashes or underscores'),
  full_name: z.string().trim().min(1).max(80),
  role: RoleSchema,
  pin: PinSchema,
  assistant_ids: AssistantIds.optional(),
});

export const UpdateStaffBody = z.object({
  full_name: z.string().trim().min(1).max(80).optional(),
  role: RoleSchema.optional(),
  pin: PinSchema.optional().openapi({ description: 'A new PIN (a PIN reset)' }),
  is_active: z.boolean().optional(),
  assistant_ids: AssistantIds.optional().openapi({ description: 'Replaces the whole list' }),
});

export type StaffView = z.infer<typeof StaffSchema>;
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;
export type UpdateStaffInput = z.infer<typeof UpdateStaffBody>;
