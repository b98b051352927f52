import { useId } from 'react';
import { useT, type Translate } from '../../../i18n/i18n';
import { formatPrice } from '@tavli/i18n/money';
import type { TableView } from '../overlay';

type Props = { table: TableView; now: number; onOpen(table: TableView): void };

function openFor(t: Translate, openedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(openedAt)) / 60_000));
  return minutes < 60 ? t('tables.openFor', { minutes }) : t('tables.openForHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

const firstName = (fullName: string) => fullName.split(' ')[0] ?? fullName;

/**
 * A table: a card whose button is named by the table's label, exactly what it shows (WCAG 2.5.3),
 * and stretched over the whole card; state, waiters, time open and what is unpaid sit beside it
 * and describe it.
 */
export function TableTile({ table, now, onOpen }: Props) {
  const t = useT();
  const descriptionId = useId();
  const details = [
    t(`tables.state.${table.state}`),
    table.waiters.map((waiter) => firstName(waiter.full_name)).join(', '),
    table.opened_at && table.state !== 'available' ? openFor(t, table.opened_at, now) : '',
    table.queued ? t('tables.queued') : '',
  ].filter(Boolean);
  const classes = ['table-tile', `state-${table.state}`, table.mine ? 'mine' : '', table.queued ? 'queued' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <button type="button" className="stretched-button table-label" aria-describedby={descriptionId} onClick={() => onOpen(table)}>
        {table.label}
      </button>
      {table.mine ? (
        <span className="table-mine" aria-hidden="true">
          ★
        </span>
      ) : null}
      <span id={descriptionId} className="table-meta">
        {table.mine ? <span className="visually-hidden">{t('tables.yours')}. </span> : null}
        {details.map((detail, index) => (
          <span key={index} className="table-meta-line">
            {detail}
          </span>
        ))}
        {table.unpaid_cents > 0 ? (
          <span className="table-unpaid">
            <span className="visually-hidden">{t('tables.unpaid', { amount: '' })}</span>
            {formatPrice(table.unpaid_cents)}
          </span>
        ) : null}
      </span>
    </div>
  );
}
