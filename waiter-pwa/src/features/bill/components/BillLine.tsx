import { useT } from '../../../i18n/i18n';
import { Price } from '@tavli/ui/Price';
import { Stepper } from '@tavli/ui/Stepper';
import { describeLine } from '../../order/describe';
import type { ViewLine } from '../../order/overlay';

type Props = { line: ViewLine; quantity: number | undefined; onSelect(quantity: number | undefined): void };

/** An unpaid line: a checkbox named by the dish, and for several, how many of them are paid now. */
export function BillLine({ line, quantity, onSelect }: Props) {
  const t = useT();
  const details = describeLine(t, line);
  const checked = quantity !== undefined;
  return (
    <li className={checked ? 'bill-line selected' : 'bill-line'}>
      <label className="bill-check">
        <input type="checkbox" checked={checked} onChange={() => onSelect(checked ? undefined : line.quantity)} />
        <span className="line-quantity">{line.quantity}×</span>
        <span className="line-text">
          <span className="line-name">{line.name}</span>
          {details ? <span className="line-details">{details}</span> : null}
          {line.local === 'queued' ? <span className="line-state">{t('order.waitingToSend')}</span> : null}
        </span>
        <Price cents={line.unit_price_cents * (quantity ?? line.quantity)} className="line-price" />
      </label>
      {line.quantity > 1 ? (
        <div className="bill-part" aria-hidden={!checked}>
          <Stepper
            value={quantity ?? line.quantity}
            min={1}
            max={line.quantity}
            label={t('bill.partQuantity', { name: line.name })}
            fewerLabel={`${t('sheet.fewer')}: ${line.name}`}
            moreLabel={`${t('sheet.more')}: ${line.name}`}
            onChange={(value) => onSelect(value)}
          />
          <span className="muted">/ {line.quantity}</span>
        </div>
      ) : null}
    </li>
  );
}
