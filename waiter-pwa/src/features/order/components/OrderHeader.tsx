import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';

type Props = { orderId: string; tableId: number; tableLabel: string; showBill: boolean; onActions?: () => void };

export function OrderHeader({ orderId, tableId, tableLabel, showBill, onActions }: Props) {
  const t = useT();
  return (
    <header className="screen-header">
      <button type="button" className="icon-button back" aria-label={t('common.back')} onClick={() => navigate({ name: 'tables' })}>
        ←
      </button>
      <h1 id="order-title">{t('order.table', { table: tableLabel })}</h1>
      {onActions ? (
        <button type="button" className="icon-button" aria-label={t('actions.open')} onClick={onActions}>
          ⋯
        </button>
      ) : null}
      {showBill ? (
        <button type="button" className="chip-button" onClick={() => navigate({ name: 'bill', orderId, tableId, tableLabel })}>
          {t('order.bill')}
        </button>
      ) : null}
    </header>
  );
}
