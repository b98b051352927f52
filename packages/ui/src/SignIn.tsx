import { useCallback, useState } from 'react';
import { shared } from '@tavli/i18n/i18n';
import type { ApiResult } from '@tavli/web-client/call';
import { PinPad } from './PinPad';

export type Person = { username: string; full_name: string };

type Staff = Array<Person & { id: number }> | 'failed' | undefined;

type StaffPickerProps = { staff: Staff; onPick(person: Person): void };

/** The staff as large name buttons; a username field when the list cannot be had. */
export function StaffPicker({ staff, onPick }: StaffPickerProps) {
  const t = shared.useT();
  const [username, setUsername] = useState('');
  return (
    <section className="staff" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('login.whoAreYou')}</h2>
      {staff === undefined ? <p className="muted">{t('common.loading')}</p> : null}
      {Array.isArray(staff) ? (
        <ul className="staff-list">
          {staff.map((member) => (
            <li key={member.id}>
              <button type="button" className="staff-button" onClick={() => onPick(member)}>
                {member.full_name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {staff === 'failed' ? <p className="muted">{t('login.staffUnavailable')}</p> : null}
      {staff !== undefined ? (
        <form
          className="username-form"
          onSubmit={(event) => {
            event.preventDefault();
            const name = username.trim();
            if (name) onPick({ username: name, full_name: name });
          }}
        >
          <label>
            <span>{t('login.username')}</span>
            <input value={username} autoCapitalize="none" autoComplete="username" onChange={(event) => setUsername(event.target.value)} />
          </label>
          <button type="submit" className="button" disabled={!username.trim()}>
            {t('login.continue')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

type PinEntryProps<User> = {
  person: Person;
  notice: string | undefined;
  login(username: string, pin: string): Promise<ApiResult<{ token: string; user: User }>>;
  onSignedIn(token: string, user: User): void;
  onChangePerson(): void;
};

/** The PIN pad for one person; says plainly why a PIN was refused. */
export function PinEntry<User>({ person, notice, login, onSignedIn, onChangePerson }: PinEntryProps<User>) {
  const t = shared.useT();
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
      onSignedIn(result.data.token, result.data.user);
      return;
    }
    const { failure } = result;
    if (failure.kind === 'network') setError(t('login.offline'));
    else if (failure.status === 401) setError(t('login.wrongPin'));
    else if (failure.status === 403) setError(t('login.notAllowed'));
    else if (failure.status === 429) setError(t('login.lockedOut', { minutes: Math.max(1, Math.ceil((failure.retryAfterS ?? 300) / 60)) }));
    else setError(t('login.failed', { message: failure.message }));
  }, [busy, pin, person.username, login, onSignedIn, t]);

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
