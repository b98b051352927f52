import { useQuery } from '../../../shared/api/useQuery';
import { useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { showToast } from '@tavli/ui/toast';
import type { Product } from '../../menu/api';
import { MenuPanel } from '../../menu/components/MenuPanel';
import { isOrderable } from '../../menu/queries';
import { failureText } from '../../outbox/describe';
import { enqueue } from '../../outbox/store';
import { useStatus } from '../../status/store';
import { tables } from '../../tables/queries';
import { unitPrice } from '../pricing';
import { refreshOrder } from '../queries';
import { useOrders, type DraftLine } from '../store';
import { useOrderView } from '../useOrderView';
import { ChoiceSheet } from './ChoiceSheet';
import { DraftList } from './DraftList';
import { OrderHeader } from './OrderHeader';
import { OrderNotice, orderBlock } from './OrderNotice';
import { SendBar } from './SendBar';
import { SentList } from './SentList';
import { ManagerApproval } from './ManagerApproval';
import { OrderActions } from './OrderActions';
import { corrections } from '../corrections';
import type { ViewLine } from '../overlay';
import { stockAllows } from '../stock';

type Props = { orderId: string; tableId: number; tableLabel: string };

const NO_LINES: DraftLine[] = [];
const hasChoices = (product: Product) => product.options.length > 0 || product.ingredients.length > 0 || product.preference_sets.length > 0;

/** Taking a table's order: menu tiles, a draft kept apart from what was sent, and Send. */
export function OrderScreen({ orderId, tableId, tableLabel }: Props) {
  const t = useT();
  const { view, failure, opening, products } = useOrderView(orderId, tableId, tableLabel);
  const draft = useOrders((state) => state.drafts[orderId]) ?? NO_LINES;
  const { addLine, setQuantity, clearDraft } = useOrders.getState();
  const { data: table } = useQuery({ ...tables.query, select: (rows) => rows.find((candidate) => candidate.id === tableId) });
  const printers = useStatus((state) => state.printers);
  const [reviewing, setReviewing] = useState(false);
  const [choosing, setChoosing] = useState<Product>();
  const [sending, setSending] = useState(false);
  const [actions, setActions] = useState(false);
  const [voiding, setVoiding] = useState<ViewLine>();

  const draftCounts = useMemo(() => {
    const counts = new Map<number, number>();
    for (const line of draft) counts.set(line.product_id, (counts.get(line.product_id) ?? 0) + line.quantity);
    return counts;
  }, [draft]);
  const draftCents = draft.reduce((sum, line) => {
    const product = products.get(line.product_id);
    return sum + (product ? unitPrice(product, line) * line.quantity : 0);
  }, 0);

  /** Refuses, with the count, what would ask the kitchen for more than is left. */
  const withinStock = (productId: number, inDraft: number, more: number) => {
    const product = products.get(productId);
    if (!product || stockAllows(product, inDraft, more)) return true;
    showToast('warning', t('order.stockShort', { name: product.name, count: product.stock_remaining ?? 0 }));
    return false;
  };
  const changeQuantity = (lineId: string, quantity: number) => {
    const line = draft.find((candidate) => candidate.id === lineId);
    if (!line || quantity <= line.quantity || withinStock(line.product_id, draftCounts.get(line.product_id) ?? 0, quantity - line.quantity)) {
      setQuantity(orderId, lineId, quantity);
    }
  };

  const pick = (product: Product) => {
    if (!isOrderable(product) || !withinStock(product.id, draftCounts.get(product.id) ?? 0, 1)) return;
    if (hasChoices(product)) setChoosing(product);
    else addLine(orderId, { product_id: product.id, quantity: 1, option_ids: [], removed_ingredient_ids: [], preference_choice_ids: [], note: '' });
  };

  const storing = useRef(false);
  async function send() {
    if (draft.length === 0 || storing.current) return;
    performance.mark('tavli:send:tap');
    storing.current = true;
    setSending(true);
    const lines = draft;
    let attempt;
    try {
      ({ attempt } = await enqueue({ kind: 'add_items', orderId, tableId: view.tableId, tableLabel: view.tableLabel, body: { items: lines } }));
      clearDraft(
        orderId,
        lines.map((line) => line.id),
      );
    } finally {
      storing.current = false;
    }
    const settled = await attempt;
    setSending(false);
    const count = lines.reduce((sum, line) => sum + line.quantity, 0);
    if (settled?.outcome === 'acked') {
      performance.measure('tavli:send', 'tavli:send:tap');
      const printerIds =
        settled.data.kind === 'add_items' ? [...new Set(settled.data.added.items.flatMap((line) => (line.printer_id === null ? [] : [line.printer_id])))] : [];
      const names = printerIds.map((id) => printers[id]?.name ?? t('order.printer', { id }));
      showToast('success', names.length ? t('order.sentTo', { count, printers: names.join(', ') }) : t('order.sentOk', { count }));
      void refreshOrder(orderId);
    } else if (settled?.outcome === 'rejected') {
      showToast('danger', failureText(t, settled.failure), 6_000);
    } else {
      showToast('warning', t('order.savedOffline'), 5_000);
    }
  }

  const blocked = orderBlock(view, failure, opening);

  return (
    <main className="screen order" aria-labelledby="order-title">
      <OrderHeader
        orderId={orderId}
        tableId={view.tableId}
        tableLabel={view.tableLabel}
        showBill={!blocked}
        {...(blocked || view.lines.length === 0 ? {} : { onActions: () => setActions(true) })}
      />
      {blocked ? (
        <OrderNotice block={blocked} waiters={table?.waiters ?? []} />
      ) : (
        <>
          {reviewing ? (
            <div className="scroll review">
              <DraftList lines={draft} products={products} onQuantity={changeQuantity} />
              <SentList lines={view.lines} onVoid={setVoiding} />
            </div>
          ) : (
            <MenuPanel draftCounts={draftCounts} onPick={pick} />
          )}
          <SendBar
            draftCount={draft.reduce((sum, line) => sum + line.quantity, 0)}
            draftCents={draftCents}
            totalCents={view.total_cents + draftCents}
            reviewing={reviewing}
            sending={sending}
            onToggleReview={() => setReviewing(!reviewing)}
            onSend={() => void send()}
          />
        </>
      )}
      {actions ? <OrderActions orderId={orderId} tableId={view.tableId} tableLabel={view.tableLabel} onClose={() => setActions(false)} /> : null}
      {voiding ? (
        <ManagerApproval
          title={t('order.voidTitle', { name: `${voiding.quantity}× ${voiding.name}` })}
          confirmLabel={t('order.voidShort')}
          onApprove={(reason, approval) => corrections.voidLine(orderId, voiding.id, reason, approval)}
          onDone={() => {
            showToast('success', t('order.voided', { name: voiding.name }));
            setVoiding(undefined);
            void refreshOrder(orderId);
          }}
          onClose={() => setVoiding(undefined)}
        />
      ) : null}
      {choosing ? (
        <ChoiceSheet
          product={choosing}
          onClose={() => setChoosing(undefined)}
          onAdd={(line) => {
            if (!withinStock(line.product_id, draftCounts.get(line.product_id) ?? 0, line.quantity)) return;
            addLine(orderId, line);
            setChoosing(undefined);
          }}
        />
      ) : null}
    </main>
  );
}
