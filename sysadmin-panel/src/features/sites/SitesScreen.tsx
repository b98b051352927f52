import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useState } from 'react';
import { markInteractive } from '@tavli/ui/marks';
import { useNow } from '@tavli/ui/useNow';
import { Link } from '../../app/Link';
import { useT } from '../../i18n/i18n';
import { unwrap } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { canWrite, useSession } from '../session/store';
import { fetchSitesPage, STATUSES, type SiteStatus } from './queries';
import { StatusBadge } from './StatusBadge';

/** The list refreshes itself this often while it is open. */
const REFRESH_MS = 30_000;

/** Every site with its status word, last heartbeat, version and address; search, filter, sort; refreshes itself. */
export function SitesScreen() {
  const t = useT();
  const format = useFormat();
  const now = useNow(REFRESH_MS);
  const admin = useSession((state) => state.user);
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [status, setStatus] = useState<SiteStatus | ''>('');
  const [sort, setSort] = useState('name');
  const sites = useInfiniteQuery({
    queryKey: ['sites', query, status, sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(fetchSitesPage({ sort, ...(query ? { q: query } : {}), ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
  const items = sites.data?.pages.flatMap((page) => page.items) ?? [];
  useEffect(() => {
    if (items.length > 0) markInteractive();
  }, [items.length]);

  return (
    <div className="sites">
      <div className="toolbar">
        <label className="field grow">
          <span>{t('sites.search')}</span>
          <input type="search" value={q} placeholder={t('sites.searchHint')} onChange={(event) => setQ(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('sites.status')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as SiteStatus | '')}>
            <option value="">{t('sites.allStatuses')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('sites.sort')}</span>
          <select value={sort} onChange={(event) => setSort(event.target.value)}>
            <option value="name">{t('sites.byName')}</option>
            <option value="last_seen">{t('sites.byLastSeen')}</option>
            <option value="expiry">{t('sites.byExpiry')}</option>
          </select>
        </label>
        {canWrite(admin) ? (
          <Link to={{ name: 'register' }}>
            <span className="button primary">{t('sites.register')}</span>
          </Link>
        ) : null}
      </div>
      {sites.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {!sites.isPending && items.length === 0 ? <p className="muted">{t('sites.none')}</p> : null}
      <ul className="site-list">
        {items.map((item) => (
          <li key={item.site_id} className={`site-card border-${item.status}`}>
            <div className="site-head">
              <Link to={{ name: 'site', siteId: item.site_id }}>{item.name}</Link>
              <StatusBadge status={item.status} />
            </div>
            <p className="muted">
              {item.owner_name} · {item.contact_email}
            </p>
            <p>
              {item.last_seen_at ? (
                <>
                  {t('sites.lastSeen')}{' '}
                  <time dateTime={item.last_seen_at} title={format.dateTime(item.last_seen_at)}>
                    {format.ago(item.last_seen_at, now)}
                  </time>{' '}
                  ({format.dateTime(item.last_seen_at)})
                </>
              ) : (
                t('sites.neverSeen')
              )}
              {item.version ? ` · v${item.version}` : ''}
              {item.last_seen_ip ? ` · ${item.last_seen_ip}` : ''}
            </p>
            <p className="muted">{t('sites.expires', { date: format.date(item.license_expires_at) })}</p>
          </li>
        ))}
      </ul>
      {sites.hasNextPage ? (
        <button type="button" className="button wide" disabled={sites.isFetchingNextPage} onClick={() => void sites.fetchNextPage()}>
          {t('common.more')}
        </button>
      ) : null}
    </div>
  );
}
