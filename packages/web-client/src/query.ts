import type { ApiFailure, ApiResult } from './call';

/** A refused or failed request, as a query's error: the server's code and message, or no network. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

const answersAsOf = new WeakMap<object, number>();

/** The last live event an answer `unwrap` gave already included; undefined when the appliance did not say. */
export const answerAsOf = (data: unknown): number | undefined => (typeof data === 'object' && data !== null ? answersAsOf.get(data) : undefined);

/** `to`, a list made from the answer `from`, is as current as that answer (or more: live events only add to it). */
export function sameAsOf<T extends object>(from: unknown, to: T): T {
  const asOf = answerAsOf(from);
  if (asOf !== undefined) answersAsOf.set(to, asOf);
  return to;
}

/** A typed call's answer as a query wants it: the data (remembering how current it is, see answerAsOf), or an ApiError thrown. */
export async function unwrap<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new ApiError(answer.failure);
  if (answer.asOf !== undefined && typeof answer.data === 'object' && answer.data !== null) answersAsOf.set(answer.data, answer.asOf);
  return answer.data;
}

/** Retry only what may pass by itself (no network), and only twice. */
export const retryNetworkFailures = (count: number, error: unknown) => count < 2 && error instanceof ApiError && error.failure.kind === 'network';
