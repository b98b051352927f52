import { useEffect, useState } from 'react';
import { LanguageSwitch } from '@tavli/ui/LanguageSwitch';
import { PinEntry, StaffPicker, type Person } from '@tavli/ui/SignIn';
import { useT } from '../../i18n/i18n';
import { fetchManagers, login, type StaffMember } from './api';
import { useSession } from './store';

/** The managers' names to tap and a PIN pad; after a session ends, the same manager is asked first. */
export function LoginScreen() {
  const t = useT();
  const lastUser = useSession((state) => state.lastUser);
  const ended = useSession((state) => state.ended);
  const signIn = useSession((state) => state.signIn);
  const [person, setPerson] = useState<Person | undefined>(lastUser);
  const [staff, setStaff] = useState<StaffMember[] | 'failed' | undefined>();

  useEffect(() => {
    let live = true;
    void fetchManagers().then((result) => {
      if (live) setStaff(result.ok ? result.data : 'failed');
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="login">
      <header className="login-header">
        <h1 className="brand">{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <div className="login-body">
        {person ? (
          <PinEntry
            person={person}
            notice={ended && person.username === lastUser?.username ? t('session.ended') : undefined}
            login={login}
            onSignedIn={signIn}
            onChangePerson={() => setPerson(undefined)}
          />
        ) : (
          <StaffPicker staff={staff} onPick={setPerson} />
        )}
      </div>
    </main>
  );
}
