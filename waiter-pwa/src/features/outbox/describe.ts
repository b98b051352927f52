import type { MessageKey, Translate } from '../../i18n/i18n';
import en from '../../i18n/en.json';
import { errorText } from '@tavli/i18n/i18n';
import type { ApiFailure } from '../../shared/api/client';

/**
 * A refusal in the waiter's language: the phone's own wording where it has one, else the shared
 * translation of the code, else the appliance's words.
 */
export function failureText(t: Translate, failure: ApiFailure): string {
  if (failure.kind === 'network') return t('error.network');
  const key = `error.${failure.code}`;
  return key in en ? t(key as MessageKey) : errorText(t.language, failure.code, failure.message);
}
