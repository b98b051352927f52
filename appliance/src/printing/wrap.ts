const length = (text: string) => [...text].length;

/**
 * Breaks text into lines of at most `width` characters, at spaces where it can; only a word
 * longer than a whole line is split. Continuation lines start with `indent` spaces.
 */
export function wrap(text: string, width: number, indent = 0): string[] {
  const pad = ' '.repeat(Math.max(0, Math.min(indent, width - 1)));
  const lines: string[] = [];
  const capacity = () => width - (lines.length === 0 ? 0 : pad.length);
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (current !== '' && length(current) + 1 + length(word) <= capacity()) {
      current += ` ${word}`;
      continue;
    }
    if (current !== '') lines.push(current);
    let rest = [...word];
    while (rest.length > capacity()) {
      const cut = capacity();
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    current = rest.join('');
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines.map((line, index) => (index === 0 ? line : pad + line));
}
