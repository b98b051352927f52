import { useEffect } from 'react';
import { BillScreen } from '../features/bill/components/BillScreen';
import { connectLiveEvents } from '../features/live/liveEvents';
import { OrderScreen } from '../features/order/components/OrderScreen';
import { LoginScreen } from '../features/session/components/LoginScreen';
import { useSession } from '../features/session/store';
import { StatusBanners } from '../features/status/components/StatusBanners';
import { loadStatus } from '../features/status/store';
import { TablesScreen } from '../features/tables/components/TablesScreen';
import { useLanguage } from '../i18n/i18n';
import { Toasts } from '@tavli/ui/Toasts';
import { useRoute } from './router';

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

  if (route.name === 'order') return <OrderScreen key={route.orderId} orderId={route.orderId} tableId={route.tableId} tableLabel={route.tableLabel} />;
  if (route.name === 'bill') return <BillScreen key={route.orderId} orderId={route.orderId} tableId={route.tableId} tableLabel={route.tableLabel} />;
  return <TablesScreen />;
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
