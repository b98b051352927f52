import { recordAudit } from '../audit/audit.repository.js';
import { findBillPrinter, findPrinter, type PrinterRow } from './printers.repository.js';
import { readSettings } from '../settings/settings.service.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { conflict, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import { createDelivery, type LinesHook } from './delivery.js';
import { renderBytes, renderText, type PrintDocument, type PrinterLayout } from './document.js';
import { groupBy } from '../shared/collections.js';
import { createPrinterAnnouncer, printerState } from './printer-state.js';
import {
  cancelJob,
  findJob,
  insertJob,
  linkItems,
  listJobs,
  recordAttempt,
  ticketItemIds,
  ticketJobsOfItems,
  type JobFilter,
  type PrintJobRow,
} from './printing.repository.js';
import type { PrintJobView, PrintStatus } from './printing.schema.js';
import type { PrintJobKind } from './printing.table.js';
import { bill, kitchenTicket, testPage, voidSlip, type BillLine, type Locale, type PrintLine, type PrintOrder, type Restaurant } from './tickets.js';
import { sendToPrinter } from './transport.js';

/** A job as the dashboard lists it; its preview is laid out on demand, never on the ordering path. */
const toJobView = (job: PrintJobRow, printer: PrinterLayout | undefined): PrintJobView => ({
  id: job.id,
  printer_id: job.printer_id,
  printed_on: job.printed_on,
  order_id: job.order_id,
  kind: job.kind,
  status: job.status,
  attempts: job.attempts,
  created_at: job.created_at,
  printed_at: job.printed_at,
  last_error: job.last_error,
  preview_text: printer ? renderText(JSON.parse(job.document) as PrintDocument, { jobNumber: job.id }, printer) : '',
});

const byPrinter = <T extends { printer_id: number | null }>(lines: T[]) =>
  groupBy(
    lines.filter((line): line is T & { printer_id: number } => line.printer_id !== null),
    (line) => line.printer_id,
  );

