/**
 * The one way this app talks to the appliance: Hono's RPC client typed by the appliance's own
 * routes, compiled ahead by the appliance (`appliance/client`), so no server code reaches the browser bundle;
 * request and response shapes are derived from it, never written out by hand.
 */
import { hcWithType } from 'appliance/client';
import type { ClientRequestOptions, ClientResponse, InferResponseType } from 'hono/client';

const REQUEST_TIMEOUT_MS = 10_000;

const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;

let token: string | undefined;

/** The bearer token sent with every request (undefined when signed out). */
export function setAuthToken(value: string | undefined): void {
  token = value;
}

/** What the rest of the app needs to hear about the connection, whichever request noticed it. */
export type ApiNotice =
  | { type: 'reachable' }
  | { type: 'unreachable' }
  | { type: 'unauthorized' }
  | { type: 'license'; status: number; code: string; message: string; lockReason?: string };

const listeners = new Set<(notice: ApiNotice) => void>();

export function onApiNotice(listener: (notice: ApiNotice) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const notify = (notice: ApiNotice) => listeners.forEach((listener) => listener(notice));

/** fetch with a timeout (a hung request on bad Wi-Fi must not stall the outbox) that reports reachability. */
async function watchedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    notify({ type: 'unreachable' });
    throw error;
  }
  notify({ type: 'reachable' });
  const sentToken = new Headers(init.headers).has('authorization');
  if (response.status === 401 && sentToken) notify({ type: 'unauthorized' });
  if (response.status === 423 || response.status === 402) void noticeLicense(response.clone());
  return response;
}

/** 423 (site locked) and 402 (licence expired): every request answers so; the banner says why. */
async function noticeLicense(response: Response): Promise<void> {
  const body = (await response.json().catch(() => undefined)) as (Partial<ErrorBody> & { error?: { lock_reason?: unknown } }) | undefined;
  const lockReason = typeof body?.error?.lock_reason === 'string' ? body.error.lock_reason : undefined;
  notify({
    type: 'license',
    status: response.status,
    code: body?.error?.code ?? `http_${response.status}`,
    message: body?.error?.message ?? '',
    ...(lockReason ? { lockReason } : {}),
  });
}

const authHeaders = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export const client = hcWithType(origin, { fetch: watchedFetch, headers: authHeaders });

/** The house error body (the same on every route). */
type ErrorBody = InferResponseType<typeof client.api.tables.$get, 400>;

export type ApiFailure =
  { kind: 'network'; message: string } | { kind: 'http'; status: number; code: string; message: string; details?: unknown; retryAfterS?: number };

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; failure: ApiFailure };

type Endpoint = (args: never, options?: ClientRequestOptions) => Promise<ClientResponse<unknown, number, 'json'>>;

/** What an endpoint answers on success: 200, 201 (created) or 202 (accepted, e.g. queued for printing). */
type Success = 200 | 201 | 202;

/** The success body of an endpoint for the status it answers on success. */
export type Ok<F, S extends Success = 200> = InferResponseType<F, S>;

async function readFailure(response: Response): Promise<Extract<ApiFailure, { kind: 'http' }>> {
  let body: Partial<ErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = undefined;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    kind: 'http',
    status: response.status,
    code: body?.error?.code ?? `http_${response.status}`,
    message: body?.error?.message ?? response.statusText,
    ...(body?.error?.details === undefined ? {} : { details: body.error.details }),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterS: retryAfter } : {}),
  };
}

/**
 * Calls a typed endpoint and answers a result instead of throwing: network failures and error
 * statuses become `failure`, with the appliance's error code and message.
 */
export async function call<F extends Endpoint, S extends Success>(
  endpoint: F,
  args: Parameters<F>[0],
  success: S,
  options: { idempotencyKey?: string } = {},
): Promise<ApiResult<Ok<F, S>>> {
  let response: Response;
  try {
    const requestOptions = options.idempotencyKey ? { headers: { 'idempotency-key': options.idempotencyKey } } : undefined;
    response = (await endpoint(args, requestOptions)) as unknown as Response;
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
  if (!response.ok) return { ok: false, failure: await readFailure(response) };
  try {
    return { ok: true, status: response.status === success ? success : response.status, data: (await response.json()) as Ok<F, S> };
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: `Unreadable answer: ${String(error)}` } };
  }
}

/** The live event stream; EventSource cannot send headers, so the token rides in the query. */
export function eventStreamUrl(bearer: string): string {
  return `${origin}/api/events?token=${encodeURIComponent(bearer)}`;
}
