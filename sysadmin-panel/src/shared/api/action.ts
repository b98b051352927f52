import { useAction as useSharedAction } from '@tavli/ui/useAction';
import { useT } from '../../i18n/i18n';

/** An action against the cloud (see @tavli/ui/useAction); no answer is told as the service not answering. */
export const useAction = () => useSharedAction(useT()('common.unreachable'));
