import { formatPrice } from '@tavli/i18n/money';

/** An amount in the restaurant's currency, Greek formatting ("12,50 €"). */
export function Price({ cents, className }: { cents: number; className?: string }) {
  return <span className={className ? `price ${className}` : 'price'}>{formatPrice(cents)}</span>;
}
