// Turning the mapping editor's choices into stored overrides.

import type { Detection } from '../core/features/feature';
import type { MappingOverride, Settings } from '../core/settings/settings';
import { columnLetters, parseRange } from '../core/workbook/address';

export interface MappingChoice {
  kind: string;
  /** Field -> column letter, or '' for "not mapped". */
  columns: Record<string, string>;
}

/** Column letters a table spans, for the editor's drop-downs. */
export function columnsOf(d: Detection): string[] {
  const r = parseRange(d.range);
  const out: string[] = [];
  for (let c = r.left; c <= r.right; c++) out.push(columnLetters(c));
  return out;
}

/**
 * Replace the overrides of one table (sheet + header row) with the user's
 * choice. Only differences from what detection found are stored, so a later
 * version's better detection still helps where the user did not intervene.
 */
export function withMapping(settings: Settings, d: Detection, choice: MappingChoice): Settings {
  const others = settings.mappings.filter((m) => !(m.sheet === d.sheet && m.headerRow === d.headerRow));
  const own: MappingOverride[] = [];
  if (choice.kind !== d.kind) own.push({ sheet: d.sheet, headerRow: d.headerRow, kind: choice.kind, field: '', column: '' });
  if (choice.kind !== 'ignore') {
    for (const field of d.fields) {
      const want = choice.columns[field] ?? '';
      const had = d.columns[field] ?? '';
      // A stored override also survives a re-scan that would otherwise detect a different column.
      const prior = settings.mappings.find((m) => m.sheet === d.sheet && m.headerRow === d.headerRow && m.field === field);
      if (want !== had || prior) own.push({ sheet: d.sheet, headerRow: d.headerRow, kind: choice.kind, field, column: want === '' ? '-' : want });
    }
  }
  return { ...settings, mappings: [...others, ...own] };
}
