import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Sheet } from '@tavli/ui/Sheet';
import { useT } from '../../i18n/i18n';
import { contrastRatio, readableTextOn } from '@tavli/ui/contrast';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { categories as categoryList, type Category } from './queries';

type Draft = { name: string; color: string; sort_order: string; vat: string };

const draftOf = (category: Category | undefined): Draft => ({
  name: category?.name ?? '',
  color: category?.color ?? '#3d405b',
  sort_order: String(category?.sort_order ?? 0),
  vat: category ? String(category.vat_rate_bp / 100).replace('.', ',') : '13',
});

/** What the form says is wrong, or the body to send. */
function categoryBody(draft: Draft): { ok: true; body: { name: string; color: string; sort_order: number; vat_rate_bp: number } } | { ok: false } {
  const vat = Number(draft.vat.replace(',', '.'));
  const order = Number(draft.sort_order);
  const name = draft.name.trim();
  if (!name || name.length > 80 || !/^#[0-9a-fA-F]{6}$/.test(draft.color) || !Number.isInteger(order) || !(vat >= 0 && vat <= 100)) return { ok: false };
  return { ok: true, body: { name, color: draft.color, sort_order: order, vat_rate_bp: Math.round(vat * 100) } };
}

function CategoryRow({ category }: { category: Category | undefined }) {
  const t = useT();
  const { busy, run } = useAction();
  const [draft, setDraft] = useState(() => draftOf(category));
  const [invalid, setInvalid] = useState(false);
  const set = (key: keyof Draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const save = () => {
    const checked = categoryBody(draft);
    setInvalid(!checked.ok);
    if (!checked.ok) return;
    void (category
      ? run(
          () => call(client.api.products.categories[':id'].$put, { param: { id: String(category.id) }, json: checked.body }, 200),
          t('menu.saved'),
          categoryList.apply,
        )
      : run(
          () => call(client.api.products.categories.$post, { json: checked.body }, 201),
          t('menu.added'),
          (created) => {
            categoryList.apply(created);
            setDraft(draftOf(undefined));
          },
        ));
  };
  return (
    <li className="category-row">
      <label className="field">
        <span>{t('menu.name')}</span>
        <input value={draft.name} onChange={(event) => set('name', event.target.value)} />
      </label>
      <label className="field">
        <span>{t('menu.colour')}</span>
        <input type="color" value={draft.color} onChange={(event) => set('color', event.target.value)} />
      </label>
      <ContrastPreview colour={draft.color} label={draft.name} />
      <label className="field narrow">
        <span>{t('menu.order')}</span>
        <input value={draft.sort_order} inputMode="numeric" onChange={(event) => set('sort_order', event.target.value)} />
      </label>
      <label className="field narrow">
        <span>{t('menu.vat')}</span>
        <input value={draft.vat} inputMode="decimal" onChange={(event) => set('vat', event.target.value)} />
      </label>
      <button type="button" className="button primary" disabled={busy} onClick={save}>
        {category ? t('common.save') : t('menu.addCategory')}
      </button>
      {invalid ? <span className="field-error">{t('menu.error.category')}</span> : null}
    </li>
  );
}

/** How a selected category tab will read on the waiters' phones: the text colour chosen for it and the contrast it gets. */
function ContrastPreview({ colour, label }: { colour: string; label: string }) {
  const t = useT();
  const text = readableTextOn(colour);
  return (
    <span className="contrast-preview" style={{ background: colour, color: text }}>
      {label || t('menu.name')} · {t('menu.contrast', { ratio: contrastRatio(colour, text).toFixed(1) })}
    </span>
  );
}

/** Categories: name, colour, order and VAT rate, edited in place; a new one at the end. */
export function CategoriesPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const categories = useQuery(categoryList.query).data ?? [];
  return (
    <Sheet title={t('menu.categories')} closeLabel={t('common.close')} onClose={onClose}>
      <ul className="category-rows">
        {categories.map((category) => (
          <CategoryRow key={category.id} category={category} />
        ))}
        <CategoryRow key="new" category={undefined} />
      </ul>
    </Sheet>
  );
}
