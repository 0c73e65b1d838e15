// Applies the user's stored column mapping on top of what detection found.

import type { Finding } from '../findings/finding';
import { closestNames, didYouMean, fieldName, fieldNames, kindName, kindNames, resolveField, resolveKind } from '../settings/mappingNames';
import type { MappingOverride, Settings } from '../settings/settings';
import { mappingsFor } from '../settings/settings';
import { columnIndex, columnLetters } from '../workbook/address';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellText, findSheet, isBlank, rowValues } from '../workbook/snapshot';

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

/** What the mapping checks need of a detected table. */
export interface DetectedTable {
  sheet: string;
  headerRow: number;
  kind: string;
  fields: string[];
}

const isLetters = (c: string) => /^[A-Z]{1,3}$/.test(c);

/**
 * Findings about the column mapping in "TB Instellingen": an unknown kind or
 * field, a sheet that does not exist, a column that is not on the header row,
 * a header row where no table was found. Each names the cell of the entry and
 * the closest existing names ("bedoelt u …?"). Entries the pane wrote (no
 * source row) are not checked: they were chosen from what exists.
 */
export function mappingFindings(wb: WorkbookSnapshot, settings: Settings, detections: DetectedTable[], settingsSheet: string): Finding[] {
  const out: Finding[] = [];
  const knownKinds = [...new Set(detections.map((d) => d.kind))];
  const add = (m: MappingOverride, col: string, rule: string, message: string) =>
    out.push({ rule: `mapping.${rule}`, severity: 'warning', kind: 'mapping', sheet: settingsSheet, cell: `${col}${m.source!.row + 1}`, message });
  for (const m of settings.mappings) {
    if (!m.source) continue;
    const typed = m.source;
    const where = `Toewijzing ${m.sheet} rij ${m.headerRow}`;
    const kindKnown = resolveKind(typed.kind, knownKinds) !== null;
    if (!kindKnown) {
      add(m, 'C', 'unknown-kind', `${where}: soort "${typed.kind}" is onbekend; deze regel wordt niet gebruikt.${didYouMean(closestNames(typed.kind, [...kindNames(), ...knownKinds.map(kindName)]))} Kies een soort uit de lijst.`);
    }
    const fieldsOfKind = [...new Set([...fieldNames(m.kind), ...detections.filter((d) => d.kind === m.kind).flatMap((d) => d.fields.map((f) => fieldName(m.kind, f)))])];
    if (kindKnown && typed.field !== '' && m.kind !== 'ignore' && resolveField(m.kind, typed.field, detections.filter((d) => d.kind === m.kind).flatMap((d) => d.fields)) === null) {
      add(m, 'D', 'unknown-field', `${where}: veld "${typed.field}" bestaat niet bij ${kindName(m.kind)}; deze regel wordt niet gebruikt.${didYouMean(closestNames(typed.field, fieldsOfKind))}`);
    }
    const sheet = findSheet(wb, m.sheet);
    if (!sheet) {
      add(m, 'A', 'sheet-not-found', `${where}: blad "${m.sheet}" bestaat niet in deze werkmap.${didYouMean(closestNames(m.sheet, wb.sheets.map((s) => s.name)))}`);
      continue;
    }
    const headerCells = rowValues(sheet, m.headerRow - 1);
    const headers = headerCells.map((v, c) => ({ c, text: typeof v === 'string' ? cellText(v) : '' })).filter((h) => h.text !== '');
    const named = (suggestions: string[]) => suggestions.map((t) => `${columnLetters(headers.find((h) => h.text === t)!.c)} (${t})`);
    if (m.field && m.column !== '' && m.column !== '-') {
      if (!isLetters(m.column)) {
        add(m, 'E', 'column-not-found', `${where}: kolom "${typed.column}" staat niet op kopregel ${m.headerRow} van blad ${m.sheet}.${didYouMean(named(closestNames(typed.column, headers.map((h) => h.text))))}`);
      } else if (isBlank(headerCells[columnIndex(m.column)] ?? null)) {
        const hint = named(closestNames(fieldName(m.kind, m.field), headers.map((h) => h.text)));
        const all = headers.slice(0, 8).map((h) => `${columnLetters(h.c)} (${h.text})`);
        const tail = hint.length ? didYouMean(hint) : all.length ? ` Koppen op deze rij: ${all.join(', ')}.` : '';
        add(m, 'E', 'column-empty', `${where}: kolom ${m.column} heeft geen kop op rij ${m.headerRow} van blad ${m.sheet}; controleer de kolomletter.${tail}`);
      }
    }
    if (kindKnown && m.kind !== 'ignore' && !detections.some((d) => d.sheet === sheet.name && d.headerRow === m.headerRow)) {
      const here = detections.filter((d) => d.sheet === sheet.name).map((d) => `rij ${d.headerRow} (${kindName(d.kind)})`);
      add(
        m,
        'B',
        'no-table',
        `${where}: op blad ${m.sheet} is op rij ${m.headerRow} geen tabel gevonden, dus deze toewijzing wordt niet gebruikt. Vul bij Kopregel het rijnummer van de kopregel van de tabel in.${here.length ? ` Herkende tabellen op dit blad: ${here.join(', ')}.` : ''}`,
      );
    }
  }
  return out;
}
