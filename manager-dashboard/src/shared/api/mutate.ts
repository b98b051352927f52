import { useState } from 'react';
import { errorText } from '@tavli/i18n/i18n';
import { showToast } from '@tavli/ui/toast';
import { useT, type Translate } from '../../i18n/i18n';
import type { ApiFailure, ApiResult } from './client';

/** A failure in the manager's language: the code's translation, or the appliance's own words. */
const failureText = (t: Translate, failure: ApiFailure) =>
  failure.kind === 'network' ? t('common.unreachable') : errorText(t.language, failure.code, failure.message);

/**
 * Runs one action against the appliance: busy while it runs, a toast saying why when it fails,
 * a toast saying what happened when it succeeds, and `done` with the answer.
 */
export function useAction() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  async function run<T>(pending: () => Promise<ApiResult<T>>, success?: string, done?: (data: T) => void): Promise<boolean> {
    setBusy(true);
    const result = await pending();
    setBusy(false);
    if (!result.ok) {
      showToast('danger', failureText(t, result.failure), 6_000);
      return false;
    }
    if (success) showToast('success', success);
    done?.(result.data);
    return true;
  }
  return { busy, run };
}
