import { useT } from '../../../i18n/i18n';
import { formatPrice } from '@tavli/i18n/money';

type Props = {
  draftCount: number;
  draftCents: number;
  /** Sent and new together: what the table would pay. */
  totalCents: number;
  reviewing: boolean;
  sending: boolean;
  onToggleReview(): void;
  onSend(): void;
};

/** Always the same height at the bottom: what is new, and the Send button. */
export function SendBar({ draftCount, draftCents, totalCents, reviewing, sending, onToggleReview, onSend }: Props) {
  const t = useT();
  return (
    <footer className="send-bar">
      <button type="button" className="button review-toggle" aria-expanded={reviewing} onClick={onToggleReview}>
        <span className="review-label">{reviewing ? t('order.hideReview') : t('order.review')}</span>
        <span className="review-summary">
          {draftCount > 0 ? t('order.newLines', { count: draftCount, amount: formatPrice(draftCents) }) : t('order.total', { amount: formatPrice(totalCents) })}
        </span>
      </button>
      <button type="button" className={sending ? 'button primary send sending' : 'button primary send'} disabled={draftCount === 0} onClick={onSend}>
        {t('order.send')}
      </button>
    </footer>
  );
}
