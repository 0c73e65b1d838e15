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

/** A number as formula text: plain decimal notation, never "1e+21". */
export function literal(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const s = String(x);
  return /e/i.test(s) ? x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

/**
 * A user's amount cell as Toetsblad's formulas read it (engine value:
 * Amount.formulaValue). A number typed as text ("€ 64.000") counts as the
 * number the provider meant, for as long as the cell holds text; once the user
 * types a real number there, the formula follows the cell. Anything else: N().
 */
export function amountRef(sheet: string, row: number, col: number, a: { source: string; value: number | null }): string {
  if (a.source === 'text' && a.value !== null) {
    const r = ref(sheet, row, col);
    return `IF(ISNUMBER(${r}),${r},${literal(a.value)})`;
  }
  return num(sheet, row, col);
}

/** Excel allows 255 arguments; beyond this we write the value instead of a formula. */
const MAX_ARGS = 250;

/**
 * SUM over the parts, consecutive rows of one column merged into one range;
 * null when too long. A part with `textValue` is a number typed as text: SUM
 * skips it, so it is added as IF(ISNUMBER(cell),0,value).
 */
export function sumOf(parts: { sheet: string; row: number; col: number; textValue?: number }[]): string | null {
  const args: string[] = [];
  let i = 0;
  while (i < parts.length) {
    const p = parts[i];
    let j = i;
    while (j + 1 < parts.length && parts[j + 1].sheet === p.sheet && parts[j + 1].col === p.col && parts[j + 1].row === parts[j].row + 1) j++;
    args.push(j === i ? ref(p.sheet, p.row, p.col) : sheetRef(p.sheet, `${a1(p.row, p.col)}:${a1(parts[j].row, p.col)}`));
    i = j + 1;
  }
  const texts = parts.filter((p) => p.textValue !== undefined);
  if (args.length === 0 || args.length + texts.length > MAX_ARGS) return null;
  const corrections = texts.map((p) => {
    const r = ref(p.sheet, p.row, p.col);
    return `+IF(ISNUMBER(${r}),0,${literal(p.textValue!)})`;
  });
  return `SUM(${args.join(',')})${corrections.join('')}`;
}

/** A string literal inside a formula, quotes doubled. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
