import { useId } from 'react';
import { useT } from '../../../i18n/i18n';
import { Price } from '@tavli/ui/Price';
import type { Product } from '../api';
import { isOrderable } from '../queries';
import { stockLeft } from '../../order/stock';

type Props = { product: Product; inDraft: number; onPick(product: Product): void };

/** Letters a tile's line holds at the normal size on a 360 px phone; a longer word is set smaller rather than broken. */
const LONG_WORD = 11;
const longestWord = (name: string) => Math.max(...name.split(/\s+/).map((word) => [...word].length));

/** A product: a card whose button is named by the product, as shown, and covers the card; price, stock and "sold out" describe it. */
export function ProductTile({ product, inDraft, onPick }: Props) {
  const t = useT();
  const descriptionId = useId();
  const left = stockLeft(product, inDraft);
  const orderable = isOrderable(product) && left !== 0;
  return (
    <div className={orderable ? 'product-tile' : 'product-tile unavailable'} style={{ borderTopColor: product.category.color }}>
      {product.image_url ? <img className="product-image" src={product.image_url} alt="" loading="lazy" width="96" height="72" /> : null}
      <button
        type="button"
        className={`stretched-button ${longestWord(product.name) > LONG_WORD ? 'product-name long' : 'product-name'}`}
        aria-describedby={descriptionId}
        disabled={!orderable}
        onClick={() => onPick(product)}
      >
        {product.name}
      </button>
      <span id={descriptionId} className="product-meta">
        {orderable ? <Price cents={product.price_cents} /> : <span className="sold-out">{t(inDraft > 0 ? 'order.allInDraft' : 'order.soldOut')}</span>}
        {orderable && left !== null ? <span className="stock"> · {t('order.stockLeft', { count: left })}</span> : null}
        {inDraft > 0 ? <span className="visually-hidden"> · {t('order.inDraft', { count: inDraft })}</span> : null}
      </span>
      {inDraft > 0 ? (
        <span className="draft-badge" aria-hidden="true">
          {inDraft}
        </span>
      ) : null}
    </div>
  );
}
