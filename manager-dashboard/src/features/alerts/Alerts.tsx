import { useQuery } from '@tanstack/react-query';
import { useNow } from '@tavli/ui/useNow';
import { useT, type Translate } from '../../i18n/i18n';
import { printerStatus } from '../floor/queries';
import { useConnection } from '../live/connection';
import { useLicense } from '../settings/queries';
import { alertsOf, type Alert } from './alerts';

function describe(t: Translate, alert: Alert): string {
  switch (alert.kind) {
    case 'printer_offline':
      return t('alerts.printerOffline', { printer: alert.printer, queued: alert.queued }) + (alert.error ? ` (${alert.error})` : '');
    case 'ticket_late':
      return t('alerts.ticketLate', { printer: alert.printer, minutes: alert.minutes });
    case 'license':
      return t(`alerts.license.${alert.state}`, { hours: alert.hours ?? 0 }) + (alert.reason ? ` — ${alert.reason}` : '');
  }
}

/** A strip of fixed height above every screen: the floor under it never jumps when an alert comes or goes. */
export function Alerts() {
  const t = useT();
  const now = useNow(5_000);
  const printers = useQuery(printerStatus.query).data ?? [];
  const license = useLicense().data;
  const { live, reachable } = useConnection();
  const alerts = alertsOf(printers, license, now);
  const connection = !reachable ? t('alerts.unreachable') : !live ? t('alerts.notLive') : undefined;
  return (
    <section className="alerts" aria-label={t('alerts.label')}>
      <div role="alert">
        <ul>
          {connection ? <li className="alert alert-warning">{connection}</li> : null}
          {alerts.map((alert, index) => (
            <li key={index} className={`alert ${alert.kind === 'ticket_late' || alert.kind === 'license' ? 'alert-warning' : 'alert-danger'}`}>
              {describe(t, alert)}
            </li>
          ))}
        </ul>
      </div>
      {alerts.length === 0 && !connection ? <p className="all-well">{t('alerts.allWell')}</p> : null}
    </section>
  );
}
