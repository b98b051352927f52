import { useAction as useSharedAction } from '@tavli/ui/useAction';
import { useT } from '../../i18n/i18n';

/** An action against the appliance (see @tavli/ui/useAction); no answer is told as the appliance not answering. */
export const useAction = () => useSharedAction(useT()('common.unreachable'));
