import { z } from '@hono/zod-openapi';
import { PrintStatusSchema } from '../printing/printing.schema.js';

const ids = z.array(z.number().int().positive()).max(50).default([]);

export const OpenOrderBody = z.object({ table_id: z.number().int().positive(), id: z.uuid().optional() });

export const NewLineSchema = z.object({
  id: z.uuid().optional(),
  product_id: z.number().int().positive(),
  quantity: z.number().int().min(1).max(999),
  option_ids: ids,
  removed_ingredient_ids: ids,
  preference_choice_ids: ids,
  note: z.string().trim().max(200).default(''),
});

export const AddItemsBody = z.object({ items: z.array(NewLineSchema).min(1).max(100) });

export const PayBody = z.object({
  items: z
    .array(z.object({ item_id: z.uuid(), quantity: z.number().int().min(1).max(999).optional() }))
    .min(1)
    .max(500),
  method: z.enum(['cash', 'card', 'other']),
  tip_cents: z.number().int().min(0).max(1_000_000).default(0),
});

export const CloseBody = z.object({ reason: z.string().trim().min(1).max(500).optional() });
export const MoveBody = z.object({ table_id: z.number().int().positive() });
export const MergeBody = z.object({ from_order_id: z.uuid() });
export const AddWaiterBody = z.object({ user_id: z.number().int().positive() });
export const BillBody = z.object({ printer_id: z.number().int().positive().optional() });
export const ReprintBody = z.object({ item_ids: z.array(z.uuid()).min(1).max(500).optional() });

export const ListOrdersQuery = z.object({
  status: z.enum(['open', 'partially_paid', 'paid', 'closed', 'cancelled']).optional(),
  table_id: z.coerce.number().int().positive().optional(),
  waiter_id: z.coerce.number().int().positive().optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Named = z.object({ id: z.number().int(), name: z.string() });

export const LineSchema = z
  .object({
    id: z.string(),
    product_id: z.number().int(),
    name: z.string(),
    quantity: z.number().int(),
    unit_price_cents: z.number().int(),
    line_total_cents: z.number().int(),
    vat_rate_bp: z.number().int(),
    options: z.array(Named.extend({ extra_cost_cents: z.number().int() })),
    preferences: z.array(Named.extend({ set_id: z.number().int(), set_name: z.string(), price_delta_cents: z.number().int() })),
    removed_ingredients: z.array(Named),
    note: z.string(),
    status: z
      .enum(['pending', 'sent', 'paid', 'void'])
      .openapi({ description: 'pending: its kitchen ticket has not printed yet; sent: printed (or it needs no ticket)' }),
    printer_id: z.number().int().nullable(),
    print_status: PrintStatusSchema,
    split_from: z.string().nullable(),
    created_at: z.string(),
    created_by: z.number().int().openapi({ description: 'Who added the line (a staff id)' }),
    void_reason: z.string().nullable(),
  })
  .openapi('OrderLine');

const Waiter = z.object({ id: z.number().int(), username: z.string(), full_name: z.string() });

export const PaymentSchema = z
  .object({
    id: z.string(),
    method: z.enum(['cash', 'card', 'other']),
    amount_cents: z.number().int(),
    tip_cents: z.number().int(),
    created_at: z.string(),
    created_by: z.number().int(),
  })
  .openapi('Payment');

export const OrderTotalsSchema = z.object({
  id: z.string(),
  table_id: z.number().int(),
  status: z.enum(['open', 'partially_paid', 'paid', 'closed', 'cancelled']),
  total_cents: z.number().int(),
  paid_cents: z.number().int(),
  unpaid_cents: z.number().int(),
});

export const OrderSchema = OrderTotalsSchema.extend({
  table_label: z.string(),
  opened_at: z.string(),
  opened_by: z.number().int(),
  closed_at: z.string().nullable(),
  close_reason: z.string().nullable(),
  waiters: z.array(Waiter),
  items: z.array(LineSchema),
  payments: z.array(PaymentSchema),
}).openapi('Order');

export const AddedItemsSchema = OrderTotalsSchema.extend({ items: z.array(LineSchema) }).openapi('AddedItems');

export const PaymentResultSchema = z.object({ payment: PaymentSchema, order: OrderSchema }).openapi('PaymentResult');

export const OrderPageSchema = z.object({ items: z.array(OrderSchema), next_cursor: z.string().nullable() }).openapi('OrderPage');

export type OrderView = z.infer<typeof OrderSchema>;
export type LineView = z.infer<typeof LineSchema>;
export type NewLine = z.infer<typeof NewLineSchema>;
export type OrderTotals = z.infer<typeof OrderTotalsSchema>;
