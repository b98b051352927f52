/** The few ESC/POS commands the appliance sends, as bytes. */
const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
/** normal; tall = double height (read from the pass); big = double height and width. */
export type Size = 'normal' | 'tall' | 'big';

const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };
const SIZE: Record<Size, number> = { normal: 0x00, tall: 0x01, big: 0x11 };

export const escpos = {
  /** ESC @ resets the printer, code page included, so ESC t n always follows it. */
  start: (codePage: number) => Buffer.from([ESC, 0x40, ESC, 0x74, codePage]),
  align: (align: Align) => Buffer.from([ESC, 0x61, ALIGN[align]]),
  bold: (on: boolean) => Buffer.from([ESC, 0x45, on ? 1 : 0]),
  size: (size: Size) => Buffer.from([GS, 0x21, SIZE[size]]),
  lineFeed: Buffer.from([LF]),
  feed: (lines: number) => Buffer.from([ESC, 0x64, lines]),
  /** GS V 66 n: feed n dots past the cutter, then a partial cut. */
  cut: Buffer.from([GS, 0x56, 66, 0]),
};

/** Characters per line at a size on a printer with `columns` normal-width columns. */
export const widthAt = (columns: number, size: Size) => (size === 'big' ? Math.floor(columns / 2) : columns);
