import type { Generated } from 'kysely';

export type PrintJobKind = 'ticket' | 'void' | 'bill' | 'reprint' | 'report';
export type PrintJobStatus = 'queued' | 'printed' | 'cancelled';

export interface PrintJobsTable {
  /** Also the job number printed in the ticket header (`#N`). */
  id: Generated<number>;
  /** The zone the job belongs to; `printed_on` says where it came out (its fallback, perhaps). */
  printer_id: number;
  order_id: string | null;
  kind: PrintJobKind;
  status: Generated<PrintJobStatus>;
  /** The ticket as a JSON `PrintDocument`, laid out for the printer that finally takes it. */
  document: string;
  attempts: Generated<number>;
  created_by: number | null;
  created_at: string;
  printed_at: string | null;
  printed_on: number | null;
  last_error: string | null;
  cancelled_by: number | null;
  cancelled_at: string | null;
}

export interface PrintJobItemsTable {
  item_id: string;
  job_id: number;
}

export interface PrintLogTable {
  id: Generated<number>;
  job_id: number | null;
  printer_id: number;
  at: string;
  success: number;
  error: string | null;
  duration_ms: number;
}
