import { memo } from 'react';
import { useT } from '../../i18n/i18n';
import type { Format } from '../../shared/format';
import type { Table } from './queries';

type Props = { table: Table; now: number; format: Format; onOpen(table: Table): void };

/**
 * One table: its state by colour and word, waiters, time open and what it still owes. A card whose
 * button is named by the table's label, exactly what it shows (WCAG 2.5.3), stretched over the
 * card; the rest describes it.
 */
export const TableCard = memo(function TableCard({ table, now, format, onOpen }: Props) {
  const t = useT();
  const free = table.state === 'available';
  const detailsId = `table-${table.id}-details`;
  return (
    <li className={`table-card state-${table.state}`}>
      <button type="button" className="stretched-button table-card-label" aria-describedby={detailsId} disabled={free} onClick={() => onOpen(table)}>
        {table.label}
      </button>
      <span id={detailsId} className="table-card-details">
        <span className="table-card-state">{t(`floor.state.${table.state}`)}</span>
        {free ? null : (
          <>
            <span className="table-card-unpaid">{format.money(table.unpaid_cents)}</span>
            <span className="table-card-meta">{table.opened_at ? t('floor.openFor', { minutes: format.minutesSince(table.opened_at, now) }) : ''}</span>
            <span className="table-card-meta table-card-waiters">{table.waiters.map((waiter) => waiter.full_name).join(', ')}</span>
          </>
        )}
      </span>
    </li>
  );
});
