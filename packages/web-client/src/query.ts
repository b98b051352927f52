import type { ApiFailure, ApiResult } from './call';

/** A refused or failed request, as a query's error: the server's code and message, or no network. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

/** A typed call's answer as a query wants it: the data, or an ApiError thrown. */
export async function unwrap<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const answer = await result;
  if (answer.ok) return answer.data;
  throw new ApiError(answer.failure);
}

/** Retry only what may pass by itself (no network), and only twice. */
export const retryNetworkFailures = (count: number, error: unknown) => count < 2 && error instanceof ApiError && error.failure.kind === 'network';
