// Per-risk live cells in the generated sheet: references to the register's
// scores, kans × schade, and the band label, each with its engine value.

import type { Scalar } from '../../plan/plan';
import { a1, sheetRef } from '../../workbook/address';
import type { CellValue } from '../../workbook/snapshot';
import { isCellError } from '../../workbook/snapshot';
import type { Band } from './bands';
import { bandOf } from './bands';
import type { ScorePair } from './grid';
import type { RiskRegister, RiskRow } from './register';
import type { RiskField } from './schema';

export function cellRef(reg: RiskRegister, r: RiskRow, f: RiskField): string {
  return sheetRef(reg.sheet, a1(r.row, reg.columns[f]!));
}

/** A plain reference to a user cell and what it evaluates to: an empty cell reads as 0. */
export function referenceFormula(reg: RiskRegister, r: RiskRow, f: RiskField): { f: string; v: Scalar } {
  const v: CellValue = r.cells[f] ?? null;
  return { f: cellRef(reg, r, f), v: v === null ? 0 : isCellError(v) ? null : v };
}

/**
 * kans × schade when both cells hold numbers, else "". LibreOffice counts
 * TRUE/FALSE as numbers in ISNUMBER and Excel does not; the ISLOGICAL guard
 * makes both leave them out, as the engine does.
 */
export function effectFormula(reg: RiskRegister, r: RiskRow, pair: ScorePair): { f: string; v: number | '' } {
  const k = cellRef(reg, r, pair.kans);
  const s = cellRef(reg, r, pair.schade);
  const kv = r.cells[pair.kans] ?? null;
  const sv = r.cells[pair.schade] ?? null;
  return {
    f: `IF(AND(ISNUMBER(${k}),ISNUMBER(${s}),NOT(ISLOGICAL(${k})),NOT(ISLOGICAL(${s}))),${k}*${s},"")`,
    v: typeof kv === 'number' && typeof sv === 'number' ? kv * sv : '',
  };
}

/** The band label of the effect in `effectRef` ("" stays ""), nested IFs built from the bands. */
export function bandLabelFormula(effectRef: string, effect: number | '', bands: Band[]): { f: string; v: string } {
  let f = `"${bands[0].label}"`;
  for (const b of bands.slice(1)) f = `IF(${effectRef}>=${b.min},"${b.label}",${f})`;
  return { f: `IF(${effectRef}="","",${f})`, v: effect === '' ? '' : bandOf(effect, bands).label };
}

/**
 * "Ja" when a cell is filled in, "Nee" when it is empty or only spaces. TRIM
 * rather than ISBLANK: an empty string is blank to LibreOffice but not to the
 * snapshot; an error value counts as filled in.
 */
export function filledFormula(reg: RiskRegister, r: RiskRow, f: RiskField): { f: string; v: 'Ja' | 'Nee' } {
  const ref = cellRef(reg, r, f);
  const v: CellValue = r.cells[f] ?? null;
  const filled = v !== null && (typeof v !== 'string' || v.replace(/ /g, '') !== '');
  return { f: `IF(ISERROR(${ref}),"Ja",IF(LEN(TRIM(${ref}))=0,"Nee","Ja"))`, v: filled ? 'Ja' : 'Nee' };
}
