/** VAT contained in a VAT-inclusive gross amount, rounded to the nearest cent. */
export function vatIncluded(grossCents: number, rateBp: number): number {
  return Math.round((grossCents * rateBp) / (10_000 + rateBp));
}
