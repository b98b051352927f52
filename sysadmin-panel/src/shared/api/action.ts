import { errorText } from '@tavli/i18n/i18n';
import { useAction as useSharedAction } from '@tavli/ui/useAction';
import { useT } from '../../i18n/i18n';

/** An action against the cloud, its failure told in the admin's language (see @tavli/ui/useAction). */
export function useAction() {
  const t = useT();
  return useSharedAction((failure) => (failure.kind === 'network' ? t('common.unreachable') : errorText(t.language, failure.code, failure.message)));
}
