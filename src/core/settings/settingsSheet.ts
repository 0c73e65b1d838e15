// Reads and writes the "TB Instellingen" sheet: three blocks under headings in
// column A (settings, column mapping, accepted findings).

import { SHEET } from '../generatedSheets';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { a1 } from '../workbook/address';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { cellText, cellValue, findSheet, isCellError, rowValues } from '../workbook/snapshot';
import type { SettingDef, SettingValue, Settings } from './settings';
import { emptySettings, getBoolean } from './settings';
import { fieldName, fieldNames, kindName, kindNames, resolveField, resolveKind } from './mappingNames';
import { normaliseHeader } from '../detect/headers';
import { columnLetters } from '../workbook/address';

export const SETTINGS_HEADINGS = {
  values: 'Instellingen',
  mappings: 'Kolomtoewijzing',
  acceptances: 'Geaccepteerde bevindingen',
} as const;

type Block = keyof typeof SETTINGS_HEADINGS;

/** The rows of each block, each with its 0-based sheet row in `at`, and each block's header texts. */
function blockRows(sheet: SheetSnapshot): Record<Block, (unknown[] & { at?: number })[]> & { headers: Record<Block, string[]> } {
  const out: Record<Block, (unknown[] & { at?: number })[]> & { headers: Record<Block, string[]> } = {
    values: [],
    mappings: [],
    acceptances: [],
    headers: { values: [], mappings: [], acceptances: [] },
  };
  let current: Block | null = null;
  let skipHeader = false;
  for (let r = 3; r < sheet.rowCount; r++) {
    const row = rowValues(sheet, r);
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
    if (current && row.some((v) => v !== null && cellText(v as never) !== '')) out[current].push(Object.assign([...row], { at: r }));
  }
  return out;
}

const text = (v: unknown) => (v === null || v === undefined || isCellError(v) ? '' : String(v).trim());

/**
 * The column of a mapping entry: a letter ("E"), or the header text as written
 * on the user's header row ("Datum afsluiting"), which is turned into its
 * letter. Anything else is kept as typed (upper case) and gets a finding.
 */
function columnOf(wb: WorkbookSnapshot, sheetName: string, headerRow: number, typed: string): string {
  const upper = typed.toUpperCase();
  if (typed === '' || typed === '-' || /^[A-Z]{1,3}$/.test(upper)) return upper;
  const sheet = findSheet(wb, sheetName);
  const cells = sheet ? rowValues(sheet, headerRow - 1) : [];
  const want = normaliseHeader(typed);
  const col = cells.findIndex((v) => typeof v === 'string' && normaliseHeader(v) === want);
  return col >= 0 ? columnLetters(col) : upper;
}

/** The value cell of a setting on the settings sheet (for findings that point at it), or "" when absent. */
export function settingValueCell(sheet: SheetSnapshot, key: string): string {
  const blocks = blockRows(sheet);
  const keyCol = Math.max(0, blocks.headers.values.indexOf('Sleutel'));
  const valueCol = blocks.headers.values.indexOf('Waarde') >= 0 ? blocks.headers.values.indexOf('Waarde') : 1;
  for (let r = 3; r < sheet.rowCount; r++) if (text(cellValue(sheet, r, keyCol)) === key) return a1(r, valueCol);
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
    const typed = { kind: text(row[2]), field: text(row[3]), column: text(row[4]) };
    // Dutch names ("Trajectgegevens", "Datum afsluiting") and internal ones ("trajectories", "afsluiting") both work;
    // an unknown entry is kept as typed, matches nothing, and gets a finding (detect/mapping.ts).
    const kind = resolveKind(typed.kind) ?? typed.kind;
    const field = typed.field === '' ? '' : (resolveField(kind, typed.field) ?? typed.field);
    const column = columnOf(wb, text(row[0]), headerRow, typed.column);
    s.mappings.push({ sheet: text(row[0]), headerRow, kind, field, column, source: { row: row.at!, ...typed } });
  }
  for (const row of blocks.acceptances) {
    if (!text(row[0])) continue;
    s.acceptances.push({ rule: text(row[0]), sheet: text(row[1]), cell: text(row[2]), reason: text(row[3]) });
  }
  return s;
}

/** Blank rows left under the mapping entries, with the kinds' drop-down, for new entries. */
const EMPTY_MAPPING_ROWS = 10;

/**
 * A setting's value cell as the reader sees it: Ja/Nee for on/off (with a
 * drop-down, read back as such), a percentage for a fraction, euros for an
 * amount, a drop-down for choices. Stored values stay the same numbers.
 */
function writeValue(b: SheetBuilder, r: number, def: SettingDef | undefined, value: SettingValue): void {
  const cell = `B${r + 1}`;
  if (def ? typeof def.default === 'boolean' : typeof value === 'boolean') {
    const on = typeof value === 'boolean' ? value : def ? getBoolean({ values: { [def.key]: value }, mappings: [], acceptances: [] }, def) : false;
    b.set(r, 1, { v: on ? 'Ja' : 'Nee', style: 'input' });
    b.validation({ range: cell, list: ['Ja', 'Nee'] });
    return;
  }
  const percent = def ? def.type === 'percent' : false;
  const euro = def ? def.type === 'eur' : false;
  const fmt = typeof value !== 'number' ? undefined : percent ? '0.0%' : euro ? '"€" #,##0.00' : undefined;
  b.set(r, 1, { v: value, style: 'input', fmt });
  if (def?.type === 'choice' && def.choices?.length) b.validation({ range: cell, list: def.choices });
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
  const write = (key: string, label: string, value: SettingValue, def?: SettingDef) => {
    b.set(r, 0, { v: label, wrap: true });
    writeValue(b, r, def, value);
    b.text(r++, 2, key, 'muted');
  };
  for (const def of defs) {
    seen.add(def.key);
    write(def.key, def.label, settings.values[def.key] ?? def.default, def);
  }
  // Keep keys we do not know (a newer version may have written them).
  for (const [key, value] of Object.entries(settings.values)) if (!seen.has(key)) write(key, key, value);
  r++;
  b.text(r++, 0, SETTINGS_HEADINGS.mappings, 'subtitle');
  b.row(r++, 0, ['Blad', 'Kopregel', 'Soort', 'Veld', 'Kolom'], 'header');
  // Kinds and fields in Dutch, as the pane shows them; what could not be read stays as it was typed.
  for (const m of settings.mappings) {
    const kind = m.source && resolveKind(m.source.kind) === null ? m.source.kind : kindName(m.kind);
    const field = m.field === '' ? '' : m.source && resolveField(m.kind, m.source.field) === null ? m.source.field : fieldName(m.kind, m.field);
    const fields = fieldNames(m.kind);
    if (fields.length) b.validation({ range: `D${r + 1}`, list: fields, prompt: `Velden van ${kindName(m.kind)}` });
    b.row(r++, 0, [m.sheet, m.headerRow, kind, field, m.source?.column || m.column]);
  }
  // Room for new entries, with the kinds as a drop-down.
  const kinds = { list: kindNames(), prompt: 'Soort tabel' };
  b.validation({ range: `C${r + 1 - settings.mappings.length}:C${r + EMPTY_MAPPING_ROWS}`, ...kinds });
  r += EMPTY_MAPPING_ROWS;
  r++;
  b.text(r++, 0, SETTINGS_HEADINGS.acceptances, 'subtitle');
  b.row(r++, 0, ['Regel', 'Blad', 'Cel', 'Reden'], 'header');
  for (const a of settings.acceptances) b.row(r++, 0, [a.rule, a.sheet, a.cell, a.reason]);
  return b.build();
}
