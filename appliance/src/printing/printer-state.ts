import type { AppContext } from '../shared/context.js';
import { printerHistory, queueOf } from './printing.repository.js';

/** A printer's live state, as the dashboard and the waiters' phones show it. */
export type PrinterState = {
  id: number;
  name: string;
  /** null until the appliance has tried it. */
  online: boolean | null;
  queued: number;
  oldest_queued_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
};

export function printerState(ctx: AppContext, printer: { id: number; name: string }): PrinterState {
  const { lastSuccess, lastFailure } = printerHistory(ctx.db, printer.id);
  const queue = queueOf(ctx.db, printer.id);
  const latest = !lastFailure || (lastSuccess && lastSuccess.id > lastFailure.id) ? lastSuccess : lastFailure;
  return {
    id: printer.id,
    name: printer.name,
    online: latest ? latest === lastSuccess : null,
    queued: queue.count,
    oldest_queued_at: queue.oldestAt,
    last_success_at: lastSuccess?.at ?? null,
    last_error: lastFailure?.error ?? null,
    last_error_at: lastFailure?.at ?? null,
  };
}

/**
 * Pushes `printer.updated` to every screen when a printer goes offline or comes back, and while
 * it is offline whenever its waiting count changes ("kitchen printer offline, 3 tickets waiting").
 * A healthy printer's queue filling and draining ticket by ticket is not news.
 */
export function createPrinterAnnouncer(ctx: AppContext, lookup: (id: number) => { id: number; name: string } | undefined) {
  const lastSent = new Map<number, string>();
  return (printerId: number) => {
    if (!ctx.events.hasSubscribers) return;
    const printer = lookup(printerId);
    if (!printer) return;
    const state = printerState(ctx, printer);
    const key = state.online === false ? `offline ${state.queued} ${state.last_error}` : `online ${state.online}`;
    if (lastSent.get(printerId) === key) return;
    lastSent.set(printerId, key);
    ctx.events.publish({ type: 'printer.updated', data: state });
  };
}
