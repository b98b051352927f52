import { z } from '@hono/zod-openapi';

const Language = z.enum(['el', 'en']);

/** What the manager edits: printed on bills, and how the day and the screens are set up. */
const Editable = {
  restaurant_name: z.string().trim().min(1).max(80),
  restaurant_address: z.string().trim().max(160).openapi({ description: 'Printed under the name on bills; empty for none' }),
  vat_number: z.string().trim().max(20).openapi({ description: 'Printed on bills (ΑΦΜ); empty for none' }),
  business_day_start: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .openapi({ description: 'When one business day ends and the next begins, in the restaurant’s time zone (reports and the Z summary use it)' }),
  language: Language.openapi({ description: 'The screens’ language until a person picks another' }),
};

export const SettingsSchema = z
  .object({
    ...Editable,
    time_zone: z.string().openapi({ description: 'Set on the appliance (TZ_NAME); every time is shown in it' }),
    currency: z.string().openapi({ description: 'Set on the appliance; every amount is in its cents' }),
  })
  .openapi('Settings');

export const UpdateSettingsBody = z.object(Editable).partial().strict();

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsUpdate = z.infer<typeof UpdateSettingsBody>;
