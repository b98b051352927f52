import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { unwrap } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { rangeQuery } from '../reports/report';
import { staffQuery } from '../staff/queries';

/** Every action the appliance audits, in the order the filter offers them. */
const ACTIONS = [
  'login',
  'login_failed',
  'login_refused',
  'payment',
  'void',
  'order_cancelled',
  'order_closed',
  'table_move',
  'orders_merged',
  'reprint',
  'print_job_cancelled',
  'product_created',
  'product_updated',
  'product_deleted',
  'product_image_set',
  'category_created',
  'category_updated',
  'category_deleted',
  'user_created',
  'user_updated',
  'user_pin_reset',
  'user_sign_in_unlocked',
  'user_deactivated',
  'table_created',
  'tables_created',
  'table_updated',
  'table_deleted',
  'table_group_created',
  'table_group_updated',
  'table_group_deleted',
  'printer_created',
  'printer_updated',
  'printer_deleted',
  'settings_changed',
];

const actionKey = (action: string) => `audit.action.${action}` as MessageKey;

/** Who did what, when and from where: sign-ins (failed too), voids, cancellations, payments, menu and price changes, moves. */
export default function AuditScreen() {
  const t = useT();
  const format = useFormat();
  const today = format.businessDay(new Date());
  const staff = useQuery(staffQuery).data ?? [];
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [type, setType] = useState('');
  const [userId, setUserId] = useState('');
  const query = { ...rangeQuery(from, to), ...(type ? { type } : {}), ...(userId ? { user_id: userId } : {}) };
  const pages = useInfiniteQuery({
    queryKey: ['audit', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(call(client.api.audit.$get, { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } }, 200)),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    staleTime: 0,
  });
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];
  const translated = (action: string) => (ACTIONS.includes(action) ? t(actionKey(action)) : action);

  return (
    <div className="audit-screen">
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t('reports.from')}</span>
          <input type="date" value={from} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('reports.to')}</span>
          <input type="date" value={to} min={from} onChange={(event) => event.target.value && setTo(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('audit.type')}</span>
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{t('menu.all')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {translated(action)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.person')}</span>
          <select value={userId} onChange={(event) => setUserId(event.target.value)}>
            <option value="">{t('menu.all')}</option>
            {staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.full_name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.from')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={entry.action === 'login_failed' || entry.action === 'login_refused' ? 'warn-row' : undefined}>
              <td>{format.dateTime(entry.at)}</td>
              <td>{translated(entry.action)}</td>
              <td>{entry.user?.full_name ?? '—'}</td>
              <td>{entry.address ?? '—'}</td>
              <td className="details">{Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !pages.isPending ? <p className="muted pad">{t('reports.none')}</p> : null}
      {pages.hasNextPage ? (
        <button type="button" className="button wide" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t('audit.more')}
        </button>
      ) : null}
    </div>
  );
}
