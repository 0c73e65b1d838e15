// Applies the user's stored column mapping on top of what detection found.

import { columnIndex, columnLetters } from '../workbook/address';
import type { Settings } from '../settings/settings';
import { mappingsFor } from '../settings/settings';

/** Kind "ignore" in the mapping table hides a detected table. */
export function isIgnored(settings: Settings, sheet: string, headerRow1: number): boolean {
  return mappingsFor(settings, sheet, headerRow1).some((m) => m.kind === 'ignore');
}

/** The kind the user assigned to a table, if any. */
export function overriddenKind(settings: Settings, sheet: string, headerRow1: number): string | undefined {
  return mappingsFor(settings, sheet, headerRow1).find((m) => m.field === '' && m.kind !== '')?.kind;
}

export function applyColumnOverrides<F extends string>(
  columns: Partial<Record<F, number>>,
  settings: Settings,
  sheet: string,
  headerRow1: number,
  kind: string,
  fields: readonly F[],
): Partial<Record<F, number>> {
  const out = { ...columns };
  for (const m of mappingsFor(settings, sheet, headerRow1)) {
    if (m.kind !== kind || !m.field || !(fields as readonly string[]).includes(m.field)) continue;
    if (/^[A-Z]{1,3}$/.test(m.column)) out[m.field as F] = columnIndex(m.column);
    else if (m.column === '' || m.column === '-') delete out[m.field as F];
  }
  return out;
}

export function columnsToLetters(columns: Partial<Record<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(columns)) if (v !== undefined) out[k] = columnLetters(v);
  return out;
}
