import { useT } from '../../../i18n/i18n';
import { formatPrice, restaurantCurrency } from '@tavli/i18n/money';
import { AmountInput } from '@tavli/ui/AmountInput';
import { useBill, type PaymentMethod } from '../store';

const METHODS: PaymentMethod[] = ['cash', 'card', 'other'];
const TIPS = [0, 50, 100, 200];
const NOTES = [500, 1000, 2000, 5000];

/** Cash, card or other; an optional tip; for cash, what was handed over and the change due. */
export function PaymentPanel({ amountCents }: { amountCents: number }) {
  const t = useT();
  const { method, tipCents, givenCents, setMethod, setTip, setGiven } = useBill();
  const currency = restaurantCurrency();
  const due = amountCents + tipCents;
  const change = givenCents === undefined ? undefined : givenCents - due;
  return (
    <section className="payment" aria-label={t('bill.method')}>
      <fieldset className="segmented">
        <legend>{t('bill.method')}</legend>
        {METHODS.map((option) => (
          <label key={option} className={method === option ? 'segment active' : 'segment'}>
            <input type="radio" name="method" checked={method === option} onChange={() => setMethod(option)} />
            {t(`bill.${option}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="quick-row">
        <legend>{t('bill.tip')}</legend>
        {TIPS.map((cents) => (
          <button key={cents} type="button" className="chip-button" aria-pressed={tipCents === cents} onClick={() => setTip(cents)}>
            {cents === 0 ? t('bill.noTip') : formatPrice(cents)}
          </button>
        ))}
        <AmountInput label={t('bill.tipAmount', { currency })} cents={tipCents || undefined} onChange={(cents) => setTip(cents ?? 0)} />
      </fieldset>
      <fieldset className="quick-row" disabled={method !== 'cash'}>
        <legend>{t('bill.given')}</legend>
        <button type="button" className="chip-button" onClick={() => setGiven(due)}>
          {t('bill.exact')}
        </button>
        {NOTES.map((cents) => (
          <button key={cents} type="button" className="chip-button" aria-pressed={givenCents === cents} onClick={() => setGiven(cents)}>
            {formatPrice(cents)}
          </button>
        ))}
        <AmountInput label={t('bill.givenAmount', { currency })} cents={givenCents} onChange={setGiven} />
      </fieldset>
      <p className={change !== undefined && change < 0 ? 'change short' : 'change'} aria-live="polite">
        {method === 'cash' && change !== undefined
          ? change >= 0
            ? t('bill.change', { amount: formatPrice(change) })
            : t('bill.short', { amount: formatPrice(-change) })
          : '\u00a0'}
      </p>
    </section>
  );
}
