import { useMemo, useState } from 'react';
import { navigate } from '../../../app/router';
import { useT, type Translate } from '../../../i18n/i18n';
import { formatPrice } from '@tavli/i18n/money';
import { useQuery } from '../../../shared/api/useQuery';
import { queryCache } from '../../../shared/api/queries';
import { products } from '../../menu/queries';
import type { Order } from '../../order/api';
import { orderKey } from '../../order/queries';
import { useOrders, type DraftLine } from '../../order/store';
import { tables as tablesList } from '../../tables/queries';
import type { Command } from '../commands';
import { failureText } from '../describe';
import { outbox } from '../store';

function summary(t: Translate, command: Command): string {
  const table = command.tableLabel;
  switch (command.kind) {
    case 'open':
      return t('outbox.kind.open', { table });
    case 'add_items':
      return t('outbox.kind.add_items', { table, count: command.body.items.reduce((sum, item) => sum + item.quantity, 0) });
    case 'pay': {
      const lines = queryCache.getQueryData<Order>(orderKey(command.orderId))?.items ?? [];
      const amount = command.body.items.reduce(
        (sum, item) => sum + (lines.find((line) => line.id === item.item_id)?.unit_price_cents ?? 0) * (item.quantity ?? 1),
        0,
      );
      return t('outbox.kind.pay', { table, amount: formatPrice(amount + (command.body.tip_cents ?? 0)) });
    }
    case 'close':
      return t('outbox.kind.close', { table });
  }
}

/** The product a refusal names (sold out, 86'd), if any. */
const refusedProductId = (command: Command) => {
  const details = command.failure?.kind === 'http' ? (command.failure.details as { product_id?: unknown } | undefined) : undefined;
  return typeof details?.product_id === 'number' ? details.product_id : undefined;
};

/** One queued or refused command, and for a refusal the ways to put it right. */
export function CommandRow({ command, followers, onDone }: { command: Command; followers: number; onDone(): void }) {
  const t = useT();
  const [choosingTable, setChoosingTable] = useState(false);
  const { data: tables = [] } = useQuery(tablesList.query);
  const freeTables = useMemo(() => tables.filter((table) => table.state === 'available'), [tables]);
  const productId = refusedProductId(command);
  const { data: productName } = useQuery({ ...products.query, select: (list) => list.find((product) => product.id === productId)?.name });
  const engine = outbox();
  const rejected = command.state === 'rejected';

  const editInOrder = async () => {
    if (command.kind !== 'add_items') return;
    const lines = command.body.items.filter((item): item is DraftLine => typeof item.id === 'string');
    useOrders.getState().restoreDraft(command.orderId, lines);
    await engine.discard(command.seq);
    navigate({ name: 'order', orderId: command.orderId, tableId: command.tableId, tableLabel: command.tableLabel });
    onDone();
  };
  const removeProduct = async () => {
    if (command.kind !== 'add_items') return;
    const items = command.body.items.filter((item) => item.product_id !== productId);
    if (items.length) await engine.retry(command.seq, { ...command.body, items });
    else await engine.discard(command.seq);
  };
  const moveTo = async (tableId: number, tableLabel: string) => {
    await engine.moveToTable(command.seq, tableId, tableLabel);
    setChoosingTable(false);
    navigate({ name: 'order', orderId: command.orderId, tableId, tableLabel }, { replace: true });
  };

  return (
    <li className={rejected ? 'command rejected' : 'command'}>
      <p className="command-summary">{summary(t, command)}</p>
      <p className="command-state">
        {rejected && command.failure
          ? t('outbox.rejected', { reason: failureText(t, command.failure) })
          : `${t('outbox.queued')}${command.attempts ? ` · ${t('outbox.attempts', { count: command.attempts })}` : ''}`}
      </p>
      {rejected ? (
        <div className="command-actions">
          {command.kind === 'add_items' && productId !== undefined ? (
            <button type="button" className="button" onClick={() => void removeProduct()}>
              {t('outbox.removeProduct', { name: productName ?? `#${productId}` })}
            </button>
          ) : null}
          {command.kind === 'add_items' ? (
            <button type="button" className="button" onClick={() => void editInOrder()}>
              {t('outbox.editInOrder')}
            </button>
          ) : null}
          {command.kind === 'open' ? (
            <button type="button" className="button" aria-expanded={choosingTable} onClick={() => setChoosingTable(!choosingTable)}>
              {t('outbox.moveTable')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void engine.retry(command.seq)}>
            {t('outbox.retry')}
          </button>
          <button type="button" className="button danger" onClick={() => void engine.discard(command.seq)}>
            {followers > 0 ? t('outbox.discardWithFollowers', { count: followers }) : t('outbox.discard')}
          </button>
        </div>
      ) : null}
      {choosingTable ? (
        <div className="table-choice" role="group" aria-label={t('outbox.chooseTable')}>
          {freeTables.map((table) => (
            <button key={table.id} type="button" className="chip-button" onClick={() => void moveTo(table.id, table.label)}>
              {table.label}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}
