import { lazy, Suspense, useMemo, useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { Banner } from '@tavli/ui/Banner';
import { useCachedOrders } from '../../order/queries';
import { commandsFor, useOutbox } from '../../outbox/store';
import { useSession } from '../../session/store';
import { useNow } from '@tavli/ui/useNow';
import { useStatus } from '../store';

/** What waits to be sent, opened from its banner: loaded when first opened (precached for offline use). */
const OutboxSheet = lazy(() => import('../../outbox/components/OutboxSheet').then((module) => ({ default: module.OutboxSheet })));

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

/** Status on every screen: no connection, changes waiting or refused, a printer down, the licence. */
export function StatusBanners() {
  const t = useT();
  const [showOutbox, setShowOutbox] = useState(false);
  const { reachable, online, license, printers, update } = useStatus();
  const userId = useSession((state) => state.user?.id);
  const commands = useOutbox((state) => state.commands);
  const myPrinters = useMyPrinterIds(userId);
  const mine = commandsFor(commands, userId);
  const now = useNow(1_000);
  const rejected = mine.filter((command) => command.state === 'rejected').length;
  // A command on its way for less than a moment is not "waiting": no banner flashing on every Send.
  const waiting = mine.filter((command) => command.state === 'queued' && (command.attempts > 0 || now - command.createdAt > 1_500)).length;
  // online: null means "never tried yet", which is not an outage
  const downPrinters = Object.values(printers).filter((printer) => printer.online === false && (myPrinters.size === 0 || myPrinters.has(printer.id)));
  const openOutbox = { label: t('outbox.details'), onClick: () => setShowOutbox(true) };

  return (
    <div className="banners">
      {!online || !reachable ? <Banner tone="danger">{t('status.unreachable')}</Banner> : null}
      {license?.kind === 'locked' ? <Banner tone="danger">{t('status.licenseLocked', { reason: license.reason ? `: ${license.reason}` : '' })}</Banner> : null}
      {license?.kind === 'expired' ? <Banner tone="danger">{t('status.licenseExpired')}</Banner> : null}
      {license?.kind === 'grace' ? <Banner tone="warning">{t('status.licenseGrace', { hours: license.graceHours ?? '?' })}</Banner> : null}
      {license?.kind === 'offline' ? (
        <Banner tone="warning">{t('status.licenseOffline', { hours: license.graceHours === undefined ? '' : ` (${license.graceHours} h)` })}</Banner>
      ) : null}
      {rejected > 0 ? (
        <Banner tone="danger" action={openOutbox}>
          {t.plural('status.rejected', rejected)}
        </Banner>
      ) : null}
      {userId !== undefined && waiting > 0 ? (
        <Banner tone="warning" action={openOutbox}>
          {t.plural('status.waiting', waiting)}
        </Banner>
      ) : null}
      {downPrinters.map((printer) => (
        <Banner key={printer.id} tone="warning">
          {t('status.printerOffline', { name: printer.name })}
          {printer.queued ? ` — ${t('status.printerQueued', { name: printer.name, count: printer.queued })}` : ''}
        </Banner>
      ))}
      {update ? (
        <Banner tone="info" action={{ label: t('status.reload'), onClick: update }}>
          {t('status.update')}
        </Banner>
      ) : null}
      {showOutbox ? (
        <Suspense fallback={null}>
          <OutboxSheet onClose={() => setShowOutbox(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
