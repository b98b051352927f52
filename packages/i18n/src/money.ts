/** Prices: integer cents in, the restaurant's currency out, always with Greek number formatting. */

const formatters = new Map<string, Intl.NumberFormat>();

/** The appliance writes its currency into index.html (`<meta name="tavli-currency">`). */
export function restaurantCurrency(): string {
  if (typeof document === 'undefined') return 'EUR';
  const value = document.querySelector<HTMLMetaElement>('meta[name="tavli-currency"]')?.content.trim();
  return value && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : 'EUR';
}

export function formatPrice(cents: number, currency: string = restaurantCurrency()): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('el-GR', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

/** "12,5" or "12.50" typed by a waiter → 1250; undefined when it is not an amount. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}
