import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ConfirmDialog } from '@tavli/ui/ConfirmDialog';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { tables as tableList } from '../floor/queries';
import { staffQuery } from '../staff/queries';
import type { Order } from './queries';

type Pending = 'cancel' | 'move' | 'merge' | 'waiter' | 'close' | undefined;

const order = client.api.orders[':id'];

/** What a manager can do to a whole order; each action asks first, and for a reason where the appliance wants one. */
export function OrderActions({ detail, onGone }: { detail: Order; onGone(): void }) {
  const t = useT();
  const { busy, run } = useAction();
  const [pending, setPending] = useState<Pending>();
  const [choice, setChoice] = useState('');
  const tables = useQuery(tableList.query).data ?? [];
  const staff = useQuery(staffQuery).data ?? [];
  const param = { id: detail.id };
  const ask = (what: Pending) => {
    setChoice('');
    setPending(what);
  };
  const done = () => setPending(undefined);

  const freeTables = tables.filter((table) => table.state === 'available');
  const otherOrders = tables.filter((table) => table.order_id && table.order_id !== detail.id);
  const assistants = staff.filter((member) => member.is_active && !detail.waiters.some((waiter) => waiter.id === member.id));
  const picker = (label: string, options: Array<{ value: string; label: string }>) => (
    <label className="field">
      <span>{label}</span>
      <select value={choice} onChange={(event) => setChoice(event.target.value)} required>
        <option value="" disabled>
          {t('common.choose')}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="order-actions">
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void run(() => call(order.bill.$post, { param, json: {} }, 202), t('order.billQueued'))}
      >
        {t('order.printBill')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void run(() => call(order.reprint.$post, { param, json: {} }, 202), t('order.reprinted'))}
      >
        {t('order.reprint')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => ask('move')}>
        {t('order.move')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => ask('merge')}>
        {t('order.merge')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => ask('waiter')}>
        {t('order.addWaiter')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => ask('close')}>
        {t('order.close')}
      </button>
      <button type="button" className="button danger" disabled={busy} onClick={() => ask('cancel')}>
        {t('order.cancel')}
      </button>

      {pending === 'cancel' ? (
        <ConfirmDialog
          title={t('order.cancelTitle', { table: detail.table_label })}
          confirmLabel={t('order.cancel')}
          cancelLabel={t('common.back')}
          reasonLabel={t('order.reason')}
          danger
          onCancel={done}
          onConfirm={(reason) =>
            void run(
              () => call(order.$delete, { param, json: { reason } }, 200),
              t('order.cancelled'),
              () => (done(), onGone()),
            )
          }
        />
      ) : null}
      {pending === 'close' ? (
        <ConfirmDialog
          title={t('order.closeTitle', { table: detail.table_label })}
          confirmLabel={t('order.close')}
          cancelLabel={t('common.back')}
          {...(detail.unpaid_cents > 0 ? { reasonLabel: t('order.writeOffReason') } : {})}
          danger={detail.unpaid_cents > 0}
          onCancel={done}
          onConfirm={(reason) =>
            void run(
              () => call(order.close.$post, { param, json: reason ? { reason } : {} }, 200),
              t('order.closed'),
              () => (done(), onGone()),
            )
          }
        >
          {detail.unpaid_cents > 0 ? <p className="notice">{t('order.closeUnpaid')}</p> : null}
        </ConfirmDialog>
      ) : null}
      {pending === 'move' ? (
        <ConfirmDialog
          title={t('order.moveTitle', { table: detail.table_label })}
          confirmLabel={t('order.move')}
          cancelLabel={t('common.back')}
          onCancel={done}
          onConfirm={() =>
            choice &&
            void run(
              () => call(order.move.$post, { param, json: { table_id: Number(choice) } }, 200),
              t('order.moved'),
              () => (done(), onGone()),
            )
          }
        >
          {picker(
            t('order.toTable'),
            freeTables.map((table) => ({ value: String(table.id), label: `${table.label} · ${table.group_name}` })),
          )}
        </ConfirmDialog>
      ) : null}
      {pending === 'merge' ? (
        <ConfirmDialog
          title={t('order.mergeTitle', { table: detail.table_label })}
          confirmLabel={t('order.merge')}
          cancelLabel={t('common.back')}
          onCancel={done}
          onConfirm={() => choice && void run(() => call(order.merge.$post, { param, json: { from_order_id: choice } }, 200), t('order.merged'), done)}
        >
          {picker(
            t('order.fromTable'),
            otherOrders.map((table) => ({ value: table.order_id ?? '', label: `${table.label} · ${table.group_name}` })),
          )}
        </ConfirmDialog>
      ) : null}
      {pending === 'waiter' ? (
        <ConfirmDialog
          title={t('order.addWaiter')}
          confirmLabel={t('order.addWaiter')}
          cancelLabel={t('common.back')}
          onCancel={done}
          onConfirm={() => choice && void run(() => call(order.waiters.$post, { param, json: { user_id: Number(choice) } }, 200), t('order.waiterAdded'), done)}
        >
          {picker(
            t('order.waiter'),
            assistants.map((member) => ({ value: String(member.id), label: member.full_name })),
          )}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
