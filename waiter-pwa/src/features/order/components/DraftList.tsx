import { useT } from '../../../i18n/i18n';
import { Price } from '@tavli/ui/Price';
import { Stepper } from '@tavli/ui/Stepper';
import type { Product } from '../../menu/api';
import { isOrderable } from '../../menu/queries';
import { describeLine } from '../describe';
import { lineSnapshot } from '../pricing';
import type { DraftLine } from '../store';

type Props = { lines: DraftLine[]; products: ReadonlyMap<number, Product>; onQuantity(lineId: string, quantity: number): void };

/** Lines on the phone that have not been sent: each can still change or go. */
export function DraftList({ lines, products, onQuantity }: Props) {
  const t = useT();
  return (
    <section className="line-section draft" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('order.draft')}</h2>
      {lines.length === 0 ? <p className="muted">{t('order.draftEmpty')}</p> : null}
      <ul className="lines">
        {lines.map((line) => {
          const product = products.get(line.product_id);
          const snapshot = lineSnapshot(product, line);
          const details = describeLine(t, { ...snapshot, note: line.note ?? '' });
          return (
            <li key={line.id} className="line">
              <div className="line-text">
                <span className="line-name">{snapshot.name}</span>
                {details ? <span className="line-details">{details}</span> : null}
                {product && !isOrderable(product) ? <span className="line-warning">{t('order.unavailableInDraft')}</span> : null}
              </div>
              <Stepper
                value={line.quantity}
                min={0}
                label={snapshot.name}
                fewerLabel={`${t('sheet.fewer')}: ${snapshot.name}`}
                moreLabel={`${t('sheet.more')}: ${snapshot.name}`}
                onChange={(quantity) => onQuantity(line.id, quantity)}
              />
              <Price cents={snapshot.unit_price_cents * line.quantity} className="line-price" />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
