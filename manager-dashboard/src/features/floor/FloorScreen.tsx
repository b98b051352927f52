import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { markInteractive } from '@tavli/ui/marks';
import { useNow } from '@tavli/ui/useNow';
import { useT } from '../../i18n/i18n';
import { useFormat } from '../../shared/format';
import { measureFloorUpdate } from '../../shared/marks';
import { OrderDetail } from '../order/OrderDetail';
import { groupsQuery, tables as tableList, todayQuery, type Table } from './queries';
import { byGroup, floorSummary } from './summary';
import { TableCard } from './TableCard';

/** Every table by group, live; a summary strip; tap a table for its order. */
export function FloorScreen() {
  const t = useT();
  const format = useFormat();
  const now = useNow(30_000);
  const tables = useQuery(tableList.query);
  const groups = useQuery(groupsQuery).data;
  const today = useQuery(todayQuery).data;
  const [openTableId, setOpenTableId] = useState<number | undefined>();
  const all = useMemo(() => tables.data ?? [], [tables.data]);
  const grouped = useMemo(() => byGroup(all, groups ?? []), [all, groups]);
  const summary = floorSummary(all);
  const onOpen = useCallback((table: Table) => setOpenTableId(table.id), []);
  const open = all.find((table) => table.id === openTableId);

  useLayoutEffect(measureFloorUpdate, [all]);
  useEffect(() => {
    if (all.length > 0) markInteractive();
  }, [all]);

  return (
    <div className="floor">
      <dl className="summary" aria-label={t('floor.summary')}>
        <div>
          <dt>{t('floor.openTables')}</dt>
          <dd>{summary.openTables}</dd>
        </div>
        <div>
          <dt>{t('floor.salesToday')}</dt>
          <dd>{today ? format.money(today.totals.gross_cents) : '—'}</dd>
        </div>
        <div>
          <dt>{t('floor.unpaid')}</dt>
          <dd>{format.money(summary.unpaidCents)}</dd>
        </div>
      </dl>
      {tables.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {grouped.map((group) => (
        <section key={group.id} className="floor-group" aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{group.name}</h2>
          <ul className="table-cards">
            {group.tables.map((table) => (
              <TableCard key={table.id} table={table} now={now} format={format} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
      {open?.order_id ? <OrderDetail orderId={open.order_id} table={open} onClose={() => setOpenTableId(undefined)} /> : null}
    </div>
  );
}
