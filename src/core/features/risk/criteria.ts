// How the spreadsheet's COUNTIFS sees a cell, so the engine counts exactly
// what the generated formulas count. Verified in LibreOffice 7.4:
// - a numeric criterion matches number cells only, not text such as "3";
// - TRUE/FALSE cells match the criteria 1/0;
// - text criteria "="&x compare case-insensitively, with * ? ~ as wildcards
//   (we escape them, so a werksoort is matched literally).

import type { CellValue } from '../../workbook/snapshot';

/** The number a numeric COUNTIFS criterion would match in this cell, or null. */
export function countifsNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** Key under which COUNTIFS(range, "="&text) groups a text cell; null for non-text. */
export function countifsTextKey(v: CellValue): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  return v.toLowerCase();
}

/** A formula expression that turns the text in `ref` into a literal COUNTIFS criterion. */
export function literalCriterion(ref: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}

/** `{3,3,2}`: an array constant for SUMPRODUCT(COUNTIFS(..., {…})). */
export function arrayConstant(values: number[]): string {
  return `{${values.join(',')}}`;
}
