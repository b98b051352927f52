import { useEffect, useState } from 'react';
import { encodeSetupCode } from '@tavli/licensing-contract/setup-code';
import { showToast } from '@tavli/ui/toast';
import { useT } from '../../i18n/i18n';
import { origin } from '../../shared/api/client';

/** The QR code of `text`, drawn in the browser (qrcode is loaded only when a key is shown). */
function useQrCode(text: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ toDataURL }) => toDataURL(text, { margin: 1, width: 240 })).then((data) => live && setUrl(data));
    return () => {
      live = false;
    };
  }, [text]);
  return url;
}

/**
 * A site's secret key, shown this once: as text to copy, and as the installer's setup code (text
 * and QR code) carrying the cloud's address, the site id and the key. Leaving warns first.
 */
export function KeyReveal({ siteId, siteKey, onDone }: { siteId: string; siteKey: string; onDone(): void }) {
  const t = useT();
  const setupCode = encodeSetupCode({ cloud_url: origin, site_id: siteId, site_key: siteKey });
  const qr = useQrCode(setupCode);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const copy = (text: string) =>
    void navigator.clipboard?.writeText(text).then(
      () => showToast('success', t('key.copied')),
      () => showToast('warning', t('key.copyFailed')),
    );

  return (
    <section className="card key-reveal" aria-labelledby="key-title">
      <h2 id="key-title">{t('key.title')}</h2>
      <p className="notice">{t('key.onlyOnce')}</p>
      <dl className="facts">
        <dt>{t('key.siteId')}</dt>
        <dd>
          <code data-testid="site-id">{siteId}</code>
        </dd>
        <dt>{t('key.secret')}</dt>
        <dd>
          <code data-testid="site-key">{siteKey}</code>{' '}
          <button type="button" className="button" onClick={() => copy(siteKey)}>
            {t('key.copyKey')}
          </button>
        </dd>
        <dt>{t('key.setupCode')}</dt>
        <dd>
          <code className="setup-code" data-testid="setup-code">
            {setupCode}
          </code>{' '}
          <button type="button" className="button" onClick={() => copy(setupCode)}>
            {t('key.copySetupCode')}
          </button>
        </dd>
      </dl>
      {qr ? <img className="qr" src={qr} alt={t('key.qrAlt')} width={240} height={240} /> : null}
      <p className="muted">{t('key.installer')}</p>
      <button type="button" className="button primary" onClick={onDone}>
        {t('key.done')}
      </button>
    </section>
  );
}
