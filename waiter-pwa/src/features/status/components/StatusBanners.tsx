import { lazy, Suspense, useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { Banner } from '@tavli/ui/Banner';
import { commandsFor, useOutbox } from '../../outbox/store';
import { useSession } from '../../session/store';
import { useNow } from '@tavli/ui/useNow';
import { useStatus } from '../store';

/** What waits to be sent, opened from its banner: loaded when first opened (precached for offline use). */
const OutboxSheet = lazy(() => import('../../outbox/components/OutboxSheet').then((module) => ({ default: module.OutboxSheet })));

/** Status on every screen, signed in or not: no connection, changes waiting or refused, the licence. Printers: see PrinterBanners. */
export function StatusBanners() {
  const t = useT();
  const [showOutbox, setShowOutbox] = useState(false);
  const { reachable, online, license, update } = useStatus();
  const userId = useSession((state) => state.user?.id);
  const commands = useOutbox((state) => state.commands);
  const mine = commandsFor(commands, userId);
  const now = useNow(1_000);
  const rejected = mine.filter((command) => command.state === 'rejected').length;
  // A command on its way for less than a moment is not "waiting": no banner flashing on every Send.
  const waiting = mine.filter((command) => command.state === 'queued' && (command.attempts > 0 || now - command.createdAt > 1_500)).length;
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
