import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithData } from '../../test/render';
import { queryClient } from '../../shared/api/queries';
import { printersQuery } from '../printers/queries';
import { ProductEditor } from './ProductEditor';
import { categories } from './queries';
import { emptyDraft, validateProduct } from './productForm';

describe('the product form', () => {
  it('turns what the manager typed into what the appliance takes', () => {
    const checked = validateProduct({
      ...emptyDraft(3),
      name: '  Μουσακάς ',
      price: '12,50',
      vat: '24',
      stock: '10',
      options: [{ name: 'Διπλή μερίδα', extra: '4' }],
      ingredients: [{ name: 'Κρεμμύδι' }, { name: ' ' }],
      preference_sets: [{ name: 'Ψήσιμο', is_required: true, choices: [{ name: 'Καλοψημένο', delta: '' }] }],
    });
    expect(checked).toEqual({
      ok: true,
      body: {
        name: 'Μουσακάς',
        category_id: 3,
        price_cents: 1250,
        vat_rate_bp: 2400,
        printer_id: null,
        stock_remaining: 10,
        options: [{ name: 'Διπλή μερίδα', extra_cost_cents: 400 }],
        ingredients: [{ name: 'Κρεμμύδι' }],
        preference_sets: [{ name: 'Ψήσιμο', is_required: true, choices: [{ name: 'Καλοψημένο', price_delta_cents: 0 }] }],
      },
    });
  });

  it('refuses what the appliance would refuse, field by field', () => {
    const checked = validateProduct({
      ...emptyDraft(),
      price: 'δώδεκα',
      vat: '130',
      stock: '2.5',
      options: [{ name: '', extra: '1' }],
      preference_sets: [{ name: 'Ψήσιμο', is_required: true, choices: [] }],
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: 'menu.error.name',
        category_id: 'menu.error.category',
        price: 'menu.error.price',
        vat: 'menu.error.vat',
        stock: 'menu.error.stock',
        options: 'menu.error.options',
        preference_sets: 'menu.error.preferences',
      },
    });
    expect(validateProduct({ ...emptyDraft(1), name: 'Χ', price: '100000,01' })).toMatchObject({ ok: false, errors: { price: 'menu.error.price' } });
  });

  it('says on screen what is missing when the manager saves an empty form, and sends nothing', () => {
    queryClient.setQueryData(categories.query.queryKey, []);
    queryClient.setQueryData(printersQuery.queryKey, []);
    renderWithData(<ProductEditor product={undefined} categoryId={undefined} onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Αποθήκευση' }));
    expect(screen.getByText('Δώστε όνομα (έως 80 χαρακτήρες).')).toBeTruthy();
    expect(screen.getByText('Δώστε τιμή, π.χ. 12,50.')).toBeTruthy();
  });
});
