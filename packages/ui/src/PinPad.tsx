import { useEffect } from 'react';

type Props = {
  length: number;
  maxLength?: number;
  disabled?: boolean;
  labels: { pin: string; delete: string; submit: string };
  onDigit(digit: string): void;
  onDelete(): void;
  onSubmit(): void;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A large PIN pad: each key is a button named by its digit; a hardware keyboard works too. */
export function PinPad({ length, maxLength = 8, disabled = false, labels, onDigit, onDelete, onSubmit }: Props) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (disabled || event.altKey || event.ctrlKey || event.metaKey) return;
      if (/^\d$/.test(event.key)) onDigit(event.key);
      else if (event.key === 'Backspace') onDelete();
      else if (event.key === 'Enter') onSubmit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [disabled, onDigit, onDelete, onSubmit]);

  return (
    <div className="pin">
      <div className="pin-dots" role="img" aria-label={`${labels.pin}: ${length}`}>
        {Array.from({ length: Math.max(4, length) }, (_, index) => (
          <span key={index} className={index < length ? 'pin-dot filled' : 'pin-dot'} />
        ))}
      </div>
      <div className="pin-keys">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className="pin-key" disabled={disabled || length >= maxLength} onClick={() => onDigit(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="pin-key pin-key-secondary" aria-label={labels.delete} disabled={disabled || length === 0} onClick={onDelete}>
          ⌫
        </button>
        <button type="button" className="pin-key" disabled={disabled || length >= maxLength} onClick={() => onDigit('0')}>
          0
        </button>
        <button type="button" className="pin-key pin-key-submit" disabled={disabled || length < 4} onClick={onSubmit}>
          {labels.submit}
        </button>
      </div>
    </div>
  );
}
