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
  let currentLength = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const wordLength = length(word);
    if (current !== '' && currentLength + 1 + wordLength <= capacity()) {
      current += ` ${word}`;
      currentLength += 1 + wordLength;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    currentLength = wordLength;
    while (currentLength > capacity()) {
      const chars = [...current];
      const cut = capacity();
      lines.push(chars.slice(0, cut).join(''));
      current = chars.slice(cut).join('');
      currentLength -= cut;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines.map((line, index) => (index === 0 ? line : pad + line));
}
