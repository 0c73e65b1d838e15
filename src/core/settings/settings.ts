// Settings live in the workbook itself (sheet "TB Instellingen"), so the next
// person, or the next half year, gets the same result with one click. Each
// feature declares its own settings; this module only stores and reads them.

import type { Finding } from '../findings/finding';
import { findingKey } from '../findings/finding';

export type SettingValue = number | string | boolean;

export interface SettingDef {
  key: string;
  default: SettingValue;
  /** Dutch description shown next to the value. */
  label: string;
  /** English description for the pane's English mode. */
  labelEn: string;
  /**
   * What the value is, so the pane and the settings sheet offer a fitting
   * control: a percentage (stored as a fraction, typed as "5%"), an amount in
   * euro, a plain number, or one of a list of choices. Omitted: free text.
   */
  type?: 'percent' | 'eur' | 'number' | 'choice';
  /** For type 'choice': the values offered (others typed in the sheet are still read). */
  choices?: string[];
}

/** A user's correction of what detection found: "column E of this table is Kans". */
export interface MappingOverride {
  sheet: string;
  /** 1-based header row as the user sees it. */
  headerRow: number;
  /** Table kind, e.g. "risk-register"; "ignore" hides the table. */
  kind: string;
  /** Field name within the kind ("kans"), or "" for a kind-only override. */
  field: string;
  /** Column letter, e.g. "E". */
  column: string;
  /** Where the entry was read in "TB Instellingen" and what was typed, for findings about it. */
  source?: { row: number; kind: string; field: string; column: string };
}

export interface Acceptance {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
}

export interface Settings {
  values: Record<string, SettingValue>;
  mappings: MappingOverride[];
  acceptances: Acceptance[];
}

export function emptySettings(): Settings {
  return { values: {}, mappings: [], acceptances: [] };
}

export function getNumber(s: Settings, def: SettingDef): number {
  const v = s.values[def.key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(',', '.'));
    if (v.trim() !== '' && Number.isFinite(n)) return n;
  }
  return def.default as number;
}

export function getBoolean(s: Settings, def: SettingDef): boolean {
  const v = s.values[def.key];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['ja', 'aan', 'yes', 'true', 'waar', '1'].includes(t)) return true;
    if (['nee', 'uit', 'no', 'false', 'onwaar', '0'].includes(t)) return false;
  }
  if (typeof v === 'number') return v !== 0;
  return def.default as boolean;
}

export function getString(s: Settings, def: SettingDef): string {
  const v = s.values[def.key];
  return v === undefined || v === '' ? String(def.default) : String(v);
}

export function acceptanceFor(s: Settings, f: Finding): Acceptance | undefined {
  const key = findingKey(f);
  return s.acceptances.find((a) => findingKey(a) === key);
}

export function mappingsFor(s: Settings, sheet: string, headerRow: number): MappingOverride[] {
  return s.mappings.filter((m) => m.sheet === sheet && m.headerRow === headerRow);
}
