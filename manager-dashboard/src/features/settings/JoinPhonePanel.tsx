import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@tavli/web-client/query';
import { useT } from '../../i18n/i18n';
import { joinQuery } from './queries';

/** A QR code a waiter scans to make the phone trust the appliance (once per phone), then install the app over HTTPS. */
export function JoinPhonePanel() {
  const t = useT();
  const { data: join, error } = useQuery(joinQuery);
  const httpsOff = error instanceof ApiError && error.failure.kind === 'http' && error.failure.code === 'https_off';
  return (
    <section className="form join-phone" aria-labelledby="join-title">
      <h2 id="join-title">{t('settings.joinTitle')}</h2>
      {httpsOff ? <p className="muted">{t('errors.https_off')}</p> : null}
      {join ? (
        <>
          <p>{t('settings.joinHow')}</p>
          <img className="join-qr" src={join.qr_svg_url} alt={t('settings.joinQr', { url: join.url })} width={240} height={240} />
          <p>
            {t('settings.joinOr')} <strong>{join.url}</strong>
          </p>
          <p className="details">
            {t('settings.joinFingerprint', { name: join.ca_name })} {join.ca_fingerprint}
          </p>
        </>
      ) : null}
    </section>
  );
}
