import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@tavli/ui/ConfirmDialog';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { queryClient } from '../../shared/api/queries';
import { randomPin, validateStaff, type StaffDraft } from './staffForm';
import { staffQuery, type StaffMember } from './queries';

const api = client.api.waiters;
const refresh = () => void queryClient.invalidateQueries({ queryKey: staffQuery.queryKey });
const ROLES = ['waiter', 'manager', 'admin'] as const;

/** Waiters and managers: role, active flag, PIN reset (the new PIN shown once), assistants; and a new member. */
export default function StaffScreen() {
  const t = useT();
  const { busy, run } = useAction();
  const staff = useQuery(staffQuery).data ?? [];
  const [draft, setDraft] = useState<StaffDraft>({ username: '', full_name: '', role: 'waiter', pin: randomPin() });
  const [errors, setErrors] = useState<ReturnType<typeof validateStaff>>({});
  const [shownPin, setShownPin] = useState<{ name: string; pin: string } | undefined>();
  const [resetting, setResetting] = useState<StaffMember | undefined>();
  const update = (member: StaffMember, json: { role?: StaffDraft['role']; is_active?: boolean; assistant_ids?: number[] }) =>
    void run(() => call(api[':id'].$put, { param: { id: String(member.id) }, json }, 200), t('common.saved'), refresh);

  const add = () => {
    const found = validateStaff(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void run(
      () => call(api.$post, { json: { ...draft, full_name: draft.full_name.trim() } }, 201),
      t('staff.added'),
      () => {
        setShownPin({ name: draft.full_name.trim(), pin: draft.pin });
        setDraft({ username: '', full_name: '', role: 'waiter', pin: randomPin() });
        refresh();
      },
    );
  };

  return (
    <div className="staff-screen">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.active')}</th>
            <th scope="col">{t('staff.assistants')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('order.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr key={member.id} className={member.is_active ? undefined : 'unavailable'}>
              <td>
                {member.full_name} <span className="muted">({member.username})</span>
              </td>
              <td>
                <select
                  aria-label={t('staff.roleOf', { name: member.full_name })}
                  value={member.role}
                  disabled={busy}
                  onChange={(event) => update(member, { role: event.target.value as StaffDraft['role'] })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`staff.roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  role="switch"
                  className="switch"
                  aria-checked={member.is_active}
                  aria-label={t('staff.activeOf', { name: member.full_name })}
                  disabled={busy}
                  onClick={() => update(member, { is_active: !member.is_active })}
                >
                  <span aria-hidden="true">{member.is_active ? t('menu.on') : t('staff.off')}</span>
                </button>
              </td>
              <td>
                {member.role === 'waiter' ? (
                  <select
                    multiple
                    aria-label={t('staff.assistantsOf', { name: member.full_name })}
                    value={member.assistant_ids.map(String)}
                    disabled={busy}
                    onChange={(event) => update(member, { assistant_ids: Array.from(event.target.selectedOptions, (option) => Number(option.value)) })}
                  >
                    {staff
                      .filter((other) => other.id !== member.id && other.is_active)
                      .map((other) => (
                        <option key={other.id} value={other.id}>
                          {other.full_name}
                        </option>
                      ))}
                  </select>
                ) : null}
              </td>
              <td>
                <button type="button" className="button" onClick={() => setResetting(member)}>
                  {t('staff.resetPin')}
                </button>{' '}
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => call(client.api.waiters[':id'].unlock.$post, { param: { id: String(member.id) } }, 200),
                      t('staff.unlocked', { name: member.full_name }),
                    )
                  }
                >
                  {t('staff.unlock')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form
        className="form add-staff"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <h2>{t('staff.add')}</h2>
        <div className="field-row">
          <label className="field">
            <span>{t('staff.name')}</span>
            <input value={draft.full_name} onChange={(event) => setDraft({ ...draft, full_name: event.target.value })} />
            {errors.full_name ? <span className="field-error">{t(errors.full_name)}</span> : null}
          </label>
          <label className="field">
            <span>{t('staff.username')}</span>
            <input value={draft.username} autoCapitalize="none" onChange={(event) => setDraft({ ...draft, username: event.target.value.toLowerCase() })} />
            {errors.username ? <span className="field-error">{t(errors.username)}</span> : null}
          </label>
          <label className="field">
            <span>{t('staff.role')}</span>
            <select value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.target.value as StaffDraft['role'] })}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`staff.roles.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field narrow">
            <span>{t('staff.pin')}</span>
            <input value={draft.pin} inputMode="numeric" onChange={(event) => setDraft({ ...draft, pin: event.target.value })} />
            {errors.pin ? <span className="field-error">{t(errors.pin)}</span> : null}
          </label>
          <button type="submit" className="button primary" disabled={busy}>
            {t('staff.add')}
          </button>
        </div>
      </form>

      {resetting ? (
        <ConfirmDialog
          title={t('staff.resetTitle', { name: resetting.full_name })}
          confirmLabel={t('staff.resetPin')}
          cancelLabel={t('common.back')}
          onCancel={() => setResetting(undefined)}
          onConfirm={() => {
            const pin = randomPin();
            const member = resetting;
            void run(
              () => call(api[':id'].$put, { param: { id: String(member.id) }, json: { pin } }, 200),
              undefined,
              () => {
                setResetting(undefined);
                setShownPin({ name: member.full_name, pin });
              },
            );
          }}
        >
          <p>{t('staff.resetExplained')}</p>
        </ConfirmDialog>
      ) : null}
      {shownPin ? (
        <ConfirmDialog
          title={t('staff.newPinTitle', { name: shownPin.name })}
          confirmLabel={t('staff.pinHandedOver')}
          cancelLabel={t('common.close')}
          onCancel={() => setShownPin(undefined)}
          onConfirm={() => setShownPin(undefined)}
        >
          <p className="shown-pin" aria-label={t('staff.pin')}>
            {shownPin.pin}
          </p>
          <p className="muted">{t('staff.pinShownOnce')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
