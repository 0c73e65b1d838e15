// Column widths and row heights from the content, so every generated sheet
// reads without cut-off text: in Excel, Excel on the web and LibreOffice.
// Neither Excel on the web nor LibreOffice grows a row for wrapped text that
// was written by a program, so row heights are set here, not left to hosts.
//
// Widths are in Excel's unit: the width of the digit '0' in the default font.

import { parseRange } from '../workbook/address';
import type { PositionedCell, SheetSpec } from './plan';
import { LOOKS } from './styles';

/** A column grows to fit its content up to this width; longer text wraps. */
export const MAX_COLUMN_WIDTH = 48;
/** Columns no one gave a width start at Excel's default. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** Points per line of 11-point text. */
export const LINE_HEIGHT = 15;
/** Cell padding, in the same unit as the width. */
const PADDING = 1.2;

const NARROW = new Set([...'iljtf.,:;!|\'"()[]{} -/\\']);
const WIDE = new Set([...'mwMW@%€—']);

/** Width of one character relative to '0' in a proportional sans font (Calibri; its fallbacks are a little wider). */
function charWidth(ch: string): number {
  if (NARROW.has(ch)) return 0.5;
  if (WIDE.has(ch)) return 1.5;
  if (ch >= 'A' && ch <= 'Z') return 1.2;
  if (ch >= '0' && ch <= '9') return 1;
  return 1.02;
}

/** Display width of a line of text, in '0' widths, at a font size and weight. */
export function textWidth(text: string, size = 11, bold = false): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * (size / 11) * (bold ? 1.1 : 1);
}

/** What a number looks like in its format (close enough for a width: digits, separators, symbols). */
export function formattedNumber(v: number, fmt?: string): string {
  const f = (fmt ?? 'General').split(';')[0];
  if (f === 'General' || f === '@') return String(Math.round(v * 1e9) / 1e9);
  const pct = f.includes('%');
  const decimals = /\.(0+)/.exec(f)?.[1].length ?? 0;
  const n = Math.abs(pct ? v * 100 : v);
  const [int, dec] = n.toFixed(decimals).split('.');
  const grouped = f.includes(',') ? int.replace(/\B(?=(\d{3})+$)/g, '.') : int;
  const digits = dec ? `${grouped},${dec}` : grouped;
  const literal = f.replace(/"([^"]*)"/g, '$1').replace(/[#0.,%\\]|\[[^\]]*]/g, '');
  return `${v < 0 ? '-' : ''}${literal}${digits}${pct ? '%' : ''}`;
}

/** The text a cell shows, one entry per line. */
export function shownLines(cell: PositionedCell): string[] {
  const v = cell.v;
  if (v === null || v === undefined) return [];
  if (typeof v === 'number') return [formattedNumber(v, cell.fmt)];
  if (typeof v === 'boolean') return [v ? 'WAAR' : 'ONWAAR'];
  return v.split('\n');
}

function cellFont(cell: PositionedCell): { size: number; bold: boolean } {
  const look = cell.style ? LOOKS[cell.style] : undefined;
  return { size: look?.size ?? 11, bold: Boolean(look?.bold) };
}

/** The widest line of a cell, padded. */
export function cellWidth(cell: PositionedCell): number {
  const { size, bold } = cellFont(cell);
  return Math.max(0, ...shownLines(cell).map((l) => textWidth(l, size, bold))) + PADDING;
}

