import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPrice, parseAmount, restaurantCurrency } from '@tavli/i18n/money';
import { Price } from './Price';

const NBSP = '\u00a0';

describe('prices on screen', () => {
  afterEach(() => document.head.querySelector('meta[name="tavli-currency"]')?.remove());

  it('shows cents as euros with a decimal comma and the sign after the amount', () => {
    const { container } = render(<Price cents={1250} />);
    expect(container.textContent).toBe(`12,50${NBSP}€`);
  });

  it('groups thousands with a dot, the Greek way', () => {
    expect(formatPrice(123450, 'EUR')).toBe(`1.234,50${NBSP}€`);
    expect(formatPrice(0, 'EUR')).toBe(`0,00${NBSP}€`);
  });

  it("uses the restaurant's currency that the appliance writes into the page", () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'tavli-currency', content: 'USD' });
    document.head.append(meta);
    expect(restaurantCurrency()).toBe('USD');
    render(<Price cents={990} />);
    expect(screen.getByText(/^9,90\s\$$/)).toBeTruthy();
  });

  it('falls back to euros when the page names no currency', () => {
    expect(restaurantCurrency()).toBe('EUR');
  });

  it('reads amounts typed with a comma or a dot', () => {
    expect(parseAmount('12,5')).toBe(1250);
    expect(parseAmount('20')).toBe(2000);
    expect(parseAmount('3.05')).toBe(305);
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('1,234')).toBeUndefined();
  });
});
