import iconv from 'iconv-lite';

/** What a code page usually lacks, said with what it has: tried before anything cleverer. */
const REPLACEMENTS: Record<string, string> = {
  '€': 'EUR',
  ΐ: 'ϊ',
  ΰ: 'ϋ',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‹': '<',
  '›': '>',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '×': 'x',
  '•': '*',
  '·': '.',
  '\u00a0': ' ',
  '\u202f': ' ',
};

// ELOT 743, so a Greek menu still reads on a printer left on a Latin code page.
const GREEK_TO_LATIN: Record<string, string> = {
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
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

const UNKNOWN = '*';
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/u;
const cache = new Map<string, { greek: boolean; chars: Map<string, string> }>();

function encodable(char: string, encoding: string): boolean {
  return iconv.decode(iconv.encode(char, encoding), encoding) === char;
}

function greekToLatin(char: string): string | undefined {
  const lower = char.toLowerCase();
  const latin = GREEK_TO_LATIN[lower];
  if (latin === undefined || lower === char) return latin;
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

function stripMarks(text: string, form: 'NFD' | 'NFKD'): string {
  return text.normalize(form).replace(/\p{M}/gu, '');
}

/** One character as the code page can print it: itself, a known stand-in, or plain ASCII. */
function printable(char: string, encoding: string, depth = 0): string {
  if (encodable(char, encoding)) return char;
  if (depth > 3) return UNKNOWN;
  const again = (text: string) => [...text].map((c) => printable(c, encoding, depth + 1)).join('');
  const replacement = REPLACEMENTS[char];
  if (replacement !== undefined) return again(replacement);
  for (const form of ['NFD', 'NFKD'] as const) {
    const plain = stripMarks(char, form);
    if (plain !== char && plain !== '') return again(plain);
  }
  const latin = greekToLatin(char);
  if (latin !== undefined) return latin;
  return /\s/u.test(char) ? ' ' : UNKNOWN;
}

/** A code page with a few Greek letters among its symbols (cp437's α, σ, Σ) is no Greek code page. */
const hasGreekAlphabet = (encoding: string) => [...'αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ'].every((c) => encodable(c, encoding));

const OU: Array<[RegExp, string]> = [
  [/ο[υύ]/gu, 'ou'],
  [/Ο[ΥΎ]/gu, 'OU'],
  [/Ο[υύ]/gu, 'Ou'],
];

/** Greek for a Latin-only page: accents off, "ου" as "ou", then letter by letter (ELOT 743). */
const toLatinGreek = (char: string) => {
  const plain = stripMarks(char, 'NFD');
  return greekToLatin(plain) ?? plain;
};

/**
 * Text as the printer's code page can show it: NFC first (so "ά" is one character, as the code
 * page has it), control characters blanked (a note must never smuggle in an ESC/POS command),
 * and every character the page lacks transliterated, never left for the encoder to turn into "?".
 */
export function transliterate(text: string, encoding: string): string {
  let page = cache.get(encoding);
  if (!page) cache.set(encoding, (page = { greek: hasGreekAlphabet(encoding), chars: new Map() }));
  let clean = text.normalize('NFC').replace(/\p{Cc}/gu, ' ');
  if (!page.greek) clean = OU.reduce((text, [pattern, latin]) => text.replace(pattern, latin), clean);
  let out = '';
  for (const char of clean) {
    let shown = page.chars.get(char);
    if (shown === undefined) page.chars.set(char, (shown = !page.greek && GREEK.test(char) ? toLatinGreek(char) : printable(char, encoding)));
    out += shown;
  }
  return out;
}
