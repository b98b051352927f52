import { z } from '@hono/zod-openapi';

export const TableStateSchema = z.enum(['available', 'open', 'partially_paid', 'paid']);

export const TableWaiterSchema = z.object({ id: z.number().int(), full_name: z.string() });

export const TableSchema = z
  .object({
    id: z.number().int(),
    label: z.string(),
    group_id: z.number().int(),
    group_name: z.string(),
    sort_order: z.number().int(),
    state: TableStateSchema,
    order_id: z.string().nullable(),
    waiters: z.array(TableWaiterSchema),
    item_count: z.number().int(),
    total_cents: z.number().int(),
    unpaid_cents: z.number().int(),
    opened_at: z.string().nullable(),
  })
  .openapi('Table');

export const TableGroupSchema = z.object({ id: z.number().int(), name: z.string(), sort_order: z.number().int() }).openapi('TableGroup');

const label = z.string().trim().min(1).max(20);

export const CreateTableBody = z.object({ label, group_id: z.number().int().positive(), sort_order: z.number().int().optional() });
export const UpdateTableBody = CreateTableBody.partial();

export const BatchTablesBody = z.object({
  group_id: z.number().int().positive(),
  prefix: z.string().max(10).default(''),
  from: z.number().int().min(0).max(100_000),
  count: z.number().int().min(1).max(200),
});

export const CreateGroupBody = z.object({ name: z.string().trim().min(1).max(60), sort_order: z.number().int().optional() });
export const UpdateGroupBody = CreateGroupBody.partial();

export type TableView = z.infer<typeof TableSchema>;
