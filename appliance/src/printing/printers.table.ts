import type { Generated } from 'kysely';

export interface PrintersTable {
  id: Generated<number>;
  name: string;
  ip_address: string;
  port: Generated<number>;
  is_active: Generated<number>;
  code_page: Generated<number>;
  encoding: Generated<string>;
  columns: Generated<number>;
  fallback_printer_id: number | null;
  is_bill_printer: Generated<number>;
  is_deleted: Generated<number>;
}
