import iconv from 'iconv-lite';
import { escpos, widthAt, type Align, type Size } from './escpos.js';
import { TEXT } from './ticket-text.js';
import { transliterate } from './transliterate.js';
import { wrap } from './wrap.js';

type Style = { size?: Size; bold?: boolean };

export type Block =
  /** `margin` spaces before every line; continuation lines are indented `indent` more. */
  | ({ type: 'text'; text: string; align?: Align; margin?: number; indent?: number } & Style)
  /** `left` wrapped, `right` (a price, a job number) flush right on its first line. */
  | ({ type: 'pair'; left: string; right: string } & Style)
  | { type: 'rule' };

/** What a job prints, kept as data so it can be laid out for whichever printer takes it. */
export type PrintDocument = { title: string; banners: string[]; meta: string[]; body: Block[] };

export type PrinterLayout = { encoding: string; code_page: number; columns: number };

/** What only delivery knows: the job number, and the zone a fallback printer prints for. */
export type Delivery = { jobNumber?: number | undefined; forZone?: string | undefined };

type Line = { text: string; size: Size; bold: boolean; align: Align };

const FEED_BEFORE_CUT = 4;

function header(doc: PrintDocument, delivery: Delivery): Block[] {
  const [first = '', ...rest] = doc.meta;
  return [
    { type: 'text', text: doc.title, size: 'big', bold: true, align: 'center' },
    ...(delivery.forZone ? [{ type: 'text' as const, text: TEXT.fallbackFor(delivery.forZone), bold: true, align: 'center' as const }] : []),
    ...doc.banners.map((text): Block => ({ type: 'text', text, size: 'tall', bold: true, align: 'center' })),
    { type: 'pair', left: first, right: delivery.jobNumber === undefined ? '' : `#${delivery.jobNumber}`, size: 'tall', bold: true },
    ...rest.map((text): Block => ({ type: 'text', text })),
    { type: 'rule' },
  ];
}

function layoutBlock(block: Block, printer: PrinterLayout): Line[] {
  if (block.type === 'rule') return [{ text: '-'.repeat(printer.columns), size: 'normal', bold: false, align: 'left' }];
  const size = block.size ?? 'normal';
  const bold = block.bold ?? false;
  const width = widthAt(printer.columns, size);
  const printable = (text: string) => transliterate(text, printer.encoding);
  if (block.type === 'text') {
    const align = block.align ?? 'left';
    const margin = ' '.repeat(Math.min(block.margin ?? 0, width - 1));
    return block.text
      .split('\n')
      .flatMap((paragraph) => wrap(printable(paragraph), width - margin.length, block.indent ?? 0))
      .map((text) => ({ text: margin + text, size, bold, align }));
  }
  const right = printable(block.right);
  const rightWidth = [...right].length;
  const lines = wrap(printable(block.left), Math.max(1, width - rightWidth - 1), 2);
  const first = lines[0] ?? '';
  const gap = Math.max(1, width - [...first].length - rightWidth);
  lines[0] = first + ' '.repeat(gap) + right;
  return lines.map((text) => ({ text, size, bold, align: 'left' as const }));
}

function layout(doc: PrintDocument, delivery: Delivery, printer: PrinterLayout): Line[] {
  return [...header(doc, delivery), ...doc.body].flatMap((block) => layoutBlock(block, printer));
}

/** The job as ESC/POS bytes for this printer: reset, code page, styled lines, feed, cut. */
export function renderBytes(doc: PrintDocument, delivery: Delivery, printer: PrinterLayout): Buffer {
  const parts: Buffer[] = [escpos.start(printer.code_page)];
  let current: Omit<Line, 'text'> = { size: 'normal', bold: false, align: 'left' };
  for (const line of layout(doc, delivery, printer)) {
    if (line.align !== current.align) parts.push(escpos.align(line.align));
    if (line.bold !== current.bold) parts.push(escpos.bold(line.bold));
    if (line.size !== current.size) parts.push(escpos.size(line.size));
    current = line;
    parts.push(iconv.encode(line.text, printer.encoding), escpos.lineFeed);
  }
  parts.push(escpos.align('left'), escpos.bold(false), escpos.size('normal'), escpos.feed(FEED_BEFORE_CUT), escpos.cut);
  return Buffer.concat(parts);
}

/** The same job as plain text, as the printer will show it (the dashboard's preview). */
export function renderText(doc: PrintDocument, delivery: Delivery, printer: PrinterLayout): string {
  return layout(doc, delivery, printer)
    .map(({ text, align }) => {
      const room = Math.max(0, printer.columns - [...text].length);
      if (align === 'left' || room === 0) return text;
      return ' '.repeat(align === 'center' ? Math.floor(room / 2) : room) + text;
    })
    .join('\n');
}
