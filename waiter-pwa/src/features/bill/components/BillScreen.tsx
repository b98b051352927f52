import { useEffect, useRef } from 'react';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';
import { formatPrice } from '@tavli/i18n/money';
import { Price } from '@tavli/ui/Price';
import { showToast } from '@tavli/ui/toast';
import { SentList } from '../../order/components/SentList';
import { payableLines } from '../../order/overlay';
import { refreshOrder } from '../../order/queries';
import { useOrderView } from '../../order/useOrderView';
import { failureText } from '../../outbox/describe';
import { enqueue } from '../../outbox/store';
import { printBill } from '../api';
import { useBill } from '../store';
import { BillLine } from './BillLine';
import { PaymentPanel } from './PaymentPanel';

type Props = { orderId: string; tableId: number; tableLabel: string };

/** Pay all or part of the table, in cash, by card or otherwise; close it when nothing is owed. */
export function BillScreen({ orderId, tableId, tableLabel }: Props) {
  const t = useT();
  const { view } = useOrderView(orderId, tableId, tableLabel);
  const { selected, method, tipCents, start, select, unselect, selectAll, clear } = useBill();
  useEffect(() => start(orderId), [orderId, start]);

  const payable = payableLines(view);
  const paid = view.lines.filter((line) => line.status === 'paid' || line.status === 'void');
  const chosen = payable.flatMap((line) => (selected[line.id] === undefined ? [] : [{ line, quantity: Math.min(selected[line.id]!, line.quantity) }]));
  const amount = chosen.reduce((sum, { line, quantity }) => sum + line.unit_price_cents * quantity, 0);
  const target = { orderId, tableId: view.tableId, tableLabel: view.tableLabel };
  const canClose = view.unpaid_cents === 0 && !view.closing && view.status !== 'closed';

  const storing = useRef(false);
  async function pay() {
    if (chosen.length === 0 || storing.current) return; // a double tap charges once
    storing.current = true;
    const body = { items: chosen.map(({ line, quantity }) => ({ item_id: line.id, quantity })), method, tip_cents: tipCents };
    let attempt;
    try {
      ({ attempt } = await enqueue({ kind: 'pay', ...target, body }));
      clear();
    } finally {
      storing.current = false;
    }
    const settled = await attempt;
    if (settled?.outcome === 'acked') {
      showToast('success', t('bill.paymentSaved'));
      void refreshOrder(orderId);
    } else if (settled?.outcome === 'rejected') showToast('danger', failureText(t, settled.failure), 6_000);
    else showToast('warning', t('order.savedOffline'), 5_000);
  }

  async function close() {
    await enqueue({ kind: 'close', ...target, body: {} });
    showToast('info', t('bill.closeSaved', { table: view.tableLabel }));
    navigate({ name: 'tables' });
  }

  async function print() {
    const result = await printBill(orderId);
    if (result.ok) showToast('success', t('bill.printed'));
    else showToast('danger', t('bill.printFailed', { message: failureText(t, result.failure) }), 5_000);
  }

  return (
    <main className="screen bill" aria-labelledby="bill-title">
      <header className="screen-header">
        <button type="button" className="icon-button back" aria-label={t('common.back')} onClick={() => navigate({ name: 'order', ...target })}>
          ←
        </button>
        <h1 id="bill-title">{t('bill.title', { table: view.tableLabel })}</h1>
        <Price cents={view.unpaid_cents} className="header-total" />
      </header>
      <div className="scroll">
        <div className="bill-summary">
          <span>{t('bill.unpaidTotal', { amount: formatPrice(view.unpaid_cents) })}</span>
          <span>{t('bill.paidTotal', { amount: formatPrice(view.paid_cents) })}</span>
        </div>
        {payable.length ? (
          <div className="quick-row select-row">
            <button type="button" className="chip-button" onClick={() => selectAll(payable)}>
              {t('bill.selectAll')}
            </button>
            <button type="button" className="chip-button" onClick={clear}>
              {t('bill.selectNone')}
            </button>
          </div>
        ) : (
          <p className="notice">{canClose ? t('bill.allPaid') : t('bill.nothingToPay')}</p>
        )}
        <ul className="lines bill-lines">
          {payable.map((line) => (
            <BillLine
              key={line.id}
              line={line}
              quantity={selected[line.id]}
              onSelect={(quantity) => (quantity === undefined ? unselect(line.id) : select(line.id, quantity))}
            />
          ))}
        </ul>
        {payable.length ? <PaymentPanel amountCents={amount} /> : null}
        {paid.length ? <SentList lines={paid} title={t('bill.paidLines')} /> : null}
      </div>
      <footer className="send-bar">
        <button type="button" className="button" onClick={() => void print()}>
          {t('bill.print')}
        </button>
        {canClose && payable.length === 0 ? (
          <button type="button" className="button primary" onClick={() => void close()}>
            {t('bill.close')}
          </button>
        ) : (
          <button type="button" className="button primary" disabled={chosen.length === 0} onClick={() => void pay()}>
            {t('bill.pay', { amount: formatPrice(amount + tipCents) })}
          </button>
        )}
      </footer>
    </main>
  );
}
