import type { MessageKey } from '../../i18n/i18n';
import type { Printer } from './queries';

export type PrinterDraft = {
  name: string;
  ip_address: string;
  port: string;
  code_page: string;
  encoding: string;
  columns: string;
  fallback_printer_id: string;
  is_bill_printer: boolean;
  is_active: boolean;
};

export const printerDraft = (printer: Printer | undefined): PrinterDraft => ({
  name: printer?.name ?? '',
  ip_address: printer?.ip_address ?? '',
  port: String(printer?.port ?? 9100),
  code_page: String(printer?.code_page ?? 29),
  encoding: printer?.encoding ?? 'cp737',
  columns: String(printer?.columns ?? 48),
  fallback_printer_id: printer?.fallback_printer_id ? String(printer.fallback_printer_id) : '',
  is_bill_printer: printer?.is_bill_printer ?? false,
  is_active: printer?.is_active ?? true,
});

const whole = (text: string, min: number, max: number) => {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
};

/** The printer form checked as the appliance checks it: a name, an address, a port, a code page and a paper width. */
export function validatePrinter(draft: PrinterDraft) {
  const errors: Partial<Record<keyof PrinterDraft, MessageKey>> = {};
  const name = draft.name.trim();
  const address = draft.ip_address.trim();
  const port = whole(draft.port, 1, 65535);
  const codePage = whole(draft.code_page, 0, 255);
  const columns = whole(draft.columns, 16, 80);
  if (!name || name.length > 60) errors.name = 'printers.error.name';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(address)) errors.ip_address = 'printers.error.address';
  if (port === undefined) errors.port = 'printers.error.port';
  if (codePage === undefined) errors.code_page = 'printers.error.codePage';
  if (columns === undefined) errors.columns = 'printers.error.columns';
  if (!draft.encoding.trim()) errors.encoding = 'printers.error.encoding';
  if (port === undefined || codePage === undefined || columns === undefined || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return {
    ok: true as const,
    body: {
      name,
      ip_address: address,
      port,
      code_page: codePage,
      encoding: draft.encoding.trim(),
      columns,
      fallback_printer_id: draft.fallback_printer_id ? Number(draft.fallback_printer_id) : null,
      is_bill_printer: draft.is_bill_printer,
      is_active: draft.is_active,
    },
  };
}
