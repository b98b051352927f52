import { useT, type Translate } from '../../../i18n/i18n';
import { Price } from '@tavli/ui/Price';
import { describeLine } from '../describe';
import type { ViewLine } from '../overlay';

function lineState(t: Translate, line: ViewLine): string {
  if (line.local === 'queued' && line.status !== 'paid') return t('order.waitingToSend');
  if (line.local === 'rejected') return t('order.refused');
  if (line.status === 'paid') return t('order.paid');
  if (line.status === 'void') return t('order.void');
  return '';
}

/** Lines the appliance has (or that are on their way), with their state. */
export function SentList({ lines, title, onVoid }: { lines: ViewLine[]; title?: string; onVoid?: (line: ViewLine) => void }) {
  const t = useT();
  return (
    <section className="line-section sent" aria-labelledby="sent-title">
      <h2 id="sent-title">{title ?? t('order.sent')}</h2>
      {lines.length === 0 ? <p className="muted">{t('order.sentEmpty')}</p> : null}
      <ul className="lines">
        {lines.map((line) => {
          const details = describeLine(t, line);
          const state = lineState(t, line);
          return (
            <li key={line.id} className={`line status-${line.status}${line.local ? ` local-${line.local}` : ''}`}>
              <span className="line-quantity">{line.quantity}×</span>
              <div className="line-text">
                <span className="line-name">{line.name}</span>
                {details ? <span className="line-details">{details}</span> : null}
                {state ? <span className="line-state">{state}</span> : null}
              </div>
              <Price cents={line.line_total_cents} className="line-price" />
              {onVoid && !line.local && (line.status === 'sent' || line.status === 'pending') ? (
                <button type="button" className="chip-button line-void" aria-label={t('order.voidLine', { name: line.name })} onClick={() => onVoid(line)}>
                  {t('order.voidShort')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
