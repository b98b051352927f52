import { lazy, Suspense, useEffect } from 'react';
import { connectLiveEvents } from '../features/live/liveEvents';
import { LoginScreen } from '../features/session/components/LoginScreen';
import { useSession } from '../features/session/store';
import { StatusBanners } from '../features/status/components/StatusBanners';
import { loadStatus } from '../features/status/store';
import { TablesScreen } from '../features/tables/components/TablesScreen';
import { useLanguage } from '../i18n/i18n';
import { Toasts } from '@tavli/ui/Toasts';
import { useRoute } from './router';

// The first screen (sign-in, tables) loads alone; the order and bill screens come on demand, and the
// service worker has them precached, so they open offline too.
const OrderScreen = lazy(() => import('../features/order/components/OrderScreen').then((module) => ({ default: module.OrderScreen })));
const BillScreen = lazy(() => import('../features/bill/components/BillScreen').then((module) => ({ default: module.BillScreen })));

/** Signed in: live events, the session's end at its expiry, and the screen the route names. */
function SignedIn({ token, expiresAt }: { token: string; expiresAt: number | undefined }) {
  const route = useRoute((state) => state.route);

  useEffect(() => {
    void loadStatus();
    return connectLiveEvents(token);
  }, [token]);

  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setTimeout(() => useSession.getState().expire(), Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [expiresAt]);

  if (route.name === 'tables') return <TablesScreen />;
  const Screen = route.name === 'order' ? OrderScreen : BillScreen;
  return (
    <Suspense fallback={null}>
      <Screen key={route.orderId} orderId={route.orderId} tableId={route.tableId} tableLabel={route.tableLabel} />
    </Suspense>
  );
}

export function App() {
  const token = useSession((state) => state.token);
  const expiresAt = useSession((state) => state.expiresAt);
  const language = useLanguage((state) => state.language);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className="app">
      <StatusBanners />
      {token ? <SignedIn token={token} expiresAt={expiresAt} /> : <LoginScreen />}
      <Toasts />
    </div>
  );
}
