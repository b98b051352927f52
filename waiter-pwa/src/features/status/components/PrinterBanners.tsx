import { useMemo } from 'react';
import { useT } from '../../../i18n/i18n';
import { Banner } from '@tavli/ui/Banner';
import { useCachedOrders } from '../../order/queries';
import { useSession } from '../../session/store';
import { useStatus } from '../store';

/** Printers that print this waiter's tickets: those of the lines on the orders this phone has loaded. */
function useMyPrinterIds(userId: number | undefined): Set<number> {
  const orders = useCachedOrders();
  return useMemo(() => {
    const ids = new Set<number>();
    for (const order of orders) {
      if (!order.waiters.some((waiter) => waiter.id === userId)) continue;
      for (const line of order.items) if (line.printer_id !== null) ids.add(line.printer_id);
    }
    return ids;
  }, [orders, userId]);
}

/** Signed in, under the status banners: a printer of this waiter's tickets that stopped answering, and what waits for it. */
export function PrinterBanners() {
  const t = useT();
  const printers = useStatus((state) => state.printers);
  const userId = useSession((state) => state.user?.id);
  const myPrinters = useMyPrinterIds(userId);
  // online: null means "never tried yet", which is not an outage
  const down = Object.values(printers).filter((printer) => printer.online === false && (myPrinters.size === 0 || myPrinters.has(printer.id)));
  if (down.length === 0) return null;
  return (
    <div className="banners">
      {down.map((printer) => (
        <Banner key={printer.id} tone="warning">
          {t('status.printerOffline', { name: printer.name })}
          {printer.queued ? ` — ${t('status.printerQueued', { name: printer.name, count: printer.queued })}` : ''}
        </Banner>
      ))}
    </div>
  );
}
