import type { PrinterStatus } from '../floor/queries';
import type { License } from '../settings/queries';

/** A ticket that has waited this long means a kitchen is not getting its orders. */
const TICKET_LATE_MS = 60_000;

export type Alert =
  | { kind: 'printer_offline'; printer: string; queued: number; error: string | null }
  | { kind: 'ticket_late'; printer: string; minutes: number }
  | {
      kind: 'license';
      state: 'locked' | 'grace' | 'offline_warning' | 'offline_too_long' | 'expired' | 'not_activated';
      reason: string | null;
      hours: number | null;
    };

/** What must not be missed, most urgent first: the licence, then printers that are down, then late tickets. */
export function alertsOf(printers: PrinterStatus[], license: License | undefined, now: number): Alert[] {
  const alerts: Alert[] = [];
  if (license?.enforced && license.state !== 'active') {
    const hours = license.grace_remaining_s === null ? null : Math.max(0, Math.ceil(license.grace_remaining_s / 3600));
    alerts.push({ kind: 'license', state: license.state, reason: license.lock_reason, hours });
  }
  for (const printer of printers) {
    if (printer.online === false) alerts.push({ kind: 'printer_offline', printer: printer.name, queued: printer.queued, error: printer.last_error });
  }
  for (const printer of printers) {
    const waited = printer.oldest_queued_at === null ? 0 : now - Date.parse(printer.oldest_queued_at);
    if (printer.queued > 0 && waited > TICKET_LATE_MS) alerts.push({ kind: 'ticket_late', printer: printer.name, minutes: Math.floor(waited / 60_000) });
  }
  return alerts;
}
