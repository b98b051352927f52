import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ClientRequestOptions } from 'hono/client';
import { Sheet } from '@tavli/ui/Sheet';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { printersQuery } from '../printers/queries';
import { draftOf, emptyDraft, validateProduct, type DraftErrors, type ProductBody, type ProductDraft } from './productForm';
import { categories as categoryList, products as productList, type Product } from './queries';

type Props = { product: Product | undefined; categoryId: number | undefined; onClose(): void };

const products = client.api.products;

/**
 * POST /api/products takes JSON or multipart; Hono's client types ask for both bodies at once,
 * so the JSON way is named here (the picture follows through /{id}/image).
 */
const createProduct = products.$post as (args: { json: ProductBody }, options?: ClientRequestOptions) => ReturnType<typeof products.$post>;

/** Adds or edits one product: price, VAT, printer, picture, stock, options, removable ingredients and preference sets. */
export function ProductEditor({ product, categoryId, onClose }: Props) {
  const t = useT();
  const { busy, run } = useAction();
  const categories = useQuery(categoryList.query).data ?? [];
  const printers = useQuery(printersQuery).data ?? [];
  const [draft, setDraft] = useState<ProductDraft>(() => (product ? draftOf(product) : emptyDraft(categoryId)));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [image, setImage] = useState<File | undefined>();
  const [preview, setPreview] = useState<string | undefined>(product?.image_url ?? undefined);

  useEffect(() => {
    if (!image) return;
    const url = URL.createObjectURL(image);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [image]);

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const error = (key: keyof DraftErrors) => (errors[key] ? <span className="field-error">{t(errors[key])}</span> : null);

  async function save() {
    const checked = validateProduct(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const saved = product
      ? await run(() => call(products[':id'].$put, { param: { id: String(product.id) }, json: checked.body }, 200), t('menu.saved'), productList.apply)
      : await run(
          () => call(createProduct, { json: checked.body }, 201),
          t('menu.added'),
          (created) => {
            productList.apply(created);
            if (image)
              void run(() => call(products[':id'].image.$post, { param: { id: String(created.id) }, form: { image } }, 200), undefined, productList.apply);
          },
        );
    if (saved && product && image)
      await run(() => call(products[':id'].image.$post, { param: { id: String(product.id) }, form: { image } }, 200), undefined, productList.apply);
    if (saved) onClose();
  }

  return (
    <Sheet
      title={product ? t('menu.editTitle', { name: product.name }) : t('menu.newProduct')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <button type="button" className="button primary wide" disabled={busy} onClick={() => void save()}>
          {t('common.save')}
        </button>
      }
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('menu.name')}</span>
          <input value={draft.name} onChange={(event) => set('name', event.target.value)} maxLength={80} />
          {error('name')}
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('menu.category')}</span>
            <select value={draft.category_id} onChange={(event) => set('category_id', event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
            {error('category_id')}
          </label>
          <label className="field">
            <span>{t('menu.price')}</span>
            <input value={draft.price} inputMode="decimal" onChange={(event) => set('price', event.target.value)} />
            {error('price')}
          </label>
          <label className="field">
            <span>{t('menu.vatOverride')}</span>
            <input value={draft.vat} inputMode="decimal" placeholder={t('menu.vatFromCategory')} onChange={(event) => set('vat', event.target.value)} />
            {error('vat')}
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>{t('menu.printer')}</span>
            <select value={draft.printer_id} onChange={(event) => set('printer_id', event.target.value)}>
              <option value="">{t('menu.noPrinter')}</option>
              {printers.map((printer) => (
                <option key={printer.id} value={printer.id}>
                  {printer.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('menu.stock')}</span>
            <input value={draft.stock} inputMode="numeric" placeholder={t('menu.unlimited')} onChange={(event) => set('stock', event.target.value)} />
            {error('stock')}
          </label>
        </div>
        <div className="field">
          <label htmlFor="product-image">{t('menu.image')}</label>
          <input id="product-image" type="file" accept="image/png,image/jpeg,image/webp" onChange={(event) => setImage(event.target.files?.[0])} />
          {preview ? <img className="image-preview" src={preview} alt={t('menu.imagePreview')} /> : null}
        </div>
        <NamedList
          legend={t('menu.options')}
          addLabel={t('menu.addOption')}
          rows={draft.options}
          onChange={(rows) => set('options', rows)}
          blank={{ name: '', extra: '' }}
          amountKey="extra"
          amountLabel={t('menu.extraCost')}
        />
        {error('options')}
        <NamedList
          legend={t('menu.ingredients')}
          addLabel={t('menu.addIngredient')}
          rows={draft.ingredients}
          onChange={(rows) => set('ingredients', rows)}
          blank={{ name: '' }}
        />
        <fieldset className="field-group">
          <legend>{t('menu.preferenceSets')}</legend>
          {draft.preference_sets.map((prefSet, index) => {
            const update = (changes: Partial<typeof prefSet>) =>
              set(
                'preference_sets',
                draft.preference_sets.map((existing, at) => (at === index ? { ...existing, ...changes } : existing)),
              );
            return (
              <div key={index} className="preference-set">
                <div className="field-row">
                  <label className="field">
                    <span>{t('menu.setName')}</span>
                    <input value={prefSet.name} onChange={(event) => update({ name: event.target.value })} />
                  </label>
                  <label className="check">
                    <input type="checkbox" checked={prefSet.is_required} onChange={(event) => update({ is_required: event.target.checked })} />
                    {t('menu.required')}
                  </label>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      set(
                        'preference_sets',
                        draft.preference_sets.filter((_, at) => at !== index),
                      )
                    }
                  >
                    {t('common.remove')}
                  </button>
                </div>
                <NamedList
                  legend={t('menu.choices')}
                  addLabel={t('menu.addChoice')}
                  rows={prefSet.choices}
                  onChange={(choices) => update({ choices })}
                  blank={{ name: '', delta: '' }}
                  amountKey="delta"
                  amountLabel={t('menu.priceDelta')}
                />
              </div>
            );
          })}
          <button
            type="button"
            className="button"
            onClick={() => set('preference_sets', [...draft.preference_sets, { name: '', is_required: true, choices: [] }])}
          >
            {t('menu.addPreferenceSet')}
          </button>
          {error('preference_sets')}
        </fieldset>
      </form>
    </Sheet>
  );
}

type Row = { name: string } & Record<string, string>;

/** Rows of a name (and an amount): options with their extra cost, ingredients, choices with their price change. */
function NamedList<R extends Row>(props: {
  legend: string;
  addLabel: string;
  rows: R[];
  onChange(rows: R[]): void;
  blank: R;
  amountKey?: keyof R & string;
  amountLabel?: string;
}) {
  const t = useT();
  const { legend, addLabel, rows, onChange, blank, amountKey, amountLabel } = props;
  const update = (index: number, key: keyof R, value: string) => onChange(rows.map((row, at) => (at === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className="field-group">
      <legend>{legend}</legend>
      {rows.map((row, index) => (
        <div key={index} className="field-row">
          <label className="field">
            <span>{t('menu.name')}</span>
            <input value={row.name} onChange={(event) => update(index, 'name', event.target.value)} />
          </label>
          {amountKey ? (
            <label className="field">
              <span>{amountLabel}</span>
              <input value={row[amountKey]} inputMode="decimal" onChange={(event) => update(index, amountKey, event.target.value)} />
            </label>
          ) : null}
          <button type="button" className="button" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rows, { ...blank }])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
