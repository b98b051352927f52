import { useEffect, useState } from 'react';
import { parseAmount } from '@tavli/i18n/money';

/** An amount typed by the waiter, kept as text while typing. */
export function AmountInput({ label, cents, onChange }: { label: string; cents: number | undefined; onChange(cents: number | undefined): void }) {
  const [text, setText] = useState(cents ? (cents / 100).toFixed(2).replace('.', ',') : '');
  // Only a change from outside (a quick-amount button) rewrites what the waiter is typing.
  useEffect(() => {
    if (parseAmount(text) !== cents) setText(cents ? (cents / 100).toFixed(2).replace('.', ',') : '');
  }, [cents]);
  return (
    <input
      className="amount-input"
      inputMode="decimal"
      placeholder="0,00"
      aria-label={label}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseAmount(event.target.value));
      }}
    />
  );
}
