import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { unwrap } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';

/** Every action the cloud records, in the order the filter offers them. */
const ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'site_registered',
  'site_updated',
  'site_locked',
  'site_unlocked',
  'key_rotated',
  'site_deregistered',
  'admin_created',
  'admin_updated',
  'totp_enabled',
];
const actionText = (t: (key: MessageKey) => string, action: string) => (ACTIONS.includes(action) ? t(`actions.${action}` as MessageKey) : action);

/** The append-only log of every admin action: who, when, from where, what changed. */
export default function ActivityScreen() {
  const t = useT();
  const format = useFormat();
  const [action, setAction] = useState('');
  const log = useInfiniteQuery({
    queryKey: ['activity', action],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(call(client.api.audit.$get, { query: { ...(action ? { action } : {}), ...(pageParam ? { cursor: pageParam } : {}) } }, 200)),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="activity">
      <div className="toolbar">
        <label className="field">
          <span>{t('activity.action')}</span>
          <select value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">{t('activity.all')}</option>
            {ACTIONS.map((name) => (
              <option key={name} value={name}>
                {actionText(t, name)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('activity.when')}</th>
            <th scope="col">{t('activity.who')}</th>
            <th scope="col">{t('activity.what')}</th>
            <th scope="col">{t('activity.from')}</th>
            <th scope="col">{t('activity.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id} className={entry.action === 'login_failed' ? 'warn-row' : undefined}>
              <td>{format.dateTime(entry.at)}</td>
              <td>{entry.username}</td>
              <td>{actionText(t, entry.action)}</td>
              <td>{entry.address}</td>
              <td className="details">{Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.hasNextPage ? (
        <button type="button" className="button" onClick={() => void log.fetchNextPage()}>
          {t('common.more')}
        </button>
      ) : null}
    </div>
  );
}
