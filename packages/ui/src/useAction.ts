import { useState } from 'react';
import { errorText, shared } from '@tavli/i18n/i18n';
import type { ApiFailure, ApiResult } from '@tavli/web-client/call';
import { showToast } from './toast';

/**
 * Runs one action against a server: busy while it runs, a toast saying why when it fails (the
 * translation of the server's error code, or `unreachable` when there was no answer: each app says who did not answer), a toast
 * saying what happened when it succeeds, and `done` with the answer.
 */
export function useAction(unreachable: string) {
  const t = shared.useT();
  const [busy, setBusy] = useState(false);
  const describe = (failure: ApiFailure) => (failure.kind === 'network' ? unreachable : errorText(t.language, failure.code, failure.message));
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
