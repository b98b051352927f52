import { z } from '@hono/zod-openapi';

export const PrintStatusSchema = z.enum(['not_printed', 'queued', 'failed', 'printed', 'cancelled']).openapi({
  description:
    "The line's kitchen ticket: not_printed (its product has no printer zone), queued (waiting for the printer), failed (the last try failed; it keeps retrying), printed, cancelled (a manager cancelled the ticket)",
});

export type PrintStatus = z.infer<typeof PrintStatusSchema>;

export const PrintJobSchema = z
  .object({
    id: z.number().int().openapi({ description: 'Also the job number printed in the header (#N)' }),
    printer_id: z.number().int().openapi({ description: 'The zone the job was queued for' }),
    printed_on: z.number().int().nullable().openapi({ description: 'The printer that printed it (the fallback, if the zone was down)' }),
    order_id: z.string().nullable(),
    kind: z.enum(['ticket', 'void', 'bill', 'reprint', 'report']),
    status: z.enum(['queued', 'printed', 'cancelled']),
    attempts: z.number().int(),
    created_at: z.string(),
    printed_at: z.string().nullable(),
    last_error: z.string().nullable(),
    preview_text: z.string().openapi({ description: 'The ticket as plain text, as the printer shows it' }),
  })
  .openapi('PrintJob');

export type PrintJobView = z.infer<typeof PrintJobSchema>;

export const PrintJobsQuery = z.object({
  printer_id: z.coerce.number().int().positive().optional(),
  status: z.enum(['queued', 'printed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const QueuedJobsSchema = z.object({ jobs: z.array(PrintJobSchema) }).openapi('QueuedPrintJobs');
