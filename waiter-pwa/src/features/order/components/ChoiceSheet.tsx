import { useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { formatPrice } from '@tavli/i18n/money';
import { Sheet } from '@tavli/ui/Sheet';
import { Stepper } from '@tavli/ui/Stepper';
import type { Product } from '../../menu/api';
import { missingChoices, unitPrice } from '../pricing';
import type { DraftLine } from '../store';

type Props = { product: Product; onAdd(line: Omit<DraftLine, 'id'>): void; onClose(): void };

const toggle = (ids: number[], id: number) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);

/** Options (with their extra cost), "without" ingredients, one choice per preference set, quantity and a note. */
export function ChoiceSheet({ product, onAdd, onClose }: Props) {
  const t = useT();
  const [optionIds, setOptionIds] = useState<number[]>([]);
  const [removedIds, setRemovedIds] = useState<number[]>([]);
  const [choiceBySet, setChoiceBySet] = useState<Record<number, number | undefined>>({});
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');

  const preferenceIds = Object.values(choiceBySet).filter((id): id is number => id !== undefined);
  const choices = { option_ids: optionIds, removed_ingredient_ids: removedIds, preference_choice_ids: preferenceIds };
  const missing = missingChoices(product, preferenceIds);
  const total = unitPrice(product, choices) * quantity;

  const add = () => {
    if (missing.length === 0) onAdd({ product_id: product.id, quantity, ...choices, note: note.trim() });
  };

  return (
    <Sheet
      title={product.name}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <>
          <p className="sheet-hint" aria-live="polite">
            {missing.length ? t('sheet.choose', { name: missing.map((set) => set.name).join(', ') }) : '\u00a0'}
          </p>
          <button type="button" className="button primary wide" disabled={missing.length > 0} onClick={add}>
            {t('sheet.add', { amount: formatPrice(total) })}
          </button>
        </>
      }
    >
      {product.preference_sets.map((set) => (
        <fieldset key={set.id} className="choice-group">
          <legend>
            {set.name} <small>({set.is_required ? t('sheet.required') : t('sheet.optional')})</small>
          </legend>
          {set.choices.map((choice) => (
            <label key={choice.id} className="choice">
              <input
                type="radio"
                name={`set-${set.id}`}
                checked={choiceBySet[set.id] === choice.id}
                onChange={() => setChoiceBySet({ ...choiceBySet, [set.id]: choice.id })}
              />
              <span>{choice.name}</span>
              {choice.price_delta_cents ? <span className="choice-price">+{formatPrice(choice.price_delta_cents)}</span> : null}
            </label>
          ))}
          {!set.is_required ? (
            <label className="choice">
              <input
                type="radio"
                name={`set-${set.id}`}
                checked={choiceBySet[set.id] === undefined}
                onChange={() => setChoiceBySet({ ...choiceBySet, [set.id]: undefined })}
              />
              <span>—</span>
            </label>
          ) : null}
        </fieldset>
      ))}
      {product.options.length ? (
        <fieldset className="choice-group">
          <legend>{t('sheet.extras')}</legend>
          {product.options.map((option) => (
            <label key={option.id} className="choice">
              <input type="checkbox" checked={optionIds.includes(option.id)} onChange={() => setOptionIds(toggle(optionIds, option.id))} />
              <span>{option.name}</span>
              {option.extra_cost_cents ? <span className="choice-price">+{formatPrice(option.extra_cost_cents)}</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      {product.ingredients.length ? (
        <fieldset className="choice-group">
          <legend>{t('sheet.without')}</legend>
          {product.ingredients.map((ingredient) => (
            <label key={ingredient.id} className="choice">
              <input type="checkbox" checked={removedIds.includes(ingredient.id)} onChange={() => setRemovedIds(toggle(removedIds, ingredient.id))} />
              <span>{t('sheet.withoutItem', { name: ingredient.name })}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="choice-row">
        <span>{t('sheet.quantity')}</span>
        <Stepper value={quantity} label={t('sheet.quantity')} fewerLabel={t('sheet.fewer')} moreLabel={t('sheet.more')} onChange={setQuantity} />
      </div>
      <label className="note-field">
        <span>{t('sheet.note')}</span>
        <textarea value={note} maxLength={200} rows={2} placeholder={t('sheet.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
      </label>
    </Sheet>
  );
}
