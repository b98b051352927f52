import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '@tavli/ui/ConfirmDialog';
import { useT } from '../../i18n/i18n';
import { call, client, type Ok } from '../../shared/api/client';
import { useAction } from '../../shared/api/action';
import { queryClient, unwrap } from '../../shared/api/queries';
import { useSession } from '../session/store';

type Admin = Ok<typeof client.api.admins.$get>[number];
type Role = Admin['role'];
const ROLES: Role[] = ['viewer', 'operator', 'owner'];
const adminsQuery = { queryKey: ['admins'], queryFn: () => unwrap(call(client.api.admins.$get, {}, 200)) };

/** Owners only: admins with their roles; add one, disable one, reset a password. The API enforces the same. */
export default function AdminsScreen() {
  const t = useT();
  const me = useSession((state) => state.user);
  const { busy, run } = useAction();
  const admins = useQuery(adminsQuery).data ?? [];
  const ids = { user: useId(), password: useId(), role: useId(), reset: useId() };
  const [form, setForm] = useState({ username: '', password: '', role: 'operator' as Role });
  const [resetting, setResetting] = useState<Admin>();
  const [newPassword, setNewPassword] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['admins'] });
  const update = (admin: Admin, json: { role?: Role; is_active?: boolean; password?: string }, done?: () => void) =>
    void run(
      () => call(client.api.admins[':admin_id'].$put, { param: { admin_id: admin.id }, json }, 200),
      t('common.saved'),
      () => {
        refresh();
        done?.();
      },
    );

  return (
    <div className="admins">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('admins.username')}</th>
            <th scope="col">{t('admins.role')}</th>
            <th scope="col">{t('admins.twoStep')}</th>
            <th scope="col">{t('admins.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admins.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {admins.map((admin) => (
            <tr key={admin.id}>
              <td>{admin.username}</td>
              <td>
                <select
                  aria-label={t('admins.roleOf', { name: admin.username })}
                  value={admin.role}
                  disabled={busy || admin.id === me?.id}
                  onChange={(event) => update(admin, { role: event.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{admin.totp_enabled ? t('admins.on') : t('admins.off')}</td>
              <td>{admin.is_active ? t('admins.active') : t('admins.disabled')}</td>
              <td className="row">
                {admin.id === me?.id ? null : (
                  <button type="button" className="button" disabled={busy} onClick={() => update(admin, { is_active: !admin.is_active })}>
                    {admin.is_active ? t('admins.disable') : t('admins.enable')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => setResetting(admin)}>
                  {t('admins.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form
        className="card form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(
            () => call(client.api.admins.$post, { json: form }, 201),
            t('admins.added', { name: form.username }),
            () => {
              setForm({ username: '', password: '', role: 'operator' });
              refresh();
            },
          );
        }}
      >
        <h2>{t('admins.add')}</h2>
        <label htmlFor={ids.user}>{t('admins.username')}</label>
        <input id={ids.user} value={form.username} autoComplete="off" required onChange={(event) => setForm({ ...form, username: event.target.value })} />
        <label htmlFor={ids.password}>{t('admins.password')}</label>
        <input
          id={ids.password}
          type="password"
          value={form.password}
          autoComplete="new-password"
          minLength={10}
          required
          onChange={(event) => setForm({ ...form, password: event.target.value })}
        />
        <label htmlFor={ids.role}>{t('admins.role')}</label>
        <select id={ids.role} value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button primary" disabled={busy}>
          {t('admins.add')}
        </button>
      </form>

      {resetting ? (
        <ConfirmDialog
          title={t('admins.resetTitle', { name: resetting.username })}
          confirmLabel={t('admins.resetPassword')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setResetting(undefined)}
          onConfirm={() =>
            newPassword.length >= 10 &&
            update(resetting, { password: newPassword }, () => {
              setResetting(undefined);
              setNewPassword('');
            })
          }
        >
          <label htmlFor={ids.reset}>{t('admins.newPassword')}</label>
          <input
            id={ids.reset}
            type="password"
            value={newPassword}
            minLength={10}
            autoComplete="new-password"
            onChange={(event) => setNewPassword(event.target.value)}
          />
          <p className="muted">{t('admins.resetExplained')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
