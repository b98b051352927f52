/** Text folding for search: "σουβλακι", "ΣΟΥΒΛΆΚΙ" and "souvlaki" all find "Σουβλάκι". */

const GREEKLISH: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Lower case, no accents or diaeresis, final sigma as sigma. */
export function foldGreek(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('el').replace(/ς/g, 'σ');
}

/** The folded text in Latin letters, as waiters type on a phone without a Greek keyboard. */
export function toGreeklish(folded: string): string {
  return folded
    .replace(/ου/g, 'ou')
    .replace(/αι/g, 'ai')
    .replace(/ει|οι/g, 'i')
    .replace(/μπ/g, 'b')
    .replace(/ντ/g, 'nt')
    .replace(/[α-ω]/g, (letter) => GREEKLISH[letter] ?? letter);
}

/** Every word of the query appears in the text (Greek, accent-insensitive, or in greeklish). */
export function matchesQuery(text: string, query: string): boolean {
  const words = foldGreek(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const folded = foldGreek(text);
  const latin = toGreeklish(folded);
  return words.every((word) => folded.includes(word) || latin.includes(word) || latin.includes(toGreeklish(word)));
}

/** Greek alphabetical order, numbers by value ("Β2" before "Β10"); one collator, as building one per comparison is slow. */
export const compareGreek = new Intl.Collator('el', { numeric: true }).compare;

/** Menu order: the manager's sort order, then the name. */
export const bySortOrder = (a: { sort_order: number; name: string }, b: { sort_order: number; name: string }) =>
  a.sort_order - b.sort_order || compareGreek(a.name, b.name);

/** Floor order: the manager's sort order, then the label ("Β2" before "Β10"). */
export const byPlace = (a: { sort_order: number; label: string }, b: { sort_order: number; label: string }) =>
  a.sort_order - b.sort_order || compareGreek(a.label, b.label);
