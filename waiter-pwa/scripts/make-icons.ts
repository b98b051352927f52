/**
 * Draws the app's icons as PNG files in public/icons/ (no image tools needed): a dark tile
 * with a terracotta "T" and two dice pips. Run with `npm -w waiter-pwa run icons`; the
 * results are committed, so a build never depends on this script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x1f, 0x24, 0x30];
const ACCENT: Rgb = [0xe0, 0x7a, 0x5f];
const CREAM: Rgb = [0xf4, 0xf1, 0xde];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of size×size whose pixels come from `paint(x, y)` in the unit square. */
function png(size: number, paint: (x: number, y: number) => readonly [number, number, number, number]): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = paint((x + 0.5) / size, (y + 0.5) / size);
      rows.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The glyph in a unit square: a "T" and two pips. */
function glyph(x: number, y: number): Rgb | undefined {
  const inTop = x >= 0.2 && x <= 0.8 && y >= 0.22 && y <= 0.36;
  const inStem = x >= 0.42 && x <= 0.58 && y >= 0.22 && y <= 0.8;
  if (inTop || inStem) return ACCENT;
  const pip = (cx: number, cy: number) => (x - cx) ** 2 + (y - cy) ** 2 <= 0.065 ** 2;
  if (pip(0.25, 0.7) || pip(0.75, 0.7)) return CREAM;
  return undefined;
}

function icon(size: number, { maskable }: { maskable: boolean }): Buffer {
  const scale = maskable ? 0.7 : 1; // maskable icons keep their content inside the 80 % safe zone
  const radius = maskable ? 0 : 0.18;
  return png(size, (x, y) => {
    const dx = Math.max(radius - x, 0, x - (1 - radius));
    const dy = Math.max(radius - y, 0, y - (1 - radius));
    if (radius > 0 && dx * dx + dy * dy > radius * radius) return [0, 0, 0, 0];
    const colour = glyph((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5) ?? BACKGROUND;
    return [...colour, 255];
  });
}

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
fs.mkdirSync(outDir, { recursive: true });
const files: Array<[string, Buffer]> = [
  ['icon-192.png', icon(192, { maskable: false })],
  ['icon-512.png', icon(512, { maskable: false })],
  ['maskable-512.png', icon(512, { maskable: true })],
  ['apple-touch-icon.png', icon(180, { maskable: true })],
  ['favicon-32.png', icon(32, { maskable: false })],
];
for (const [name, data] of files) {
  fs.writeFileSync(path.join(outDir, name), data);
  console.log(`${name}: ${data.length} bytes`);
}
