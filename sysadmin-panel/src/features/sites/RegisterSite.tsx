import { useId, useState } from 'react';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/action';
import { queryClient } from '../../shared/api/queries';
import { KeyReveal } from './KeyReveal';

const inAYear = () => {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
};

/** Name, owner, e-mail and licence end; the answer shows the key once. */
export default function RegisterSite() {
  const t = useT();
  const ids = { name: useId(), owner: useId(), email: useId(), end: useId() };
  const { busy, run } = useAction();
  const [form, setForm] = useState({ name: '', owner_name: '', contact_email: '', end: inAYear() });
  const [registered, setRegistered] = useState<{ site_id: string; secret_key: string }>();
  const set = (key: keyof typeof form, value: string) => setForm({ ...form, [key]: value });

  if (registered) {
    return <KeyReveal siteId={registered.site_id} siteKey={registered.secret_key} onDone={() => navigate({ name: 'site', siteId: registered.site_id })} />;
  }
  return (
    <form
      className="card form"
      onSubmit={(event) => {
        event.preventDefault();
        const body = {
          name: form.name,
          owner_name: form.owner_name,
          contact_email: form.contact_email,
          license_expires_at: new Date(`${form.end}T23:59:59Z`).toISOString(),
        };
        void run(
          () => call(client.api.sites.$post, { json: body }, 201),
          t('register.done'),
          (site) => {
            void queryClient.invalidateQueries({ queryKey: ['sites'] });
            setRegistered(site);
          },
        );
      }}
    >
      <h2>{t('register.title')}</h2>
      <label htmlFor={ids.name}>{t('site.name')}</label>
      <input id={ids.name} value={form.name} required maxLength={120} onChange={(event) => set('name', event.target.value)} />
      <label htmlFor={ids.owner}>{t('site.owner')}</label>
      <input id={ids.owner} value={form.owner_name} required maxLength={120} onChange={(event) => set('owner_name', event.target.value)} />
      <label htmlFor={ids.email}>{t('site.email')}</label>
      <input id={ids.email} type="email" value={form.contact_email} required onChange={(event) => set('contact_email', event.target.value)} />
      <label htmlFor={ids.end}>{t('site.licenceEnd')}</label>
      <input id={ids.end} type="date" value={form.end} required onChange={(event) => set('end', event.target.value)} />
      <button type="submit" className="button primary" disabled={busy}>
        {t('register.submit')}
      </button>
    </form>
  );
}
