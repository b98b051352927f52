import { lazy, Suspense, useEffect } from 'react';
import { connectLiveEvents } from '../features/live/liveEvents';
import { openOutbox } from '../features/outbox/open';
import { useSession } from '../features/session/store';
import { PrinterBanners } from '../features/status/components/PrinterBanners';
import { loadStatus } from '../features/status/store';
import { TablesScreen } from '../features/tables/components/TablesScreen';
import { queriesReady } from '../shared/api/queries';
import { useRoute } from './router';

// The order and bill screens come on demand, and the service worker has them precached, so they
// open offline too.
const OrderScreen = lazy(() => import('../features/order/components/OrderScreen').then((module) => ({ default: module.OrderScreen })));
const BillScreen = lazy(() => import('../features/bill/components/BillScreen').then((module) => ({ default: module.BillScreen })));

/**
 * Before the first signed-in render: the offline copy of the appliance's answers is back (with the
 * network off the tables show at once, and nothing the copy holds is asked for twice), and the
 * outbox is open. A failure of either (storage refused) does not keep the screens from showing:
 * without the copy they ask the appliance, as on a first start.
 */
export const signedInReady = () => Promise.allSettled([queriesReady(), openOutbox()]);

/** Signed in: live events, the session's end at its expiry, and the screen the route names. */
export function SignedIn({ token, expiresAt }: { token: string; expiresAt: number | undefined }) {
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

  return (
    <>
      <PrinterBanners />
      <Suspense fallback={null}>
        {route.name === 'tables' ? (
          <TablesScreen />
        ) : route.name === 'order' ? (
          <OrderScreen key={route.orderId} orderId={route.orderId} tableId={route.tableId} tableLabel={route.tableLabel} />
        ) : (
          <BillScreen key={route.orderId} orderId={route.orderId} tableId={route.tableId} tableLabel={route.tableLabel} />
        )}
      </Suspense>
    </>
  );
}
