import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';

type Props = { orderId: string; tableId: number; tableLabel: string; showBill: boolean };

export function OrderHeader({ orderId, tableId, tableLabel, showBill }: Props) {
  const t = useT();
  return (
    <header className="screen-header">
      <button type="button" className="icon-button back" aria-label={t('common.back')} onClick={() => navigate({ name: 'tables' })}>
        ←
      </button>
      <h1 id="order-title">{t('order.table', { table: tableLabel })}</h1>
      {showBill ? (
        <button type="button" className="chip-button" onClick={() => navigate({ name: 'bill', orderId, tableId, tableLabel })}>
          {t('order.bill')}
        </button>
      ) : null}
    </header>
  );
}
