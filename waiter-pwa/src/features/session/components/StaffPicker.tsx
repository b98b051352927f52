import { useState } from 'react';
import { useT } from '../../../i18n/i18n';
import type { StaffMember } from '../api';
import type { Person } from './LoginScreen';

type Props = { staff: StaffMember[] | 'failed' | undefined; onPick(person: Person): void };

/** The staff as large name buttons; a username field when the list cannot be had. */
export function StaffPicker({ staff, onPick }: Props) {
  const t = useT();
  const [username, setUsername] = useState('');
  return (
    <section className="staff" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('login.whoAreYou')}</h2>
      {staff === undefined ? <p className="muted">{t('common.loading')}</p> : null}
      {Array.isArray(staff) ? (
        <ul className="staff-list">
          {staff.map((member) => (
            <li key={member.id}>
              <button type="button" className="staff-button" onClick={() => onPick(member)}>
                {member.full_name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {staff === 'failed' ? <p className="muted">{t('login.staffUnavailable')}</p> : null}
      {staff !== undefined ? (
        <form
          className="username-form"
          onSubmit={(event) => {
            event.preventDefault();
            const name = username.trim();
            if (name) onPick({ username: name, full_name: name });
          }}
        >
          <label>
            <span>{t('login.username')}</span>
            <input value={username} autoCapitalize="none" autoComplete="username" onChange={(event) => setUsername(event.target.value)} />
          </label>
          <button type="submit" className="button" disabled={!username.trim()}>
            {t('login.continue')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
