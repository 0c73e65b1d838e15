// Reads and writes the "TB Instellingen" sheet: three blocks under headings in
// column A (settings, column mapping, accepted findings).

import { SHEET } from '../generatedSheets';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { cellText, findSheet, isCellError } from '../workbook/snapshot';
import type { SettingDef, SettingValue, Settings } from './settings';
import { emptySettings } from './settings';

export const SETTINGS_HEADINGS = {
  values: 'Instellingen',
  mappings: 'Kolomtoewijzing',
  acceptances: 'Geaccepteerde bevindingen',
} as const;

type Block = keyof typeof SETTINGS_HEADINGS;

function blockRows(sheet: SheetSnapshot): Record<Block, unknown[][]> {
  const out: Record<Block, unknown[][]> = { values: [], mappings: [], acceptances: [] };
  let current: Block | null = null;
  let skipHeader = false;
  for (let r = 3; r < sheet.rowCount; r++) {
    const row = sheet.values[r] ?? [];
    const first = cellText(row[0] ?? null);
    const heading = (Object.keys(SETTINGS_HEADINGS) as Block[]).find((b) => SETTINGS_HEADINGS[b] === first);
    if (heading) {
      current = heading;
      skipHeader = true;
      continue;
    }
    if (skipHeader) {
      skipHeader = false;
      continue;
    }
    if (current && row.some((v) => v !== null && cellText(v as never) !== '')) out[current].push(row);
  }
  return out;
}

const text = (v: unknown) => (v === null || v === undefined || isCellError(v) ? '' : String(v).trim());

export function readSettings(wb: WorkbookSnapshot): Settings {
  const sheet = findSheet(wb, SHEET.settings);
  const s = emptySettings();
  if (!sheet) return s;
  const blocks = blockRows(sheet);
  for (const row of blocks.values) {
    const key = text(row[0]);
    const v = row[1];
    if (!key) continue;
    if (typeof v === 'number' || typeof v === 'boolean') s.values[key] = v;
    else if (typeof v === 'string') s.values[key] = v.trim();
  }
  for (const row of blocks.mappings) {
    const headerRow = Number(row[1]);
    if (!text(row[0]) || !Number.isInteger(headerRow)) continue;
    s.mappings.push({ sheet: text(row[0]), headerRow, kind: text(row[2]), field: text(row[3]), column: text(row[4]).toUpperCase() });
  }
  for (const row of blocks.acceptances) {
    if (!text(row[0])) continue;
    s.acceptances.push({ rule: text(row[0]), sheet: text(row[1]), cell: text(row[2]), reason: text(row[3]) });
  }
  return s;
}

/** The whole settings sheet, with every known setting listed (current value or default). */
export function buildSettingsSheet(settings: Settings, defs: SettingDef[]): SheetSpec {
  const b = new SheetBuilder(SHEET.settings, { tabColor: '7F7F7F' });
  b.header('Toetsblad — instellingen', 'Deze instellingen mag u hier of in het taakvenster wijzigen.');
  b.width(0, 34).width(1, 16).width(2, 60).width(3, 14).width(4, 10);
  let r = 3;
  b.text(r++, 0, SETTINGS_HEADINGS.values, 'subtitle');
  b.row(r++, 0, ['Sleutel', 'Waarde', 'Omschrijving'], 'header');
  const seen = new Set<string>();
  for (const def of defs) {
    seen.add(def.key);
    const value: SettingValue = settings.values[def.key] ?? def.default;
    b.text(r, 0, def.key);
    b.set(r, 1, { v: value, style: 'input' });
    b.text(r++, 2, def.label, 'muted');
  }
  // Keep keys we do not know (a newer version may have written them).
  for (const [key, value] of Object.entries(settings.values)) {
    if (seen.has(key)) continue;
    b.text(r, 0, key);
    b.set(r++, 1, { v: value, style: 'input' });
  }
  r++;
  b.text(r++, 0, SETTINGS_HEADINGS.mappings, 'subtitle');
  b.row(r++, 0, ['Blad', 'Kopregel', 'Soort', 'Veld', 'Kolom'], 'header');
  for (const m of settings.mappings) b.row(r++, 0, [m.sheet, m.headerRow, m.kind, m.field, m.column]);
  r++;
  b.text(r++, 0, SETTINGS_HEADINGS.acceptances, 'subtitle');
  b.row(r++, 0, ['Regel', 'Blad', 'Cel', 'Reden'], 'header');
  for (const a of settings.acceptances) b.row(r++, 0, [a.rule, a.sheet, a.cell, a.reason]);
  return b.build();
}
