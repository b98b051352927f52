import { readableTextOn } from '@tavli/ui/contrast';
import { useQuery } from '../../../shared/api/useQuery';
import { useMemo } from 'react';
import { useT } from '../../../i18n/i18n';
import type { Category, Product } from '../api';
import { categories as categoriesQuery, products as productsQuery } from '../queries';
import { searchProducts } from '../search';
import { useMenu } from '../store';
import { ProductTile } from './ProductTile';

const NO_PRODUCTS: Product[] = [];
const NO_CATEGORIES: Category[] = [];

type Props = { draftCounts: ReadonlyMap<number, number>; onPick(product: Product): void };

/** The selected tab, scrolled into the strip's view (a table opened later keeps the category, and must show it). */
const bringIntoView = (tab: HTMLButtonElement | null) => tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });

/** Category tabs in their colours, a search box, and the products as large tiles. */
export function MenuPanel({ draftCounts, onPick }: Props) {
  const t = useT();
  const { categoryId, query, showCategory, search } = useMenu();
  const { data: products = NO_PRODUCTS } = useQuery(productsQuery.query);
  const { data: categories = NO_CATEGORIES } = useQuery(categoriesQuery.query);
  const loaded = products !== NO_PRODUCTS;
  const active = categories.some((category) => category.id === categoryId) ? categoryId : categories[0]?.id;
  const shown = useMemo(
    () => (query.trim() ? searchProducts(products, query) : products.filter((product) => product.category_id === active)),
    [products, query, active],
  );
  return (
    <>
      <div className="tab-row">
        <div className="tabs" role="tablist" aria-label={t('order.categories')}>
          {categories.map((category) => (
            <button
              key={category.id}
              type="button"
              role="tab"
              className="tab category-tab"
              style={{ ['--tab-colour' as string]: category.color, ['--tab-text' as string]: readableTextOn(category.color) }}
              aria-selected={!query.trim() && category.id === active}
              ref={category.id === active ? bringIntoView : undefined}
              onClick={() => showCategory(category.id)}
            >
              {category.name}
            </button>
          ))}
        </div>
      </div>
      <div className="search-row">
        <label className="search">
          <span className="visually-hidden">{t('order.search')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('order.searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(event) => search(event.target.value)}
          />
        </label>
        <button type="button" className="icon-button clear-search" aria-label={t('order.clearSearch')} disabled={!query} onClick={() => search('')}>
          ✕
        </button>
      </div>
      <div className="scroll">
        {!loaded ? <p className="muted pad">{t('common.loading')}</p> : null}
        {loaded && shown.length === 0 && query ? <p className="muted pad">{t('order.noResults', { query })}</p> : null}
        <div className="product-grid">
          {shown.map((product) => (
            <ProductTile key={product.id} product={product} inDraft={draftCounts.get(product.id) ?? 0} onPick={onPick} />
          ))}
        </div>
      </div>
    </>
  );
}
