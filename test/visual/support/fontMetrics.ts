// Advance widths from a TrueType font file (cmap format 4 + hmtx), so the
// visual test measures text with the font LibreOffice actually draws with,
// not with Toetsblad's own estimate.

import * as fs from 'fs';

export interface FontMetrics {
  /** Width of a line of text in units of the digit '0' (Excel's column width unit). */
  zeroWidths(text: string): number;
}

export function loadFontMetrics(file: string): FontMetrics {
  const b = fs.readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = b.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(b.toString('latin1', rec, rec + 4), b.readUInt32BE(rec + 8));
  }
  const hhea = tables.get('hhea')!;
  const numberOfHMetrics = b.readUInt16BE(hhea + 34);
  const hmtx = tables.get('hmtx')!;
  const advance = (glyph: number) => b.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  // cmap: the Unicode BMP subtable (platform 3 encoding 1, or platform 0), format 4.
  const cmap = tables.get('cmap')!;
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const platform = b.readUInt16BE(cmap + 4 + i * 8);
    const encoding = b.readUInt16BE(cmap + 6 + i * 8);
    const offset = cmap + b.readUInt32BE(cmap + 8 + i * 8);
    if (b.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) sub = offset;
  }
  if (sub < 0) throw new Error(`${file}: no format-4 cmap`);
  const segX2 = b.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (code: number): number => {
    for (let i = 0; i < segX2 / 2; i++) {
      if (b.readUInt16BE(ends + 2 * i) < code) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (start > code) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const ro = b.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = b.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const zero = advance(glyphOf('0'.charCodeAt(0)));
  return {
    zeroWidths(text: string): number {
      let w = 0;
      for (const ch of text) w += advance(glyphOf(ch.codePointAt(0)! > 0xffff ? 0xfffd : ch.codePointAt(0)!));
      return w / zero;
    },
  };
}
