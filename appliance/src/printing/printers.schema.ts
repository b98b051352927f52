import { z } from '@hono/zod-openapi';

const id = z.number().int();

export const PrinterSchema = z
  .object({
    id,
    name: z.string(),
    ip_address: z.string(),
    port: id,
    is_active: z.boolean(),
    code_page: id.openapi({ description: 'The n of ESC t n sent at the start of every job (29 = CP737 on a Jolimark TP850UE)' }),
    encoding: z.string().openapi({ description: 'The iconv-lite encoding of that code page, e.g. cp737' }),
    columns: id.openapi({ description: '48 for 80 mm paper, 32 for 58 mm' }),
    fallback_printer_id: id.nullable(),
    is_bill_printer: z.boolean(),
    online: z.boolean().nullable().openapi({ description: 'Whether the last try reached it; null if never tried' }),
    queued: id.openapi({ description: 'Jobs waiting for this printer' }),
    oldest_queued_at: z.string().nullable().openapi({ description: 'When the longest-waiting of them was queued' }),
    last_success_at: z.string().nullable(),
    last_error: z.string().nullable(),
    last_error_at: z.string().nullable(),
  })
  .openapi('Printer');

export const PrinterStatusSchema = PrinterSchema.pick({
  id: true,
  name: true,
  online: true,
  queued: true,
  oldest_queued_at: true,
  last_success_at: true,
  last_error: true,
  last_error_at: true,
}).openapi('PrinterStatus');

/** Whether it printed, and nothing about why not: the answer must not make the appliance a port scanner. */
export const TestResultSchema = z.object({ printed: z.boolean(), duration_ms: id }).openapi('PrinterTestResult');

export const CreatePrinterBody = z.object({
  name: z.string().trim().min(1).max(60),
  ip_address: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'Use an IP address or host name'),
  port: z.number().int().min(1).max(65535).default(9100),
  is_active: z.boolean().default(true),
  code_page: z.number().int().min(0).max(255).default(29),
  encoding: z.string().trim().min(1).max(40).default('cp737'),
  columns: z.number().int().min(16).max(80).default(48),
  fallback_printer_id: z.number().int().positive().nullable().default(null),
  is_bill_printer: z.boolean().default(false),
});

/** Partial: omitted fields keep their values (no defaults here). */
export const UpdatePrinterBody = z.object({
  name: CreatePrinterBody.shape.name.optional(),
  ip_address: CreatePrinterBody.shape.ip_address.optional(),
  port: z.number().int().min(1).max(65535).optional(),
  is_active: z.boolean().optional(),
  code_page: z.number().int().min(0).max(255).optional(),
  encoding: CreatePrinterBody.shape.encoding.optional(),
  columns: z.number().int().min(16).max(80).optional(),
  fallback_printer_id: z.number().int().positive().nullable().optional(),
  is_bill_printer: z.boolean().optional(),
});

export type PrinterView = z.infer<typeof PrinterSchema>;
export type CreatePrinterInput = z.infer<typeof CreatePrinterBody>;
export type UpdatePrinterInput = z.infer<typeof UpdatePrinterBody>;
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;
