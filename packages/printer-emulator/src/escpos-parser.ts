import iconv from 'iconv-lite';

/** ESC t n → encoding, as common Greek-capable printers number their code pages. */
export const CODE_PAGES: Record<number, string> = {
  0: 'cp437',
  14: 'cp737', // Epson: PC737 Greek
  15: 'iso88597',
  16: 'cp1252',
  29: 'cp737', // Jolimark TP850UE: PC737 Greek
};

export type Align = 'left' | 'center' | 'right';
export type PrintedLine = { text: string; bold: boolean; width: number; height: number; align: Align };

/** One ticket as the printer saw it: what it printed, how, and the code pages it was told to use. */
export type ParsedTicket = {
  lines: PrintedLine[];
  text: string;
  /** Every `ESC t n` received, in order. */
  codePages: number[];
  /** The `#N` job number in the header, if there is one. */
  jobNumber: number | undefined;
  cut: boolean;
  unknownCommands: string[];
  bytes: Buffer;
};

const ESC = 0x1b;
const GS = 0x1d;
const ALIGNS: Align[] = ['left', 'center', 'right'];
const fresh = () => ({ bold: false, width: 1, height: 1, align: 'left' as Align, encoding: 'cp437' });

/** An incremental ESC/POS parser: bytes in (in any chunks), tickets out at every cut. */
export function createEscPosParser(onTicket: (ticket: ParsedTicket) => void) {
  let pending: Buffer = Buffer.alloc(0);
  let style = fresh();
  let lines: PrintedLine[] = [];
  let codePages: number[] = [];
  let unknownCommands: string[] = [];
  let raw: Buffer[] = [];
  let lineText = '';
  let lineBytes: number[] = [];
  let lineStyle: PrintedLine | undefined;
  /** Where the current ticket's bytes start in the buffer being parsed. */
  let ticketFrom = 0;

  const decodeRun = () => {
    if (lineBytes.length > 0) lineText += iconv.decode(Buffer.from(lineBytes), style.encoding);
    lineBytes = [];
  };
  const styled = (text: string): PrintedLine => ({ text, bold: style.bold, width: style.width, height: style.height, align: style.align });
  const endLine = () => {
    decodeRun();
    lines.push({ ...(lineStyle ?? styled('')), text: lineText });
    lineText = '';
    lineStyle = undefined;
  };
  const flushOpenLine = () => {
    if (lineStyle) endLine();
  };
  const ticket = (cut: boolean): ParsedTicket => {
    const text = lines.map((line) => line.text).join('\n');
    const number = /#(\d+)\s*$/m.exec(text)?.[1];
    return { lines, text, codePages, jobNumber: number === undefined ? undefined : Number(number), cut, unknownCommands, bytes: Buffer.concat(raw) };
  };
  const startTicket = () => {
    lines = [];
    codePages = [];
    unknownCommands = [];
    raw = [];
  };

  /** Applies the command at buf[i]; returns the bytes it took, or 0 if it is not all here yet. */
  function command(buf: Buffer, i: number): number {
    const need = (n: number) => i + n <= buf.length;
    if (!need(2)) return 0;
    const prefix = buf[i]!;
    const code = buf[i + 1]!;
    const arg = buf[i + 2];
    const withArg = (apply: (n: number) => void) => {
      if (arg === undefined) return 0;
      apply(arg);
      return 3;
    };
    if (prefix === ESC) {
      if (code === 0x40) {
        flushOpenLine();
        style = fresh();
        return 2;
      }
      if (code === 0x74)
        return withArg((n) => {
          decodeRun();
          codePages.push(n);
          style.encoding = CODE_PAGES[n] ?? 'cp437';
        });
      if (code === 0x21) return withArg((n) => Object.assign(style, { bold: (n & 0x08) !== 0, height: n & 0x10 ? 2 : 1, width: n & 0x20 ? 2 : 1 }));
      if (code === 0x45) return withArg((n) => (style.bold = (n & 1) === 1));
      if (code === 0x61) return withArg((n) => (style.align = ALIGNS[n % 48] ?? 'left'));
      if (code === 0x64)
        return withArg((n) => {
          flushOpenLine();
          for (let k = 0; k < n; k++) lines.push(styled(''));
        });
    }
    if (prefix === GS) {
      if (code === 0x21) return withArg((n) => Object.assign(style, { width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 }));
      if (code === 0x56) {
        if (arg === undefined || ((arg === 65 || arg === 66) && !need(4))) return 0;
        const used = arg === 65 || arg === 66 ? 4 : 3;
        flushOpenLine();
        raw.push(buf.subarray(ticketFrom, i + used));
        ticketFrom = i + used;
        onTicket(ticket(true));
        startTicket();
        return used;
      }
    }
    unknownCommands.push(`${prefix === ESC ? 'ESC' : 'GS'} 0x${code.toString(16)}`);
    return 2;
  }

  return {
    feed(chunk: Buffer) {
      const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let i = 0;
      ticketFrom = 0;
      while (i < buf.length) {
        const byte = buf[i]!;
        if (byte === ESC || byte === GS) {
          const used = command(buf, i);
          if (used === 0) break;
          i += used;
          continue;
        }
        if (byte === 0x0a) endLine();
        else if (byte !== 0x0d) {
          if (!lineStyle) lineStyle = styled('');
          if (style.bold) lineStyle.bold = true;
          lineBytes.push(byte);
        }
        i++;
      }
      raw.push(buf.subarray(ticketFrom, i));
      pending = buf.subarray(i);
    },
    /** What arrived after the last cut (a ticket cut short), if anything. */
    end(): ParsedTicket | undefined {
      flushOpenLine();
      const rest = ticket(false);
      return rest.lines.length > 0 || rest.bytes.length > 0 ? rest : undefined;
    },
  };
}
