// Reading amount cells twice: as the provider meant them (Dutch text parsed)
// and as a spreadsheet formula sees them (SUM and N() count text as 0). The
// checks use the first; the engine values of generated formulas the second.

import { parseNumberCell } from '../../parse/number';
import type { CellValue } from '../../workbook/snapshot';
import { isBlank, isCellError } from '../../workbook/snapshot';

export type AmountSource = 'number' | 'text' | 'dash' | 'blank' | 'other' | 'error';

export interface Amount {
  /** The number the provider meant, or null (blank, words, error). */
  value: number | null;
  /** What SUM() sees in a referenced cell: real numbers only, everything else 0. */
  sheetValue: number;
  /** What N() gives: as sheetValue, except TRUE is 1. */
  nValue: number;
  /**
   * What Toetsblad's own formulas compute for the cell (formulas.amountRef):
   * a number typed as text ("€ 64.000") is read as the provider meant it, so a
   * correct subtotal over it is not reported as wrong; otherwise as N().
   */
  formulaValue: number;
  source: AmountSource;
  raw: CellValue;
}

export function readAmount(raw: CellValue): Amount {
  if (isBlank(raw)) return { value: null, sheetValue: 0, nValue: 0, formulaValue: 0, source: 'blank', raw };
  if (isCellError(raw)) return { value: null, sheetValue: 0, nValue: 0, formulaValue: 0, source: 'error', raw };
  if (typeof raw === 'boolean') return { value: null, sheetValue: 0, nValue: raw ? 1 : 0, formulaValue: raw ? 1 : 0, source: 'other', raw };
  if (typeof raw === 'number') {
    return Number.isFinite(raw)
      ? { value: raw, sheetValue: raw, nValue: raw, formulaValue: raw, source: 'number', raw }
      : { value: null, sheetValue: 0, nValue: 0, formulaValue: 0, source: 'other', raw };
  }
  // A footnote mark on an amount ("220.000*", "16.322.407¹") does not make it words.
  // Dutch whole euros are often written "€ 100.000,-" or "€ 45.000, --".
  const text = String(raw).trim().replace(/\s*(\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\))$/, '');
  const p = parseNumberCell(raw) ?? parseNumberCell(text) ?? parseNumberCell(text.replace(/,\s*[-–]{1,2}$/, ''));
  if (!p || p.percent) return { value: null, sheetValue: 0, nValue: 0, formulaValue: 0, source: 'other', raw };
  const source = p.source === 'dash' ? 'dash' : 'text';
  return { value: p.value, sheetValue: 0, nValue: 0, formulaValue: source === 'text' ? p.value : 0, source, raw };
}

/** Excel's ROUND: half away from zero, after snapping binary noise to 15 significant digits. */
export function roundExcel(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = (Math.sign(x) * Math.round(scaled)) / f;
  return r === 0 ? 0 : r;
}

export { cents, decimalsOf } from '../../rounding';

/**
 * An explanation is present, as the sheet's formula decides it: text other than
 * spaces or a lone "-" (TRIM strips spaces only), or any non-text value.
 */
export function hasContent(v: CellValue): boolean {
  if (v === null) return false;
  if (typeof v === 'string') {
    const t = v.replace(/ +/g, '');
    return t !== '' && t !== '-';
  }
  return true;
}
