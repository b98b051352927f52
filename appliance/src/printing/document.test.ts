import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderBytes, renderText, type PrintDocument } from './document.js';
import { transliterate } from './transliterate.js';
import { wrap } from './wrap.js';

const cp737 = { encoding: 'cp737', code_page: 29, columns: 48 };
const doc = (body: PrintDocument['body']): PrintDocument => ({ title: 'Κουζίνα', banners: [], meta: ['Τραπέζι 4'], body });

describe('what reaches the paper', () => {
  it('keeps every Greek letter code page 737 has, accents and final sigma included', () => {
    const greek = 'Ταραμοσαλάτα, Φάβα Σαντορίνης, Άλφα, ΆΈΉΊΌΎΏ ΪΫ άέήίόύώ ϊϋ ς';
    expect(transliterate(greek, 'cp737')).toBe(greek);
  });

  it('writes characters the code page lacks the way a person would, never as "?"', () => {
    expect(transliterate('Σπέσιαλ ΐ ΰ 5€', 'cp737')).toBe('Σπέσιαλ ϊ ϋ 5EUR');
    expect(transliterate('«Το Τάβλι» – “ωραίο” — ‘καλό’…', 'cp737')).toBe('"Το Τάβλι" - "ωραίο" - \'καλό\'...');
    expect(transliterate('crème brûlée ﬁ 🌶', 'cp737')).toBe('creme brulee fi *');
    expect(transliterate('Μουσακάς, Ούζο', 'cp437')).toBe('Mousakas, Ouzo');
  });

  it('composes decomposed accents first (NFC), as the code page stores them', () => {
    expect(transliterate('ά'.normalize('NFD'), 'cp737')).toBe('ά');
  });

  it('never lets a note smuggle a printer command in', () => {
    const bytes = renderBytes(doc([{ type: 'text', text: 'χωρίς\u001bi αλάτι\u001dV' }]), { jobNumber: 1 }, cp737);
    const start = bytes.indexOf(iconv.encode('χωρίς', 'cp737'));
    const line = bytes.subarray(start, bytes.indexOf(0x0a, start));
    expect(iconv.decode(line, 'cp737')).toBe('χωρίς i αλάτι V');
  });

  it('wraps at the column count between words, splitting only a word longer than a line', () => {
    expect(wrap('Σουβλάκι χοιρινό με πατάτες και σαλάτα', 16, 2)).toEqual(['Σουβλάκι χοιρινό', '  με πατάτες και', '  σαλάτα']);
    expect(wrap('Αααααααααααα', 5)).toEqual(['Ααααα', 'ααααα', 'αα']);
    for (const line of renderText(doc([{ type: 'text', text: 'λέξη '.repeat(40) }]), {}, cp737).split('\n')) {
      expect([...line].length).toBeLessThanOrEqual(48);
    }
  });

  it('starts every job with ESC @ then ESC t n and ends it with a cut', () => {
    const bytes = renderBytes(doc([{ type: 'text', text: '1 x Τζατζίκι', size: 'tall' }]), { jobNumber: 7 }, { ...cp737, code_page: 14 });
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 14]);
    expect([...bytes.subarray(-4)]).toEqual([0x1d, 0x56, 66, 0]);
    expect(bytes.includes(Buffer.from([0x1d, 0x21, 0x01]))).toBe(true);
  });

  it('names the zone on a ticket printed by its fallback printer, with the job number in the header', () => {
    const text = renderText(doc([]), { jobNumber: 12, forZone: 'Κουζίνα' }, cp737);
    expect(text).toContain('ΕΦΕΔΡΙΚΗ ΕΚΤΥΠΩΣΗ - ΓΙΑ: Κουζίνα');
    expect(text).toMatch(/Τραπέζι 4 +#12/);
  });
});
