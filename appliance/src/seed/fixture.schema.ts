import { z } from 'zod';

const cents = z.number().int().min(0);

const Fixture = z.object({
  restaurant: z.object({ name: z.string(), address: z.string().optional(), vat_number: z.string().optional() }).optional(),
  printers: z
    .array(
      z.object({
        key: z.string(),
        name: z.string(),
        ip_address: z.string(),
        port: z.number().int().default(9100),
        code_page: z.number().int().default(29),
        encoding: z.string().default('cp737'),
        columns: z.number().int().default(48),
        is_bill_printer: z.boolean().default(false),
      }),
    )
    .default([]),
  users: z.array(z.object({ username: z.string(), full_name: z.string(), role: z.enum(['waiter', 'manager', 'admin']), pin: z.string().regex(/^\d{4,8}$/) })),
  table_groups: z
    .array(z.object({ name: z.string(), tables: z.object({ prefix: z.string(), from: z.number().int(), count: z.number().int().min(0) }) }))
    .default([]),
  categories: z
    .array(z.object({ name: z.string(), color: z.string().optional(), sort_order: z.number().int().default(0), vat_rate_bp: z.number().int().default(1300) }))
    .default([]),
  products: z
    .array(
      z.object({
        name: z.string(),
        category: z.string(),
        price: cents,
        printer: z.string().nullable().optional(),
        vat_rate_bp: z.number().int().optional(),
        is_available: z.boolean().default(true),
        limited_stock: z.number().int().min(0).optional(),
        options: z.array(z.object({ name: z.string(), extra_cost: cents.default(0) })).default([]),
        ingredients: z.array(z.object({ name: z.string() })).default([]),
        preference_sets: z
          .array(
            z.object({
              name: z.string(),
              required: z.boolean().default(true),
              choices: z.array(z.object({ name: z.string(), price_delta: z.number().int().default(0) })),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

export type Fixture = z.infer<typeof Fixture>;

export const parseFixture = (raw: unknown): Fixture => Fixture.parse(raw);
