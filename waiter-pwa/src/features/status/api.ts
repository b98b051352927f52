import { callUnlisted } from '../../shared/api/client';

/**
 * The licence and printer endpoints are being added by other work on the appliance and are not
 * in its route types yet, so their answers are read defensively here. A 404 means "not there".
 */
export type LicenseInfo = { state: 'ok' | 'grace' | 'offline' | 'locked' | 'expired'; reason?: string; graceHours?: number };
export type PrinterInfo = { id: number; name: string; online: boolean; queued: number };

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The appliance's licence status (GET /api/system/license, `license.updated` events). */
export function readLicense(data: unknown): LicenseInfo | undefined {
  const body = record(data);
  const state = text(body?.state);
  if (!body || !state) return undefined;
  if (body.enforced === false) return { state: 'ok' }; // a demo or development appliance: nothing to warn about
  const reason = text(body.lock_reason);
  const graceSeconds = count(body.grace_remaining_s);
  const graceHours = graceSeconds === undefined ? undefined : Math.max(0, Math.ceil(graceSeconds / 3600));
  const kind: LicenseInfo['state'] =
    state === 'locked' ? 'locked' : state === 'grace' ? 'grace' : state === 'offline_warning' ? 'offline' : ['expired', 'offline_too_long', 'not_activated'].includes(state) ? 'expired' : 'ok';
  return { state: kind, ...(reason ? { reason } : {}), ...(graceHours !== undefined ? { graceHours } : {}) };
}

export function readPrinter(data: unknown): PrinterInfo | undefined {
  const body = record(data);
  const id = count(body?.id);
  if (!body || id === undefined) return undefined;
  const state = record(body.state) ?? body;
  const word = text(state.state) ?? text(state.status);
  // online: null means "never tried yet", which is not an outage
  const online = state.online === false ? false : word ? word !== 'offline' : true;
  const queued = count(state.queued) ?? count(state.queued_jobs) ?? 0;
  return { id, name: text(body.name) ?? `#${id}`, online, queued };
}

/** The site's licence; null when this appliance has no licensing (404), undefined when it cannot tell now. */
export async function fetchLicense(): Promise<LicenseInfo | null | undefined> {
  const result = await callUnlisted('GET', '/api/system/license');
  if (result.ok) return readLicense(result.data) ?? null;
  return result.failure.kind === 'http' && result.failure.status === 404 ? null : undefined;
}

/** Which printers are up and how many jobs wait (any signed-in user); `printer.updated` events follow. */
export async function fetchPrinters(): Promise<PrinterInfo[]> {
  const result = await callUnlisted('GET', '/api/printers/status');
  if (!result.ok || !Array.isArray(result.data)) return [];
  return result.data.flatMap((item) => readPrinter(item) ?? []);
}

export const printBill = (orderId: string) => callUnlisted('POST', `/api/orders/${orderId}/bill`, {});
