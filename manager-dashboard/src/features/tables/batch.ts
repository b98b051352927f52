/** "Β1–Β8", "Β1-8" or "Κ 10 - 14": a prefix and a numbered run, as the appliance's batch creation takes it. */
export function parseBatch(text: string): { prefix: string; from: number; count: number } | undefined {
  const match = /^\s*(\D*?)\s*(\d{1,6})\s*[-–—]\s*(\D*?)\s*(\d{1,6})\s*$/u.exec(text);
  if (!match) return undefined;
  const [, prefix = '', first = '', secondPrefix = '', last = ''] = match;
  if (secondPrefix && secondPrefix !== prefix) return undefined;
  const from = Number(first);
  const count = Number(last) - from + 1;
  if (count < 1 || count > 200 || prefix.length > 10) return undefined;
  return { prefix, from, count };
}
