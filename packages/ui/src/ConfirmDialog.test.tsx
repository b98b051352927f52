import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

describe('a confirmation that needs a reason', () => {
  afterEach(() => cleanup());

  const open = () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog
        title="Ακύρωση είδους"
        confirmLabel="Ακύρωση είδους"
        cancelLabel="Πίσω"
        reasonLabel="Αιτία"
        danger
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>2 × Μουσακάς</p>
      </ConfirmDialog>,
    );
    return { onConfirm, onCancel };
  };

  it('cannot be confirmed until a reason is typed, then hands over the reason trimmed', () => {
    const { onConfirm } = open();
    const confirm = screen.getByRole('button', { name: 'Ακύρωση είδους', hidden: true });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Αιτία'), { target: { value: '  λάθος τραπέζι ' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('λάθος τραπέζι');
  });

  it('goes back without acting', () => {
    const { onConfirm, onCancel } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Πίσω', hidden: true }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