export function createPrintingService(ctx: AppContext) {
  const { db } = ctx;
  const locale = { timeZone: ctx.config.timeZone, currency: ctx.config.currency };
  const hooks: LinesHook[] = [];
  const announce = createPrinterAnnouncer(ctx, (id) => findPrinter(db, id));
  const delivery = createDelivery(ctx, announce, hooks);
  const timeouts = { connectMs: ctx.config.printing.connectTimeoutMs, writeMs: ctx.config.printing.writeTimeoutMs };

  /** Inside the caller's write (the outbox): the job is stored with what it prints, and sent once that is durable. */
  function queue(tx: Tx, user: AuthUser, printer: PrinterRow, kind: PrintJobKind, orderId: string | null, document: PrintDocument, itemIds: string[]): number {
    const now = isoNow(ctx.clock);
    const id = insertJob(tx, { printer_id: printer.id, order_id: orderId, kind, document: JSON.stringify(document), created_by: user.id, created_at: now });
    linkItems(tx, id, itemIds);
    tx.afterCommit(() => {
      delivery.notify(printer.id);
      announce(printer.id);
    });
    return id;
  }

  const billPrinter = (printerId: number | undefined) => {
    const printer = printerId === undefined ? findBillPrinter(db) : found(findPrinter(db, printerId), 'Printer');
    if (!printer) throw conflict('no_bill_printer', 'No printer is marked as the bill printer: choose one');
    return printer;
  };

  const restaurant = (): Restaurant => {
    const settings = readSettings(db, ctx.config);
    return { name: settings.restaurant_name, address: settings.restaurant_address || undefined, vatNumber: settings.vat_number || undefined };
  };

  const withPreview = (job: PrintJobRow) => toJobView(job, findPrinter(db, job.printer_id));
  const jobView = (id: number) => withPreview(findJob(db, id)!);

  const zoneJobs = (tx: Tx, user: AuthUser, order: PrintOrder, lines: PrintLine[], kind: 'ticket' | 'reprint') =>
    [...byPrinter(lines)].flatMap(([printerId, zoneLines]) => {
      const printer = findPrinter(db, printerId);
      if (!printer) return [];
      const document = kitchenTicket(printer.name, order, zoneLines, isoNow(ctx.clock), locale, kind === 'reprint');
      return [
        {
          jobId: queue(
            tx,
            user,
            printer,
            kind,
            order.id,
            document,
            zoneLines.map((line) => line.id),
          ),
          lines: zoneLines,
        },
      ];
    });

  async function printNow(printer: PrinterRow, document: PrintDocument) {
    const started = Date.now();
    let error: string | null = null;
    try {
      await sendToPrinter(printer, renderBytes(document, {}, printer), timeouts);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const durationMs = Date.now() - started;
    await db.write((tx) => recordAttempt(tx, { jobIds: [], printerId: printer.id, at: isoNow(ctx.clock), success: error === null, error, durationMs }));
    announce(printer.id);
    if (error === null) delivery.retryNow(printer.id);
    return { printed: error === null, duration_ms: durationMs };
  }

  return {
    start: () => delivery.start(),
    stop: () => delivery.stop(),
    retryNow: (printerId: number) => delivery.retryNow(printerId),
    state: (printer: PrinterRow) => printerState(ctx, printer),
    /** `hook` runs inside the write that prints (or first fails to print) kitchen-ticket lines. */
    onLinesChanged: (hook: LinesHook) => void hooks.push(hook),

    /** One ticket per printer zone for new lines; the ids of the lines that will print. */
    queueTickets(tx: Tx, user: AuthUser, order: PrintOrder, lines: PrintLine[]): Set<string> {
      return new Set(zoneJobs(tx, user, order, lines, 'ticket').flatMap((queued) => queued.lines.map((line) => line.id)));
    },

    reprint: (tx: Tx, user: AuthUser, order: PrintOrder, lines: PrintLine[]) =>
      zoneJobs(tx, user, order, lines, 'reprint').map((queued) => jobView(queued.jobId)),

    /** A void slip to the printer that got (or is getting) the line's ticket. */
    queueVoid(tx: Tx, user: AuthUser, order: PrintOrder, line: PrintLine, reason: string): void {
      const printer = line.printer_id === null ? undefined : findPrinter(db, line.printer_id);
      if (!printer) return;
      queue(tx, user, printer, 'void', order.id, voidSlip(printer.name, order, line, reason, user.full_name, isoNow(ctx.clock), locale), [line.id]);
    },

    /** To `printerId`, or else to the bill printer. */
    queueBill(tx: Tx, user: AuthUser, order: PrintOrder, lines: BillLine[], printerId: number | undefined): PrintJobView {
      const printer = billPrinter(printerId);
      return jobView(queue(tx, user, printer, 'bill', order.id, bill(restaurant(), order, lines, isoNow(ctx.clock), locale), []));
    },

    /** A report such as the end-of-day summary, laid out by `layout` for the bill printer (or `printerId`). */
    queueReport(tx: Tx, user: AuthUser, layout: (restaurant: Restaurant, at: string, locale: Locale) => PrintDocument, printerId?: number): PrintJobView {
      const printer = billPrinter(printerId);
      return jobView(queue(tx, user, printer, 'report', null, layout(restaurant(), isoNow(ctx.clock), locale), []));
    },

    /** Each line's kitchen-ticket state; the part of a split line shares its original's. */
    lineStatuses(lines: Array<{ id: string; split_from: string | null }>): Map<string, PrintStatus> {
      const rows = ticketJobsOfItems(db, [...new Set(lines.map((line) => line.split_from ?? line.id))]);
      const byItem = new Map<string, PrintStatus>();
      for (const row of rows) {
        byItem.set(row.item_id, row.status === 'queued' ? (row.last_error === null ? 'queued' : 'failed') : row.status);
      }
      return new Map(lines.map((line) => [line.id, byItem.get(line.split_from ?? line.id) ?? 'not_printed']));
    },

    jobs: (filter: JobFilter) => listJobs(db, filter).map(withPreview),

    /** A manager gives up on a waiting job; its lines stop waiting for the printer. */
    cancel(tx: Tx, user: AuthUser, jobId: number): PrintJobView {
      const job = found(findJob(db, jobId), 'Print job');
      if (job.status !== 'queued') throw conflict('job_not_queued', `Job #${jobId} is already ${job.status}`);
      const now = isoNow(ctx.clock);
      cancelJob(tx, jobId, user.id, now);
      recordAudit(
        tx,
        {
          actor: user,
          action: 'print_job_cancelled',
          entity: 'print_job',
          entityId: jobId,
          details: { printer_id: job.printer_id, kind: job.kind, order_id: job.order_id },
        },
        now,
      );
      const itemIds = ticketItemIds(db, [jobId]);
      if (itemIds.length > 0) hooks.forEach((hook) => hook(tx, itemIds, true));
      tx.afterCommit(() => {
        delivery.retryNow(job.printer_id);
        announce(job.printer_id);
      });
      return jobView(jobId);
    },

    /** Sends a waiting job's printer its queue now rather than after the backoff. */
    retry(jobId: number): PrintJobView {
      const job = found(findJob(db, jobId), 'Print job');
      if (job.status !== 'queued') throw conflict('job_not_queued', `Job #${jobId} is already ${job.status}`);
      delivery.retryNow(job.printer_id);
      return withPreview(job);
    },

    /** Prints a test page straight away (no queue, no retry) and answers whether the printer took it. */
    testPage: (printer: PrinterRow) => printNow(printer, testPage(printer, isoNow(ctx.clock), locale)),

    /** Prints a notice (not an order's: nothing is lost if it never prints) straight away, as a test page is. */
    notice: (printer: PrinterRow, layout: (at: string, locale: Locale) => PrintDocument) => printNow(printer, layout(isoNow(ctx.clock), locale)),
  };
}

export type PrintingService = ReturnType<typeof createPrintingService>;