/** Lines a wrapped cell takes at a column width (word wrap, long words broken). */
export function wrappedLineCount(cell: PositionedCell, width: number): number {
  const { size, bold } = cellFont(cell);
  const room = Math.max(1, width - PADDING);
  let lines = 0;
  for (const paragraph of shownLines(cell)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/ +/)) {
      const w = textWidth(word, size, bold);
      const add = line === 0 ? w : line + textWidth(' ') + w;
      if (add <= room) line = add;
      else if (line === 0) {
        count += Math.ceil(w / room) - 1;
        line = w % room;
      } else {
        count++;
        line = w > room ? w % room : w;
        if (w > room) count += Math.ceil(w / room) - 1;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

function lineHeight(cell: PositionedCell): number {
  return Math.ceil(LINE_HEIGHT * (cellFont(cell).size / 11));
}

/**
 * Widths from the content and heights for wrapped rows:
 * - a number must always fit (Excel shows ##### otherwise);
 * - text must fit when the cell to its right is not empty (it would be cut off there);
 *   text wider than MAX_COLUMN_WIDTH wraps instead;
 * - a header cell keeps its column's width and wraps over more lines when longer;
 * - explicit widths are the least a column gets;
 * - merged cells and text with an empty right neighbour (titles, notes) overflow freely.
 */
export function fitLayout(spec: SheetSpec): SheetSpec {
  const explicit = new Map<number, number>();
  for (const w of spec.columnWidths) explicit.set(w.col, w.width);
  const merged = new Set<string>();
  for (const m of spec.merges) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) merged.add(`${row}:${col}`);
  }
  const occupied = new Set(spec.cells.filter((c) => c.v !== null && c.v !== undefined && c.v !== '').map((c) => `${c.row}:${c.col}`));
  const need = new Map<number, number>();
  const grow = (col: number, w: number) => need.set(col, Math.max(need.get(col) ?? 0, w));
  const mustFit = (c: PositionedCell) => typeof c.v === 'number' || occupied.has(`${c.row}:${c.col + 1}`);
  for (const c of spec.cells) {
    if (merged.has(`${c.row}:${c.col}`) || c.wrap || shownLines(c).length === 0) continue;
    if (c.style === 'header') {
      // The longest word must fit; the rest wraps.
      const { size, bold } = cellFont(c);
      const words = shownLines(c).flatMap((l) => l.split(/ +/));
      grow(c.col, Math.max(...words.map((w) => textWidth(w, size, bold))) + 1.2);
    } else if (mustFit(c)) grow(c.col, typeof c.v === 'number' ? cellWidth(c) : Math.min(cellWidth(c), MAX_COLUMN_WIDTH));
  }
  const widths = new Map<number, number>();
  for (const col of new Set([...explicit.keys(), ...need.keys()])) {
    const w = Math.max(explicit.get(col) ?? DEFAULT_COLUMN_WIDTH, need.get(col) ?? 0);
    widths.set(col, Math.round(w * 4) / 4);
  }
  const widthOf = (col: number) => widths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  // Text that still does not fit wraps; its row gets the height of its lines.
  const heights = new Map<number, number>();
  for (const h of spec.rowHeights ?? []) heights.set(h.row, h.height);
  const cells = spec.cells.map((c) => {
    if (merged.has(`${c.row}:${c.col}`) || typeof c.v !== 'string' || c.v === '') return c;
    const tooWide = cellWidth(c) > widthOf(c.col) + 0.01;
    const wraps = c.wrap || (tooWide && (c.style === 'header' || mustFit(c)));
    if (!wraps) return c;
    const lines = wrappedLineCount(c, widthOf(c.col));
    if (lines > 1) heights.set(c.row, Math.max(heights.get(c.row) ?? LINE_HEIGHT, lines * lineHeight(c)));
    return c.wrap ? c : { ...c, wrap: true };
  });
  return {
    ...spec,
    cells,
    columnWidths: [...widths.entries()].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
    rowHeights: [...heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
  };
}

/** Total width of the used columns, for checks that a sheet fits a page. */
export function usedWidth(spec: SheetSpec): number {
  const maxCol = spec.cells.reduce((m, c) => Math.max(m, c.col), -1);
  const w = new Map(spec.columnWidths.map((x) => [x.col, x.width]));
  let total = 0;
  for (let c = 0; c <= maxCol; c++) total += w.get(c) ?? DEFAULT_COLUMN_WIDTH;
  return total;
}
