import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/action';
import { queryClient, unwrap } from '../../shared/api/queries';

const meQuery = { queryKey: ['me'], queryFn: () => unwrap(call(client.api.auth.me.$get, {}, 200)) };

/** The admin's own account: two-step sign-in with an authenticator app, and its recovery codes. */
export default function AccountScreen() {
  const t = useT();
  const codeId = useId();
  const { busy, run } = useAction();
  const me = useQuery(meQuery).data;
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string }>();
  const [qr, setQr] = useState<string>();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[]>();

  useEffect(() => {
    if (!enrolment) return;
    let live = true;
    void import('qrcode').then(({ toDataURL }) => toDataURL(enrolment.uri, { margin: 1, width: 220 })).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [enrolment]);

  if (!me) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section className="card form" aria-labelledby="two-step-title">
      <h2 id="two-step-title">{t('account.twoStep')}</h2>
      <p>
        {me.username} · {t(`roles.${me.role}`)}
      </p>
      {recovery ? (
        <>
          <p className="notice">{t('account.recoveryOnce')}</p>
          <ul className="recovery-codes">
            {recovery.map((line) => (
              <li key={line}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </>
      ) : me.totp_enabled ? (
        <p>{t('account.twoStepOn')}</p>
      ) : enrolment ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => call(client.api.auth.totp.verify.$post, { json: { code: code.trim() } }, 200),
              t('account.turnedOn'),
              (answer) => {
                setRecovery(answer.recovery_codes);
                void queryClient.invalidateQueries({ queryKey: ['me'] });
              },
            );
          }}
        >
          <p>{t('account.scan')}</p>
          {qr ? <img className="qr" src={qr} alt={t('account.qrAlt')} width={220} height={220} /> : null}
          <p>
            {t('account.orType')} <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <label htmlFor={codeId}>{t('account.code')}</label>
          <input id={codeId} value={code} inputMode="numeric" autoComplete="one-time-code" required onChange={(event) => setCode(event.target.value)} />
          <button type="submit" className="button primary" disabled={busy}>
            {t('account.verify')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void run(() => call(client.api.auth.totp.$post, {}, 200), undefined, setEnrolment)}
        >
          {t('account.enable')}
        </button>
      )}
    </section>
  );
}
