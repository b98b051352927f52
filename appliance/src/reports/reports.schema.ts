import { z } from '@hono/zod-openapi';

const cents = z.number().int();
const ByMethod = z.object({ cash: cents, card: cents, other: cents });
const Person = z.object({ id: z.number().int(), full_name: z.string() });

const moment = (description: string) =>
  z
    .string()
    .max(64)
    .optional()
    .openapi({ description, example: '2025-06-14', param: { in: 'query' } });

export const ShiftQuery = z.object({
  from: moment('An ISO timestamp, or a date meaning the start of that business day; defaults to the current business day'),
  to: moment('Exclusive end, in the same formats; defaults to the end of the business day that `from` falls in'),
});

export const ShiftReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    totals: z
      .object({ gross_cents: cents, tips_cents: cents, by_method: ByMethod })
      .openapi({ description: 'Goods paid (VAT included) and tips; by_method splits gross_cents' }),
    vat: z.array(z.object({ rate_bp: z.number().int(), gross_cents: cents, vat_cents: cents })),
    by_waiter: z
      .array(
        z.object({ user_id: z.number().int(), full_name: z.string(), payments: z.number().int(), gross_cents: cents, tips_cents: cents, by_method: ByMethod }),
      )
      .openapi({ description: 'By the staff member who took each payment: what each must hand in' }),
    by_hour: z
      .array(z.object({ hour: z.string(), payments: z.number().int(), gross_cents: cents, tips_cents: cents }))
      .openapi({ description: 'Payments by the UTC hour they were taken in (`hour` is its start), hours without payments left out' }),
    by_product: z
      .array(z.object({ product_id: z.number().int(), name: z.string(), quantity: z.number().int(), revenue_cents: cents }))
      .openapi({ description: 'Paid lines, top sellers first' }),
    voids: z.array(
      z.object({
        kind: z.enum(['void', 'cancellation', 'write_off']),
        order_id: z.string(),
        table_label: z.string(),
        item_name: z.string().nullable(),
        quantity: z.number().int().nullable(),
        amount_cents: cents,
        reason: z.string(),
        by: Person,
        at: z.string(),
      }),
    ),
    open_orders: z.array(
      z.object({
        id: z.string(),
        table_id: z.number().int(),
        table_label: z.string(),
        opened_at: z.string(),
        total_cents: cents,
        unpaid_cents: cents,
        waiters: z.array(z.string()),
      }),
    ),
  })
  .openapi('ShiftReport');

export const PrintShiftBody = z
  .object({ printer_id: z.number().int().positive().optional().openapi({ description: 'Defaults to the bill printer' }) })
  .optional();

export type ShiftReport = z.infer<typeof ShiftReportSchema>;
export type ReportRange = { from: string; to: string };
