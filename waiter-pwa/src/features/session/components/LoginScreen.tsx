import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { LanguageSwitch } from '@tavli/ui/LanguageSwitch';
import { PinEntry, StaffPicker, type Person } from '@tavli/ui/SignIn';
import { fetchStaff, login, type StaffMember } from '../api';
import { useSession } from '../store';

/** Tap your name, type your PIN. After a session runs out, the PIN pad asks the same waiter again. */
export function LoginScreen() {
  const t = useT();
  const lastUser = useSession((state) => state.lastUser);
  const ended = useSession((state) => state.ended);
  const signIn = useSession((state) => state.signIn);
  const [person, setPerson] = useState<Person | undefined>(lastUser);
  const [staff, setStaff] = useState<StaffMember[] | 'failed' | undefined>();

  useEffect(() => {
    let live = true;
    void fetchStaff().then((result) => {
      if (live) setStaff(result.ok ? result.data : 'failed');
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="screen login">
      <header className="screen-header">
        <h1 className="brand">{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <div className="scroll login-body">
        {person ? (
          <PinEntry
            person={person}
            notice={ended && person.username === lastUser?.username ? t('login.sessionEnded') : undefined}
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
