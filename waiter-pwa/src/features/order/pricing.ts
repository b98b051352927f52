import type { Product } from '../menu/api';
import type { NewLine } from '../outbox/commands';
import type { Line } from './api';

export type Choices = Pick<NewLine, 'option_ids' | 'removed_ingredient_ids' | 'preference_choice_ids'>;

/** Base price plus chosen extras and preference deltas, as the appliance prices a line. */
export function unitPrice(product: Product, choices: Choices): number {
  const options = product.options.filter((option) => choices.option_ids?.includes(option.id));
  const preferences = product.preference_sets.flatMap((set) => set.choices).filter((choice) => choices.preference_choice_ids?.includes(choice.id));
  return (
    product.price_cents +
    options.reduce((sum, option) => sum + option.extra_cost_cents, 0) +
    preferences.reduce((sum, choice) => sum + choice.price_delta_cents, 0)
  );
}

/** Required preference sets still without a choice. */
export function missingChoices(product: Product, preferenceChoiceIds: readonly number[]) {
  return product.preference_sets.filter((set) => set.is_required && !set.choices.some((choice) => preferenceChoiceIds.includes(choice.id)));
}

/** What a line will look like once the appliance has it (for lines still on the phone). */
export function lineSnapshot(
  product: Product | undefined,
  line: NewLine,
): Pick<Line, 'name' | 'unit_price_cents' | 'vat_rate_bp' | 'options' | 'preferences' | 'removed_ingredients' | 'printer_id'> {
  if (!product) {
    return { name: `#${line.product_id}`, unit_price_cents: 0, vat_rate_bp: 0, options: [], preferences: [], removed_ingredients: [], printer_id: null };
  }
  return {
    name: product.name,
    unit_price_cents: unitPrice(product, line),
    vat_rate_bp: product.vat_rate_bp,
    options: product.options.filter((option) => line.option_ids?.includes(option.id)),
    preferences: product.preference_sets.flatMap((set) =>
      set.choices.filter((choice) => line.preference_choice_ids?.includes(choice.id)).map((choice) => ({ ...choice, set_id: set.id, set_name: set.name })),
    ),
    removed_ingredients: product.ingredients.filter((ingredient) => line.removed_ingredient_ids?.includes(ingredient.id)),
    printer_id: product.printer_id,
  };
}
