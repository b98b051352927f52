import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { client } from '../../shared/api/client';
import { queryClient } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { updateQuery } from './queries';

const UPLOAD_TIMEOUT_MS = 10 * 60_000;

/** Updates with no internet: the release bundle from Tavli (a .tavli-update file) uploaded from this tablet. */
export function UpdatePanel() {
  const t = useT();
  const format = useFormat();
  const status = useQuery(updateQuery).data;
  const [file, setFile] = useState<File | undefined>();
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');

  async function send(bundle: File) {
    setState('sending');
    const answer = await client.api.system.updates
      // A bundle is some 70 MB: on a restaurant's Wi-Fi that takes longer than an API call may.
      .$post(undefined, { headers: { 'content-type': 'application/octet-stream' }, init: { body: bundle, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) } })
      .catch(() => undefined);
    setState(answer?.status === 202 ? 'sent' : 'failed');
    if (answer?.status === 202) queryClient.setQueryData(updateQuery.queryKey, await answer.json());
  }

  return (
    <section className="form" aria-labelledby="update-title">
      <h2 id="update-title">{t('settings.update')}</h2>
      {status ? (
        <p data-testid="running-version">
          {t('settings.updateVersion', { version: status.version })}
          {status.last
            ? ` · ${t(status.last.result === 'installed' ? 'settings.updateInstalled' : 'settings.updateRefused', { when: format.dateTime(status.last.at), message: status.last.message })}`
            : ''}
        </p>
      ) : null}
      <p className="muted">{t('settings.updateHow')}</p>
      <label className="field">
        <span>{t('settings.updateFile')}</span>
        <input type="file" accept=".tavli-update" onChange={(event) => setFile(event.target.files?.[0])} />
      </label>
      {state === 'sent' || status?.pending ? <p role="status">{t('settings.updateSent')}</p> : null}
      {state === 'failed' ? <p role="alert">{t('settings.updateFailed')}</p> : null}
      <button type="button" className="button" disabled={!file || state === 'sending' || status?.pending} onClick={() => file && void send(file)}>
        {t('settings.updateInstall')}
      </button>
    </section>
  );
}
