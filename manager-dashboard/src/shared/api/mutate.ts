import { errorText } from '@tavli/i18n/i18n';
import { useAction as useSharedAction } from '@tavli/ui/useAction';
import { useT, type Translate } from '../../i18n/i18n';
import type { ApiFailure } from './client';

/** A failure in the manager's language: the code's translation, or the appliance's own words. */
const failureText = (t: Translate, failure: ApiFailure) =>
  failure.kind === 'network' ? t('common.unreachable') : errorText(t.language, failure.code, failure.message);

/** An action against the appliance, its failure told in the manager's language (see @tavli/ui/useAction). */
export function useAction() {
  const t = useT();
  return useSharedAction((failure) => failureText(t, failure));
}
