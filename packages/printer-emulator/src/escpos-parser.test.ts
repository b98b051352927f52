import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createEscPosParser, type ParsedTicket } from './escpos-parser.js';

const ESC = 0x1b;
const GS = 0x1d;

describe('the emulated printer reading ESC/POS', () => {
  const job = Buffer.concat([
    Buffer.from([ESC, 0x40, ESC, 0x74, 29, ESC, 0x61, 1, ESC, 0x45, 1, GS, 0x21, 0x11]),
    iconv.encode('Κουζίνα', 'cp737'),
    Buffer.from([0x0a, ESC, 0x61, 0, ESC, 0x45, 0, GS, 0x21, 0x01]),
    iconv.encode('2 x Σουβλάκι #5', 'cp737'),
    Buffer.from([0x0a, ESC, 0x21, 0x08]),
    iconv.encode('ΧΩΡΙΣ κρεμμύδι', 'cp737'),
    Buffer.from([0x0a, ESC, 0x64, 2, GS, 0x56, 66, 0]),
  ]);

  it('prints decoded lines with their size, weight and alignment, and the code page it was told', () => {
    const tickets: ParsedTicket[] = [];
    createEscPosParser((ticket) => tickets.push(ticket)).feed(job);
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket!.codePages).toEqual([29]);
    expect(ticket!.jobNumber).toBe(5);
    expect(ticket!.cut).toBe(true);
    expect(ticket!.lines.slice(0, 3)).toEqual([
      { text: 'Κουζίνα', bold: true, width: 2, height: 2, align: 'center' },
      { text: '2 x Σουβλάκι #5', bold: false, width: 1, height: 2, align: 'left' },
      { text: 'ΧΩΡΙΣ κρεμμύδι', bold: true, width: 1, height: 1, align: 'left' },
    ]);
    expect(ticket!.bytes.equals(job)).toBe(true);
  });

  it('reads the same ticket however the bytes are split across packets', () => {
    const tickets: ParsedTicket[] = [];
    const parser = createEscPosParser((ticket) => tickets.push(ticket));
    for (let i = 0; i < job.length; i++) parser.feed(job.subarray(i, i + 1));
    expect(tickets.map((t) => t.text)).toEqual([createTicketText()]);
  });

  it('keeps what came before a connection broke off as an uncut fragment', () => {
    const parser = createEscPosParser(() => undefined);
    parser.feed(job.subarray(0, 30));
    expect(parser.end()).toMatchObject({ cut: false, codePages: [29] });
  });
});

function createTicketText() {
  const tickets: ParsedTicket[] = [];
  createEscPosParser((ticket) => tickets.push(ticket)).feed(
    Buffer.concat([
      Buffer.from([0x1b, 0x40, 0x1b, 0x74, 29]),
      iconv.encode('Κουζίνα\n2 x Σουβλάκι #5\nΧΩΡΙΣ κρεμμύδι\n', 'cp737'),
      Buffer.from([0x1b, 0x64, 2, 0x1d, 0x56, 66, 0]),
    ]),
  );
  return tickets[0]!.text;
}
