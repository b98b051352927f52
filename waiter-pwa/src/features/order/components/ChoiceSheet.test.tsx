import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeProduct } from '../../../test/factories';
import { ChoiceSheet } from './ChoiceSheet';

const souvlaki = makeProduct({
  id: 13,
  name: 'Σουβλάκι χοιρινό',
  price_cents: 1100,
  ingredients: [{ id: 21, name: 'κρεμμύδι' }],
  options: [{ id: 31, name: 'έξτρα πίτα', extra_cost_cents: 50 }],
  preference_sets: [
    {
      id: 41,
      name: 'Συνοδευτικό',
      is_required: true,
      choices: [
        { id: 51, name: 'πατάτες', price_delta_cents: 0 },
        { id: 52, name: 'χόρτα', price_delta_cents: 100 },
      ],
    },
  ],
});

describe('choosing how a dish is made', () => {
  it('will not add the dish until a required choice is made, and says which', () => {
    const onAdd = vi.fn();
    render(<ChoiceSheet product={souvlaki} onAdd={onAdd} onClose={() => {}} />);
    const add = screen.getByRole('button', { name: /Προσθήκη/ });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Διάλεξε: Συνοδευτικό')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /χόρτα/ }));
    expect((add as HTMLButtonElement).disabled).toBe(false);
  });

  it('adds the chosen extras, the removed ingredients, the quantity and the note, with the price kept up to date', () => {
    const onAdd = vi.fn();
    render(<ChoiceSheet product={souvlaki} onAdd={onAdd} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('radio', { name: /χόρτα/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /έξτρα πίτα/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'χωρίς κρεμμύδι' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ένα ακόμη' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Σημείωση/ }), { target: { value: ' καλοψημένο ' } });
    const add = screen.getByRole('button', { name: /Προσθήκη/ });
    expect(add.textContent).toBe('Προσθήκη · 25,00\u00a0€'); // (11,00 + 1,00 + 0,50) × 2
    fireEvent.click(add);
    expect(onAdd).toHaveBeenCalledWith({
      product_id: 13,
      quantity: 2,
      option_ids: [31],
      removed_ingredient_ids: [21],
      preference_choice_ids: [52],
      note: 'καλοψημένο',
    });
  });
});
