import { lazy, Suspense, useEffect } from 'react';
import { Toasts } from '@tavli/ui/Toasts';
import { useLanguage, useT } from '../i18n/i18n';
import { LoginScreen } from '../features/session/LoginScreen';
import { useSession } from '../features/session/store';
import { useTokenRefresh } from '../features/session/useTokenRefresh';
import { connectLiveEvents } from '../features/live/liveEvents';
import { FloorScreen } from '../features/floor/FloorScreen';
import { queryClient } from '../shared/api/queries';
import { Shell } from './Shell';
import { useRoute, type Screen } from './router';

// Each screen but the floor loads when it is first opened: the first paint carries only the floor.
const screens: Record<Exclude<Screen, 'floor'>, ReturnType<typeof lazy>> = {
  menu: lazy(() => import('../features/menu/MenuScreen')),
  staff: lazy(() => import('../features/staff/StaffScreen')),
  tables: lazy(() => import('../features/tables/TablesScreen')),
  printers: lazy(() => import('../features/printers/PrintersScreen')),
  reports: lazy(() => import('../features/reports/ReportsScreen')),
  audit: lazy(() => import('../features/audit/AuditScreen')),
  settings: lazy(() => import('../features/settings/SettingsScreen')),
};

function SignedIn({ token, expiresAt }: { token: string; expiresAt: number | undefined }) {
  const t = useT();
  const screen = useRoute((state) => state.screen);
  useEffect(() => connectLiveEvents(token), [token]);
  useTokenRefresh(expiresAt);
  const Current = screen === 'floor' ? FloorScreen : screens[screen];
  return (
    <Shell>
      <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>
        <Current />
      </Suspense>
    </Shell>
  );
}

export function App() {
  const token = useSession((state) => state.token);
  const expiresAt = useSession((state) => state.expiresAt);
  const language = useLanguage((state) => state.language);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Signed out: nothing of the last manager's data stays in memory.
  useEffect(() => {
    if (!token) queryClient.clear();
  }, [token]);

  return (
    <div className="app">
      {token ? <SignedIn token={token} expiresAt={expiresAt} /> : <LoginScreen />}
      <Toasts />
    </div>
  );
}
