import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@tavli/ui/ConfirmDialog';
import { Sheet } from '@tavli/ui/Sheet';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { useFormat } from '../../shared/format';
import type { Table } from '../floor/queries';
import { staffQuery } from '../staff/queries';
import { OrderActions } from './OrderActions';
import { orderQuery, type Line } from './queries';

/** One table's order as the manager sees it: every line with its kitchen state and who added it, the payments, and the actions. */
export function OrderDetail({ orderId, table, onClose }: { orderId: string; table: Table; onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const detail = useQuery(orderQuery(orderId)).data;
  const staff = useQuery(staffQuery).data ?? [];
  const { run } = useAction();
  const [voiding, setVoiding] = useState<Line | undefined>();
  const nameOf = (id: number) => staff.find((member) => member.id === id)?.full_name ?? `#${id}`;

  return (
    <Sheet title={t('order.title', { table: table.label })} closeLabel={t('common.close')} onClose={onClose}>
      {!detail ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <div className="order-detail">
          <p className="order-totals">
            {t('order.totals', { total: format.money(detail.total_cents), paid: format.money(detail.paid_cents), unpaid: format.money(detail.unpaid_cents) })}
            <span className="muted"> · {detail.waiters.map((waiter) => waiter.full_name).join(', ')}</span>
          </p>
          <table className="lines">
            <caption className="visually-hidden">{t('order.lines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('order.line')}</th>
                <th scope="col">{t('order.status')}</th>
                <th scope="col">{t('order.added')}</th>
                <th scope="col" className="num">
                  {t('order.amount')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('order.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.items.map((line) => (
                <tr key={line.id} className={`line-${line.status}`}>
                  <td>
                    <strong>
                      {line.quantity} × {line.name}
                    </strong>
                    {line.options.map((option) => (
                      <div key={option.id} className="line-detail">
                        + {option.name}
                      </div>
                    ))}
                    {line.preferences.map((choice) => (
                      <div key={choice.id} className="line-detail">
                        {choice.set_name}: {choice.name}
                      </div>
                    ))}
                    {line.removed_ingredients.map((ingredient) => (
                      <div key={ingredient.id} className="line-detail warn">
                        {t('order.without', { name: ingredient.name })}
                      </div>
                    ))}
                    {line.note ? <div className="line-detail warn">{line.note}</div> : null}
                    {line.void_reason ? <div className="line-detail">{t('order.voidReason', { reason: line.void_reason })}</div> : null}
                  </td>
                  <td>
                    {t(`order.lineStatus.${line.status}`)}
                    <div className="muted">{t(`order.print.${line.print_status}`)}</div>
                  </td>
                  <td>
                    {nameOf(line.created_by)}
                    <div className="muted">{format.time(line.created_at)}</div>
                  </td>
                  <td className="num">{format.money(line.line_total_cents)}</td>
                  <td>
                    {line.status === 'pending' || line.status === 'sent' ? (
                      <button type="button" className="button danger" onClick={() => setVoiding(line)} aria-label={t('order.voidLine', { name: line.name })}>
                        {t('order.void')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {detail.payments.length > 0 ? (
            <section aria-labelledby="payments-title">
              <h3 id="payments-title">{t('order.payments')}</h3>
              <ul className="payments">
                {detail.payments.map((payment) => (
                  <li key={payment.id}>
                    {format.time(payment.created_at)} · {t(`order.method.${payment.method}`)} · {format.money(payment.amount_cents)}
                    {payment.tip_cents > 0 ? ` · ${t('order.tip', { amount: format.money(payment.tip_cents) })}` : ''} · {nameOf(payment.created_by)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <OrderActions detail={detail} onGone={onClose} />
        </div>
      )}
      {voiding && detail ? (
        <ConfirmDialog
          title={t('order.voidTitle', { name: `${voiding.quantity} × ${voiding.name}` })}
          confirmLabel={t('order.void')}
          cancelLabel={t('common.back')}
          reasonLabel={t('order.reason')}
          danger
          onCancel={() => setVoiding(undefined)}
          onConfirm={(reason) =>
            void run(
              () => call(client.api.orders[':id'].items[':item_id'].$delete, { param: { id: detail.id, item_id: voiding.id }, json: { reason } }, 200),
              t('order.voided'),
              () => setVoiding(undefined),
            )
          }
        />
      ) : null}
    </Sheet>
  );
}
