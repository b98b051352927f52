import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { PinPad } from '@tavli/ui/PinPad';
import { login } from '../api';
import { useSession } from '../store';
import type { Person } from './LoginScreen';

type Props = { person: Person; notice: string | undefined; onChangePerson(): void };

export function PinEntry({ person, notice, onChangePerson }: Props) {
  const t = useT();
  const signIn = useSession((state) => state.signIn);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const onDigit = useCallback((digit: string) => {
    setError(undefined);
    setPin((current) => (current.length < 8 ? current + digit : current));
  }, []);
  const onDelete = useCallback(() => setPin((current) => current.slice(0, -1)), []);
  const onSubmit = useCallback(async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const result = await login(person.username, pin);
    setBusy(false);
    setPin('');
    if (result.ok) {
      signIn(result.data.token, result.data.user);
      return;
    }
    const { failure } = result;
    if (failure.kind === 'network') setError(t('login.offline'));
    else if (failure.status === 401) setError(t('login.wrongPin'));
    else if (failure.status === 429) setError(t('login.lockedOut', { minutes: Math.max(1, Math.ceil((failure.retryAfterS ?? 300) / 60)) }));
    else setError(t('login.failed', { message: failure.message }));
  }, [busy, pin, person.username, signIn, t]);

  return (
    <section className="pin-entry" aria-labelledby="pin-title">
      {notice ? <p className="notice">{notice}</p> : null}
      <h2 id="pin-title">{t('login.enterPin', { name: person.full_name })}</h2>
      <p className="pin-error" role="alert">
        {error ?? '\u00a0'}
      </p>
      <PinPad
        length={pin.length}
        disabled={busy}
        labels={{ pin: t('login.pin'), delete: t('login.delete'), submit: t('login.submit') }}
        onDigit={onDigit}
        onDelete={onDelete}
        onSubmit={() => void onSubmit()}
      />
      <button type="button" className="link-button" onClick={onChangePerson}>
        {t('login.changeUser')}
      </button>
    </section>
  );
}
