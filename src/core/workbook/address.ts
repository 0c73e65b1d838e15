// A1-style addressing. Rows and columns are 0-based everywhere in the core;
// only the text forms ("B5", "'Risico''s'!B5") are 1-based, as Excel shows them.

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B5" for row 4, col 1. */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rangeA1(r: RangeRef): string {
  const start = a1(r.top, r.left);
  const end = a1(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}

export function parseRange(ref: string): RangeRef {
  const [s, e] = ref.split(':');
  const start = parseA1(s);
  const end = e ? parseA1(e) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Sheet name as it must appear in a formula: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Risico''s'!$B$5" — a reference for formulas. */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}

/** Absolute whole-column-segment reference, e.g. 'Trajecten'!$D$2:$D$1201. */
export function columnSpan(sheet: string, col: number, top: number, bottom: number): string {
  const c = columnLetters(col);
  return `${quoteSheet(sheet)}!$${c}$${top + 1}:$${c}$${bottom + 1}`;
}
