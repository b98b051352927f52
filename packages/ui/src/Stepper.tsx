type Props = { value: number; min?: number; max?: number; label: string; fewerLabel: string; moreLabel: string; onChange(value: number): void };

/** − value + with thumb-sized buttons. */
export function Stepper({ value, min = 1, max = 999, label, fewerLabel, moreLabel, onChange }: Props) {
  return (
    <div className="stepper" role="group" aria-label={label}>
      <button type="button" aria-label={fewerLabel} disabled={value <= min} onClick={() => onChange(value - 1)}>
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button type="button" aria-label={moreLabel} disabled={value >= max} onClick={() => onChange(value + 1)}>
        +
      </button>
    </div>
  );
}
