import type { MessageKey, Translate } from '../../i18n/i18n';
import en from '../../i18n/en.json';
import type { ApiFailure } from '../../shared/api/client';

/** A refusal in the waiter's language when we know the code, else in the appliance's words. */
export function failureText(t: Translate, failure: ApiFailure): string {
  if (failure.kind === 'network') return t('error.network');
  const key = `error.${failure.code}`;
  return key in en ? t(key as MessageKey) : failure.message;
}
