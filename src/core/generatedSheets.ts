// Toetsblad's own sheets: their names, and how we recognise them so that a
// user's sheet that merely shares a name is never overwritten.

import type { WorkbookSnapshot, SheetSnapshot } from './workbook/snapshot';
import { cellText, cellValue } from './workbook/snapshot';

export const GENERATED_MARKER = 'Gegenereerd door Toetsblad; wordt bij vernieuwen opnieuw opgebouwd.';

export const SHEET = {
  overview: 'TB Overzicht',
  findings: 'TB Bevindingen',
  risk: 'TB Risicokaart',
  budget: 'TB Begroting',
  norms: 'TB Normen',
  normDefinitions: 'TB Normdefinities',
  settings: 'TB Instellingen',
} as const;

export type GeneratedSheetId = keyof typeof SHEET;

/** Sheets the user edits (settings, norm definitions): created once, then read as input. */
export const USER_EDITABLE: ReadonlySet<string> = new Set([SHEET.settings, SHEET.normDefinitions]);

/** A sheet is ours when cell A2 starts with the marker. */
export function isGeneratedSheet(sheet: SheetSnapshot): boolean {
  return cellText(cellValue(sheet, 1, 0)).startsWith(GENERATED_MARKER.slice(0, 26));
}

/** The user's own sheets: everything detection and checks may look at. */
export function userSheets(wb: WorkbookSnapshot): SheetSnapshot[] {
  return wb.sheets.filter((s) => !isGeneratedSheet(s));
}

/** Generated sheets present in the workbook (for removal). */
export function generatedSheetNames(wb: WorkbookSnapshot): string[] {
  return wb.sheets.filter(isGeneratedSheet).map((s) => s.name);
}
