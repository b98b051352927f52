import type { ErrorBody } from '@tavli/server-kit/errors';
import type { ClientRequestOptions, ClientResponse, InferResponseType } from 'hono/client';
import { answeredAsOf } from './transport';

export type ApiFailure =
  { kind: 'network'; message: string } | { kind: 'http'; status: number; code: string; message: string; details?: unknown; retryAfterS?: number };

/** `asOf`: the last live event the answer already included (the appliance's X-Event-Id), when it says. */
export type ApiResult<T> = { ok: true; status: number; data: T; asOf?: number } | { ok: false; failure: ApiFailure };

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
 * statuses become `failure`, with the server's error code and message.
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
  const asOf = answeredAsOf(response);
  try {
    const data = (await response.json()) as Ok<F, S>;
    return { ok: true, status: response.status === success ? success : response.status, data, ...(asOf === undefined ? {} : { asOf }) };
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: `Unreadable answer: ${String(error)}` } };
  }
}
