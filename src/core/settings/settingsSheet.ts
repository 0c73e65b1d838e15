// Reads and writes the "TB Instellingen" sheet: three blocks under headings in
// column A (settings, column mapping, accepted findings).

import { SHEET } from '../generatedSheets';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { CellSpec, SheetSpec } from '../plan/plan';
import { a1 } from '../workbook/address';
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

function blockRows(sheet: SheetSnapshot): Record<Block, unknown[][]> & { headers: Record<Block, string[]> } {
  const out: Record<Block, unknown[][]> & { headers: Record<Block, string[]> } = { values: [], mappings: [], acceptances: [], headers: { values: [], mappings: [], acceptances: [] } };
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
      if (current) out.headers[current] = row.map((v) => cellText((v ?? null) as never));
      continue;
    }
    if (current && row.some((v) => v !== null && cellText(v as never) !== '')) out[current].push(row);
  }
  return out;
}

const text = (v: unknown) => (v === null || v === undefined || isCellError(v) ? '' : String(v).trim());

/** The value cell of a setting on the settings sheet (for findings that point at it), or "" when absent. */
export function settingValueCell(sheet: SheetSnapshot, key: string): string {
  const blocks = blockRows(sheet);
  const keyCol = Math.max(0, blocks.headers.values.indexOf('Sleutel'));
  const valueCol = blocks.headers.values.indexOf('Waarde') >= 0 ? blocks.headers.values.indexOf('Waarde') : 1;
  for (let r = 3; r < sheet.rowCount; r++) if (text(sheet.values[r]?.[keyCol]) === key) return a1(r, valueCol);
  return '';
}

export function readSettings(wb: WorkbookSnapshot): Settings {
  const sheet = findSheet(wb, SHEET.settings);
  const s = emptySettings();
  if (!sheet) return s;
  const blocks = blockRows(sheet);
  // Earlier versions put the key first; now the Dutch description comes first and the key last.
  const keyCol = Math.max(0, blocks.headers.values.indexOf('Sleutel'));
  const valueCol = blocks.headers.values.indexOf('Waarde') >= 0 ? blocks.headers.values.indexOf('Waarde') : 1;
  for (const row of blocks.values) {
    const key = text(row[keyCol]);
    const v = row[valueCol];
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

/**
 * A setting as the reader sees it: Ja/Nee for on/off (read back as such),
 * a percentage for a fraction, euros for an amount. Stored values stay the same numbers.
 */
function shownSetting(key: string, value: SettingValue): CellSpec {
  if (typeof value === 'boolean') return { v: value ? 'Ja' : 'Nee', style: 'input' };
  if (typeof value === 'number' && /pct$/i.test(key)) return { v: value, fmt: '0.0%', style: 'input' };
  if (typeof value === 'number' && /(eur|rate)$/i.test(key)) return { v: value, fmt: '"€" #,##0.00', style: 'input' };
  return { v: value, style: 'input' };
}

/** The whole settings sheet, with every known setting listed (current value or default). */
export function buildSettingsSheet(settings: Settings, defs: SettingDef[]): SheetSpec {
  const b = new SheetBuilder(SHEET.settings, { tabColor: '7F7F7F' });
  b.header('Toetsblad — instellingen', 'Deze instellingen mag u hier of in het taakvenster wijzigen.');
  b.width(0, 60).width(1, 16).width(2, 24).width(3, 14).width(4, 10);
  let r = 3;
  b.text(r++, 0, SETTINGS_HEADINGS.values, 'subtitle');
  b.row(r++, 0, ['Instelling', 'Waarde', 'Sleutel'], 'header');
  b.freeze(r);
  const seen = new Set<string>();
  const write = (key: string, label: string, value: SettingValue) => {
    b.set(r, 0, { v: label, wrap: true });
    b.set(r, 1, shownSetting(key, value));
    b.text(r++, 2, key, 'muted');
  };
  for (const def of defs) {
    seen.add(def.key);
    write(def.key, def.label, settings.values[def.key] ?? def.default);
  }
  // Keep keys we do not know (a newer version may have written them).
  for (const [key, value] of Object.entries(settings.values)) if (!seen.has(key)) write(key, key, value);
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
