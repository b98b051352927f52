import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '@tavli/ui/ConfirmDialog';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { call } from '../../shared/api/client';
import { useAction } from '../../shared/api/action';
import { queryClient, unwrap } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { canWrite, useSession } from '../session/store';
import { daysStrip, extendedBy } from './extend';
import { KeyReveal } from './KeyReveal';
import { site as siteApi } from './queries';
import { StatusBadge } from './StatusBadge';

type Pending = 'lock' | 'unlock' | 'rotate' | 'deregister' | undefined;

/** One site: its details, licence, lock and key, and its heartbeat history. */
export default function SiteDetail({ siteId }: { siteId: string }) {
  const t = useT();
  const format = useFormat();
  const admin = useSession((state) => state.user);
  const writer = canWrite(admin);
  const { busy, run } = useAction();
  const param = { site_id: siteId };
  const detail = useQuery({ queryKey: ['site', siteId], queryFn: () => unwrap(call(siteApi.$get, { param }, 200)), refetchInterval: 30_000 });
  const history = useInfiniteQuery({
    queryKey: ['site', siteId, 'heartbeats'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(call(siteApi.heartbeats.$get, { param, query: pageParam ? { cursor: pageParam } : {} }, 200)),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const [pending, setPending] = useState<Pending>();
  const [newKey, setNewKey] = useState<string>();
  const [typedName, setTypedName] = useState('');
  const [endDate, setEndDate] = useState('');
  const [edit, setEdit] = useState<{ name: string; owner_name: string; contact_email: string }>();
  const ids = { end: useId(), typed: useId() };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['site', siteId] });
    void queryClient.invalidateQueries({ queryKey: ['sites'] });
  };
  const done = () => {
    setPending(undefined);
    refresh();
  };

  if (newKey) return <KeyReveal siteId={siteId} siteKey={newKey} onDone={() => setNewKey(undefined)} />;
  const site = detail.data;
  if (!site) return <p className="muted">{detail.isError ? t('site.notFound') : t('common.loading')}</p>;
  const setEnd = (iso: string) =>
    void run(() => call(siteApi.$put, { param, json: { license_expires_at: iso } }, 200), t('site.extended', { date: format.date(iso) }), refresh);
  const heartbeats = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="site-detail">
      <header className="site-head">
        <h2>{site.name}</h2>
        <StatusBadge status={site.status} />
      </header>
      {site.locked ? <p className="notice">{t('site.lockedBecause', { reason: site.lock_reason ?? '' })}</p> : null}
      {site.tampering_suspected_at ? (
        <p className="notice" role="alert">
          {t('site.tamperingSuspected', { at: format.dateTime(site.tampering_suspected_at) })}
        </p>
      ) : null}

      <section className="card" aria-labelledby="details-title">
        <h3 id="details-title">{t('site.details')}</h3>
        {edit ? (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              void run(
                () => call(siteApi.$put, { param, json: edit }, 200),
                t('common.saved'),
                () => {
                  setEdit(undefined);
                  refresh();
                },
              );
            }}
          >
            {(['name', 'owner_name', 'contact_email'] as const).map((key) => (
              <label key={key} className="field">
                <span>{t(`site.${key === 'name' ? 'name' : key === 'owner_name' ? 'owner' : 'email'}`)}</span>
                <input value={edit[key]} required onChange={(event) => setEdit({ ...edit, [key]: event.target.value })} />
              </label>
            ))}
            <div className="row">
              <button type="submit" className="button primary" disabled={busy}>
                {t('common.save')}
              </button>
              <button type="button" className="button" onClick={() => setEdit(undefined)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <dl className="facts">
            <dt>{t('site.owner')}</dt>
            <dd>{site.owner_name}</dd>
            <dt>{t('site.email')}</dt>
            <dd>{site.contact_email}</dd>
            <dt>{t('key.siteId')}</dt>
            <dd>
              <code>{site.site_id}</code>
            </dd>
            <dt>{t('site.licenceEnd')}</dt>
            <dd>{format.dateTime(site.license_expires_at)}</dd>
            <dt>{t('sites.lastSeen')}</dt>
            <dd>
              {site.last_seen_at ? format.dateTime(site.last_seen_at) : t('sites.neverSeen')}
              {site.version ? ` · v${site.version}` : ''}
              {site.last_seen_ip ? ` · ${site.last_seen_ip}` : ''}
            </dd>
          </dl>
        )}
        {writer && !edit ? (
          <button type="button" className="button" onClick={() => setEdit({ name: site.name, owner_name: site.owner_name, contact_email: site.contact_email })}>
            {t('common.edit')}
          </button>
        ) : null}
      </section>

      {writer ? (
        <section className="card" aria-labelledby="licence-title">
          <h3 id="licence-title">{t('site.licence')}</h3>
          <div className="row">
            <button type="button" className="button" disabled={busy} onClick={() => setEnd(extendedBy(site.license_expires_at, 1, new Date()))}>
              {t('site.extendMonth')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setEnd(extendedBy(site.license_expires_at, 12, new Date()))}>
              {t('site.extendYear')}
            </button>
            <label htmlFor={ids.end} className="visually-hidden">
              {t('site.licenceEnd')}
            </label>
            <input id={ids.end} type="date" value={endDate} onChange={(event) => setEndDate(event.target.value)} />
            <button type="button" className="button" disabled={busy || !endDate} onClick={() => setEnd(new Date(`${endDate}T23:59:59Z`).toISOString())}>
              {t('site.extend')}
            </button>
          </div>
          <div className="row">
            {site.locked ? (
              <button type="button" className="button" onClick={() => setPending('unlock')}>
                {t('site.unlock')}
              </button>
            ) : (
              <button type="button" className="button danger" onClick={() => setPending('lock')}>
                {t('site.lock')}
              </button>
            )}
            <button type="button" className="button" onClick={() => setPending('rotate')}>
              {t('site.rotate')}
            </button>
            <button type="button" className="button danger" onClick={() => setPending('deregister')}>
              {t('site.deregister')}
            </button>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="history-title">
        <h3 id="history-title">{t('site.history')}</h3>
        <ol className="strip" aria-label={t('site.last30')}>
          {daysStrip(site.seen_days, new Date()).map((day) => (
            <li
              key={day.day}
              className={day.seen ? 'seen' : 'unseen'}
              title={day.day}
              aria-label={`${day.day}: ${day.seen ? t('site.seen') : t('site.notSeen')}`}
            />
          ))}
        </ol>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('site.when')}</th>
              <th scope="col">{t('site.address')}</th>
              <th scope="col">{t('site.version')}</th>
              <th scope="col">{t('site.result')}</th>
            </tr>
          </thead>
          <tbody>
            {heartbeats.map((heartbeat, index) => (
              <tr key={`${heartbeat.at}-${index}`} className={`result-${heartbeat.result}`}>
                <td>{format.dateTime(heartbeat.at)}</td>
                <td>{heartbeat.ip}</td>
                <td>{heartbeat.version}</td>
                <td>{t(`result.${heartbeat.result}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {heartbeats.length === 0 ? <p className="muted">{t('site.noHeartbeats')}</p> : null}
        {history.hasNextPage ? (
          <button type="button" className="button" onClick={() => void history.fetchNextPage()}>
            {t('common.more')}
          </button>
        ) : null}
      </section>

      {pending === 'lock' ? (
        <ConfirmDialog
          title={t('site.lockTitle', { name: site.name })}
          confirmLabel={t('site.lock')}
          cancelLabel={t('common.cancel')}
          reasonLabel={t('site.lockReason')}
          danger
          onCancel={() => setPending(undefined)}
          onConfirm={(reason) => void run(() => call(siteApi.lock.$post, { param, json: { reason } }, 200), t('site.locked'), done)}
        />
      ) : null}
      {pending === 'unlock' ? (
        <ConfirmDialog
          title={t('site.unlockTitle', { name: site.name })}
          confirmLabel={t('site.unlock')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setPending(undefined)}
          onConfirm={() => void run(() => call(siteApi.unlock.$post, { param }, 200), t('site.unlocked'), done)}
        />
      ) : null}
      {pending === 'rotate' ? (
        <ConfirmDialog
          title={t('site.rotateTitle', { name: site.name })}
          confirmLabel={t('site.rotate')}
          cancelLabel={t('common.cancel')}
          danger
          onCancel={() => setPending(undefined)}
          onConfirm={() =>
            void run(
              () => call(siteApi['rotate-key'].$post, { param }, 200),
              undefined,
              (rotated) => {
                done();
                setNewKey(rotated.secret_key);
              },
            )
          }
        >
          <p>{t('site.rotateExplained')}</p>
        </ConfirmDialog>
      ) : null}
      {pending === 'deregister' ? (
        <ConfirmDialog
          title={t('site.deregisterTitle', { name: site.name })}
          confirmLabel={t('site.deregister')}
          cancelLabel={t('common.cancel')}
          danger
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            if (typedName.trim() !== site.name) return;
            void run(
              () => call(siteApi.$delete, { param }, 200),
              t('site.deregistered'),
              () => {
                void queryClient.invalidateQueries({ queryKey: ['sites'] });
                navigate({ name: 'sites' });
              },
            );
          }}
        >
          <p>{t('site.deregisterExplained')}</p>
          <label htmlFor={ids.typed}>{t('site.typeName', { name: site.name })}</label>
          <input id={ids.typed} value={typedName} autoComplete="off" onChange={(event) => setTypedName(event.target.value)} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
