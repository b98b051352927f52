import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { ConfirmDialog } from '@tavli/ui/ConfirmDialog';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { useFormat } from '../../shared/format';
import { CategoriesPanel } from './CategoriesPanel';
import { ProductEditor } from './ProductEditor';
import { categories as categoryList, products as productList, type Product } from './queries';
import { filterProducts } from './search';

const product = client.api.products[':id'];

/** The menu: search, 86 with one tap, edit a dish, add one, and the categories. */
export default function MenuScreen() {
  const t = useT();
  const format = useFormat();
  const { run } = useAction();
  const products = useQuery(productList.query).data ?? [];
  const categories = useQuery(categoryList.query).data ?? [];
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [editing, setEditing] = useState<Product | 'new' | undefined>();
  const [deleting, setDeleting] = useState<Product | undefined>();
  const [showCategories, setShowCategories] = useState(false);
  const shown = filterProducts(products, deferredQuery, categoryId);

  const setAvailable = (item: Product, available: boolean) =>
    void run(
      () => call(product.$put, { param: { id: String(item.id) }, json: { is_available: available } }, 200),
      available ? t('menu.backOn', { name: item.name }) : t('menu.eightySixed', { name: item.name }),
      productList.apply,
    );

  return (
    <div className="menu-screen">
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">{t('menu.search')}</span>
          <input type="search" placeholder={t('menu.search')} value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          {t('menu.newProduct')}
        </button>
        <button type="button" className="button" onClick={() => setShowCategories(true)}>
          {t('menu.categories')}
        </button>
      </div>
      <div className="chips" role="group" aria-label={t('menu.category')}>
        <button type="button" className="chip-button" aria-pressed={categoryId === undefined} onClick={() => setCategoryId(undefined)}>
          {t('menu.all')}
        </button>
        {categories.map((category) => (
          <button
            key={category.id}
            type="button"
            className="chip-button"
            aria-pressed={categoryId === category.id}
            style={{ borderColor: category.color }}
            onClick={() => setCategoryId(category.id)}
          >
            {category.name}
          </button>
        ))}
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('menu.name')}</th>
            <th scope="col">{t('menu.category')}</th>
            <th scope="col" className="num">
              {t('menu.price')}
            </th>
            <th scope="col" className="num">
              {t('menu.stock')}
            </th>
            <th scope="col">{t('menu.available')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('order.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <tr key={item.id} className={item.is_available ? undefined : 'unavailable'}>
              <td>{item.name}</td>
              <td>{item.category.name}</td>
              <td className="num">{format.money(item.price_cents)}</td>
              <td className="num">{item.stock_remaining ?? '∞'}</td>
              <td>
                <button
                  type="button"
                  role="switch"
                  aria-checked={item.is_available}
                  aria-label={item.name}
                  className="switch"
                  onClick={() => setAvailable(item, !item.is_available)}
                >
                  <span aria-hidden="true">{item.is_available ? t('menu.on') : '86'}</span>
                </button>
              </td>
              <td className="row-actions">
                <button type="button" className="button" aria-label={t('menu.editNamed', { name: item.name })} onClick={() => setEditing(item)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button danger" aria-label={t('menu.deleteNamed', { name: item.name })} onClick={() => setDeleting(item)}>
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="muted pad">{t('menu.nothingFound')}</p> : null}
      {editing ? <ProductEditor product={editing === 'new' ? undefined : editing} categoryId={categoryId} onClose={() => setEditing(undefined)} /> : null}
      {showCategories ? <CategoriesPanel onClose={() => setShowCategories(false)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('menu.deleteTitle', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.back')}
          danger
          onCancel={() => setDeleting(undefined)}
          onConfirm={() =>
            void run(
              () => call(product.$delete, { param: { id: String(deleting.id) } }, 200),
              t('menu.deleted'),
              () => {
                productList.remove(deleting.id);
                setDeleting(undefined);
              },
            )
          }
        >
          <p>{t('menu.deleteExplained')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
