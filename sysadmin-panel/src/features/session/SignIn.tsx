import { useId, useState } from 'react';
import { LanguageSwitch } from '@tavli/ui/LanguageSwitch';
import { useT } from '../../i18n/i18n';
import { login } from './api';
import { useSession } from './store';

/** Username and password; a second step asks for the authenticator's code when the admin has one. */
export function SignIn() {
  const t = useT();
  const ids = { user: useId(), password: useId(), code: useId() };
  const signIn = useSession((state) => state.signIn);
  const ended = useSession((state) => state.ended);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit() {
    setBusy(true);
    const result = await login(username.trim(), password, needsCode ? code.trim() : undefined);
    setBusy(false);
    if (result.ok) {
      signIn(result.data.token, result.data.admin);
      return;
    }
    const { failure } = result;
    if (failure.kind === 'network') setError(t('common.unreachable'));
    else if (failure.code === 'code_required') {
      setNeedsCode(true);
      setError(undefined);
    } else if (failure.code === 'invalid_code') setError(t('signIn.wrongCode'));
    else if (failure.status === 429) setError(t('signIn.throttled', { minutes: Math.max(1, Math.ceil((failure.retryAfterS ?? 60) / 60)) }));
    else if (failure.status === 401) setError(t('signIn.wrong'));
    else setError(failure.message);
  }

  return (
    <main className="sign-in">
      <header className="sign-in-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <form
        className="card form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {ended ? <p className="notice">{t('signIn.ended')}</p> : null}
        <label htmlFor={ids.user}>{t('signIn.username')}</label>
        <input id={ids.user} value={username} autoComplete="username" autoCapitalize="none" required onChange={(event) => setUsername(event.target.value)} />
        <label htmlFor={ids.password}>{t('signIn.password')}</label>
        <input
          id={ids.password}
          type="password"
          value={password}
          autoComplete="current-password"
          required
          onChange={(event) => setPassword(event.target.value)}
        />
        {needsCode ? (
          <>
            <label htmlFor={ids.code}>{t('signIn.code')}</label>
            <input
              id={ids.code}
              value={code}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              autoFocus
              onChange={(event) => setCode(event.target.value)}
            />
            <p className="muted">{t('signIn.codeHelp')}</p>
          </>
        ) : null}
        <p className="form-error" role="alert">
          {error ?? ''}
        </p>
        <button type="submit" className="button primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
