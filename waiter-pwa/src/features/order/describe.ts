import type { Translate } from '../../i18n/i18n';
import type { Line } from './api';

/** "έξτρα φέτα · χωρίς κρεμμύδι · ρύζι · «καλοψημένο»": what the kitchen reads under the name. */
export function describeLine(t: Translate, line: Pick<Line, 'options' | 'preferences' | 'removed_ingredients' | 'note'>): string {
  return [
    ...line.preferences.map((choice) => choice.name),
    ...line.options.map((option) => option.name),
    ...line.removed_ingredients.map((ingredient) => t('sheet.withoutItem', { name: ingredient.name })),
    line.note ? `«${line.note}»` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
