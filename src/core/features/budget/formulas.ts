// Formula text for references into the user's sheets. User text never enters
// a formula: only sheet names (quoted) and cell addresses do.

import { a1, sheetRef } from '../../workbook/address';

export function ref(sheet: string, row: number, col: number): string {
  return sheetRef(sheet, a1(row, col));
}

/** N(ref): the cell's number, 0 for text or blank, as the engine's `sheetValue`. */
export function num(sheet: string, row: number, col: number): string {
  return `N(${ref(sheet, row, col)})`;
}

/** Excel allows 255 arguments; beyond this we write the value instead of a formula. */
const MAX_ARGS = 250;

/** SUM over the parts, consecutive rows of one column merged into one range; null when too long. */
export function sumOf(parts: { sheet: string; row: number; col: number }[]): string | null {
  const args: string[] = [];
  let i = 0;
  while (i < parts.length) {
    const p = parts[i];
    let j = i;
    while (j + 1 < parts.length && parts[j + 1].sheet === p.sheet && parts[j + 1].col === p.col && parts[j + 1].row === parts[j].row + 1) j++;
    args.push(j === i ? ref(p.sheet, p.row, p.col) : sheetRef(p.sheet, `${a1(p.row, p.col)}:${a1(parts[j].row, p.col)}`));
    i = j + 1;
  }
  if (args.length === 0 || args.length > MAX_ARGS) return null;
  return `SUM(${args.join(',')})`;
}

/** A string literal inside a formula, quotes doubled. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
