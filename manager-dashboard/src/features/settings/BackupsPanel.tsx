import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useFormat } from '../../shared/format';
import { backupsQuery } from './queries';
import { client } from '../../shared/api/client';

/** The backups the appliance keeps, and a copy of the newest to keep off the card. */
export function BackupsPanel() {
  const t = useT();
  const format = useFormat();
  const backups = useQuery(backupsQuery).data;
  const [failed, setFailed] = useState(false);
  const newest = backups?.[0];

  async function download() {
    setFailed(false);
    const response = await client.api.system.backups.latest.$get().catch(() => undefined);
    if (!response?.ok) return setFailed(true);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'tavli-backup.db';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <section className="form" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('settings.backups')}</h2>
      <p className="muted">{t('settings.backupsHow')}</p>
      {newest ? (
        <p data-testid="latest-backup">
          {t('settings.backupLatest', { when: format.dateTime(newest.taken_at), size: (newest.bytes / 1_048_576).toFixed(1), count: backups.length })}
        </p>
      ) : (
        <p className="muted">{t('settings.backupNone')}</p>
      )}
      {failed ? <p role="alert">{t('settings.backupFailed')}</p> : null}
      <button type="button" className="button" disabled={!newest} onClick={() => void download()}>
        {t('settings.backupDownload')}
      </button>
    </section>
  );
}
