import type { Tx } from '../db/database.js';
import iconv from 'iconv-lite';
import net from 'node:net';
import { isLanAddress } from '../shared/lan.js';
import { recordAudit, type Actor } from '../audit/audit.repository.js';
import type { PrintingService } from '../printing/printing.service.js';
import type { AppContext } from '../shared/context.js';
import { badRequest, conflict, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import {
  clearBillPrinter,
  dropAsFallback,
  findPrinter,
  insertPrinter,
  listPrinters,
  nameTaken,
  productsUsing,
  updatePrinter,
  type PrinterRow,
} from './printers.repository.js';
import type { CreatePrinterInput, PrinterView, UpdatePrinterInput } from './printers.schema.js';

export function createPrintersService(ctx: AppContext, printing: PrintingService) {
  const { db } = ctx;

  const requirePrinter = (id: number) => found(findPrinter(db, id), 'Printer');

  const view = (printer: PrinterRow): PrinterView => ({
    ...printing.state(printer),
    ip_address: printer.ip_address,
    port: printer.port,
    is_active: printer.is_active === 1,
    code_page: printer.code_page,
    encoding: printer.encoding,
    columns: printer.columns,
    fallback_printer_id: printer.fallback_printer_id,
    is_bill_printer: printer.is_bill_printer === 1,
  });

  /** ESC/POS prints one byte per character: UTF-8, UTF-16 or a multi-byte page would print garbage or commands. */
  function isSingleByteCodePage(encoding: string): boolean {
    if (!iconv.encodingExists(encoding)) return false;
    // Latin, accented, Greek, the euro and a CJK character: one byte each (or one "?") in every single-byte page.
    return [...'Aéα€中'].every((char) => iconv.encode(char, encoding).length === 1);
  }

  function validate(input: UpdatePrinterInput, id?: number) {
    if (input.encoding !== undefined && !isSingleByteCodePage(input.encoding))
      throw badRequest('unknown_encoding', `"${input.encoding}" is not a single-byte code page a receipt printer has (try cp737)`);
    if (input.ip_address !== undefined && net.isIP(input.ip_address) && !isLanAddress(input.ip_address))
      throw badRequest('invalid_printer_address', `${input.ip_address} is not on the restaurant's network`);
    if (input.name !== undefined && nameTaken(db, input.name, id)) throw conflict('name_taken', `A printer named "${input.name}" already exists`);
    if (input.fallback_printer_id != null) {
      if (input.fallback_printer_id === id) throw badRequest('invalid_fallback', 'A printer cannot be its own fallback');
      requirePrinter(input.fallback_printer_id);
    }
  }

  /** Columns as stored: booleans as 0/1; one bill printer at a time. */
  function columnsOf(tx: Tx, input: UpdatePrinterInput, id?: number) {
    const { is_active, is_bill_printer, ...rest } = input;
    if (is_bill_printer) clearBillPrinter(tx, id);
    return {
      ...rest,
      ...(is_active === undefined ? {} : { is_active: is_active ? 1 : 0 }),
      ...(is_bill_printer === undefined ? {} : { is_bill_printer: is_bill_printer ? 1 : 0 }),
    };
  }

  const audit = (tx: Tx, user: Actor, action: string, id: number, details: Record<string, unknown>) =>
    recordAudit(tx, { actor: user, action, entity: 'printer', entityId: id, details }, isoNow(ctx.clock));

  /** After the change is durable its worker re-reads the settings and tries at once. */
  const refresh = (tx: Tx, id: number) => tx.afterCommit(() => printing.retryNow(id));

  return {
    list: () => listPrinters(db).map(view),
    get: (id: number) => view(requirePrinter(id)),
    /** For every signed-in screen: which printers are up and how much is waiting. */
    status: () => listPrinters(db).map((printer) => printing.state(printer)),

    create(tx: Tx, user: Actor, input: CreatePrinterInput): PrinterView {
      validate(input);
      const id = insertPrinter(tx, { ...columnsOf(tx, input), name: input.name, ip_address: input.ip_address });
      audit(tx, user, 'printer_created', id, { name: input.name });
      refresh(tx, id);
      return view(requirePrinter(id));
    },

    update(tx: Tx, user: Actor, id: number, input: UpdatePrinterInput): PrinterView {
      const before = requirePrinter(id);
      validate(input, id);
      const columns = columnsOf(tx, input, id);
      if (Object.keys(columns).length > 0) updatePrinter(tx, id, columns);
      audit(tx, user, 'printer_updated', id, { before, changes: input });
      refresh(tx, id);
      return view(requirePrinter(id));
    },

    /** Soft delete (old jobs and lines keep pointing at it); refused while products print there or jobs wait. */
    remove(tx: Tx, user: Actor, id: number): void {
      const printer = requirePrinter(id);
      const products = productsUsing(tx, id);
      if (products.length > 0) throw conflict('printer_in_use', `Products still print on ${printer.name}`, { products });
      if (printing.state(printer).queued > 0) throw conflict('printer_has_jobs', `Jobs are still waiting for ${printer.name}: cancel them first`);
      dropAsFallback(tx, id);
      updatePrinter(tx, id, { is_deleted: 1, is_active: 0, is_bill_printer: 0 });
      audit(tx, user, 'printer_deleted', id, { name: printer.name });
    },

    test: (id: number) => printing.testPage(requirePrinter(id)),
  };
}
