import { useState } from 'react';
import type { ApiFailure, ApiResult } from '@tavli/web-client/call';
import { showToast } from './toast';

/**
 * Runs one action against a server: busy while it runs, a toast saying why when it fails (in the
 * words `describe` gives), a toast saying what happened when it succeeds, and `done` with the answer.
 */
export function useAction(describe: (failure: ApiFailure) => string) {
  const [busy, setBusy] = useState(false);
  async function run<T>(pending: () => Promise<ApiResult<T>>, success?: string, done?: (data: T) => void): Promise<boolean> {
    setBusy(true);
    const result = await pending();
    setBusy(false);
    if (!result.ok) {
      showToast('danger', describe(result.failure), 6_000);
      return false;
    }
    if (success) showToast('success', success);
    done?.(result.data);
    return true;
  }
  return { busy, run };
}
