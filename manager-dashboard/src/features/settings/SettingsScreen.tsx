import { useEffect, useState } from 'react';
import { useLanguage, useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { queryClient } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { BackupsPanel } from './BackupsPanel';
import { JoinPhonePanel } from './JoinPhonePanel';
import { UpdatePanel } from './UpdatePanel';
import { licenseQuery, settingsQuery, useLicense, useSettings, type Settings } from './queries';

type Editable = Pick<Settings, 'restaurant_name' | 'restaurant_address' | 'vat_number' | 'business_day_start' | 'language'>;

/** What is printed on bills, when the business day starts, the language, and the licence with a "check now". */
export default function SettingsScreen() {
  const t = useT();
  const format = useFormat();
  const settings = useSettings().data;
  const license = useLicense().data;
  const setLanguage = useLanguage((state) => state.setLanguage);
  const { busy, run } = useAction();
  const [draft, setDraft] = useState<Editable | undefined>();

  useEffect(() => {
    if (settings && !draft) setDraft(settings);
  }, [settings, draft]);

  if (!draft || !settings) return <p className="muted pad">{t('common.loading')}</p>;
  const set = (key: keyof Editable, value: string) => setDraft({ ...draft, [key]: value });
  const valid = draft.restaurant_name.trim() !== '' && /^([01]\d|2[0-3]):[0-5]\d$/.test(draft.business_day_start);

  return (
    <div className="settings-screen">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          void run(
            () => call(client.api.settings.$put, { json: draft }, 200),
            t('common.saved'),
            (saved) => {
              queryClient.setQueryData(settingsQuery.queryKey, saved);
              setLanguage(saved.language);
            },
          );
        }}
      >
        <h2>{t('settings.restaurant')}</h2>
        <label className="field">
          <span>{t('settings.name')}</span>
          <input value={draft.restaurant_name} maxLength={80} onChange={(event) => set('restaurant_name', event.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.address')}</span>
          <input value={draft.restaurant_address} maxLength={160} onChange={(event) => set('restaurant_address', event.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.vatNumber')}</span>
          <input value={draft.vat_number} maxLength={20} onChange={(event) => set('vat_number', event.target.value)} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('settings.dayStart')}</span>
            <input type="time" value={draft.business_day_start} onChange={(event) => set('business_day_start', event.target.value)} />
          </label>
          <label className="field">
            <span>{t('settings.language')}</span>
            <select value={draft.language} onChange={(event) => set('language', event.target.value)}>
              <option value="el">Ελληνικά</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
        <p className="muted">{t('settings.zoneCurrency', { zone: settings.time_zone, currency: settings.currency })}</p>
        <button type="submit" className="button primary" disabled={busy || !valid}>
          {t('common.save')}
        </button>
      </form>

      <section className="form" aria-labelledby="license-title">
        <h2 id="license-title">{t('settings.license')}</h2>
        {license ? (
          <dl className="facts">
            <dt>{t('settings.licenseState')}</dt>
            <dd data-testid="license-state">{t(`settings.licenseStates.${license.state}`)}</dd>
            <dt>{t('settings.expires')}</dt>
            <dd>{license.expires_at ? format.dateTime(license.expires_at) : '—'}</dd>
            <dt>{t('settings.lastHeartbeat')}</dt>
            <dd>{license.last_heartbeat_at ? format.dateTime(license.last_heartbeat_at) : t('settings.never')}</dd>
            {license.last_error ? (
              <>
                <dt>{t('settings.lastError')}</dt>
                <dd>{license.last_error}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => call(client.api.system.license.refresh.$post, {}, 200),
              t('settings.checked'),
              (fresh) => queryClient.setQueryData(licenseQuery.queryKey, fresh),
            )
          }
        >
          {t('settings.checkNow')}
        </button>
      </section>

      <BackupsPanel />

      <UpdatePanel />

      <JoinPhonePanel />
    </div>
  );
}
