import type { EmulatedTicket } from './emulator.js';

const length = (text: string) => [...text].length;

/** A printed ticket as a framed block of text for a terminal; enlarged lines get heavy side bars. */
export function formatTicket(ticket: EmulatedTicket, columns = 48): string {
  const time = new Date(ticket.receivedAt).toLocaleTimeString('el-GR', { hour12: false });
  const title = `─ ${ticket.printer} · ${time}${ticket.cut ? '' : ' · ΚΟΜΜΕΝΟ'} `;
  const body = ticket.lines.map((line) => {
    const room = Math.max(0, columns - length(line.text));
    const left = line.align === 'center' ? Math.floor(room / 2) : line.align === 'right' ? room : 0;
    const padded = ' '.repeat(left) + line.text;
    const bar = line.height > 1 || line.width > 1 ? '┃' : '│';
    return `${bar} ${padded}${' '.repeat(Math.max(0, columns - length(padded)))} ${bar}`;
  });
  const top = `┌${title}${'─'.repeat(Math.max(0, columns + 2 - length(title)))}┐`;
  const bottom = `└${ticket.cut ? '─ ✂ ' : '─ '}${'─'.repeat(columns - (ticket.cut ? 2 : 0))}┘`;
  return [top, ...body, bottom].join('\n');
}
