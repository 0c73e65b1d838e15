// 'TB Normdefinities': the user-editable table of norms. Toetsblad writes it
// once, filled with the built-in catalogue; from then on it is input, read on
// every refresh (switch norms off in column Aan, add rows for own norms).

import { normaliseHeader } from '../../detect/headers';
import type { SheetSpec } from '../../plan/plan';
import { SheetBuilder } from '../../plan/sheetBuilder';
import { a1, columnLetters } from '../../workbook/address';
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { cellText, cellValue, rowValues } from '../../workbook/snapshot';
import { BUILT_IN_NORMS } from './catalogue';
import type { DefinitionColumn, DefinitionRow } from './definitionText';
import { DEFINITION_COLUMNS, DEFINITION_HEADERS, MEASURE_NAMES, OPERATOR_CHOICES } from './definitionText';

/** 0-based row of the header in the sheet Toetsblad writes. */
export const DEFINITION_HEADER_ROW = 4;
/** Rows offered drop-downs for new definitions. */
const EDITABLE_ROWS = 200;

export const HELP = [
  'Eén norm per rij. Zet "Aan" op Nee om een norm uit te zetten; voeg onderaan eigen normen toe en kies daarna Normen opnieuw. Handleiding met uitgewerkte voorbeelden: "Normen zelf vastleggen" in de Hulp van het taakvenster (docs/normen.md).',
  'Filter en Voorwaarde: "Kolom = waarde" (meerdere waarden met |), "Kolom <> waarde", "Kolom gevuld", "Kolom leeg", "Kolom is datum", "Kolom ≥ 85", "Kolom tussen 6 en 8", "Kolom A ≥ Kolom B + 1"; meerdere met ;. Kolommen: kopteksten (of kolomletters) gescheiden door ;. Metingen: ook "som"; "per Kolom" geeft een regel per waarde.',
];

export function buildDefinitionsSheet(name: string, rows: DefinitionRow[] = BUILT_IN_NORMS): SheetSpec {
  const b = new SheetBuilder(name, { tabColor: 'FFC000' });
  b.header('Normdefinities', 'Dit blad is invoer: Toetsblad leest het bij elke verversing en overschrijft het niet.');
  HELP.forEach((line, i) => b.text(2 + i, 0, line, 'note'));
  DEFINITION_COLUMNS.forEach((c, col) => b.text(DEFINITION_HEADER_ROW, col, DEFINITION_HEADERS[c], 'header'));
  rows.forEach((row, i) => {
    const r = DEFINITION_HEADER_ROW + 1 + i;
    DEFINITION_COLUMNS.forEach((c, col) => {
      const v = c === 'aan' ? (row.aan ?? 'Ja') : (row[c] ?? null);
      if (v === null || v === undefined || v === '') return;
      b.value(r, col, typeof v === 'object' ? cellText(v) : v, undefined, 'input');
    });
  });
  const first = DEFINITION_HEADER_ROW + 1;
  const last = first + Math.max(rows.length, 0) + EDITABLE_ROWS;
  const colRange = (c: DefinitionColumn) => {
    const letter = columnLetters(DEFINITION_COLUMNS.indexOf(c));
    return `${letter}${first + 1}:${letter}${last}`;
  };
  b.validation({ range: colRange('aan'), list: ['Ja', 'Nee'], prompt: 'Ja: de norm wordt berekend; Nee: overgeslagen.' });
  b.validation({ range: colRange('meting'), list: Object.values(MEASURE_NAMES), prompt: 'Wat de norm meet.' });
  b.validation({ range: colRange('operator'), list: OPERATOR_CHOICES, prompt: 'Leeg laten als de norm zelf de operator noemt (bijv. "minimaal 80%").' });
  const widths: Partial<Record<DefinitionColumn, number>> = { per: 18, indicatorregel: 30, aan: 6, sleutel: 34, indicator: 44, kernbeding: 44, blad: 14, filter: 40, meting: 22, kolommen: 36, voorwaarde: 36, grens: 10, perMaand: 18, operator: 9, norm: 10, marge: 10, hoortBij: 30, bron: 30 };
  DEFINITION_COLUMNS.forEach((c, col) => b.width(col, widths[c] ?? 14));
  b.freeze(DEFINITION_HEADER_ROW + 1, 2);
  return b.build();
}

export interface ReadDefinition {
  row: DefinitionRow;
  /** 0-based sheet row. */
  sheetRow: number;
  /** Column index per definition column, for finding addresses. */
  columns: Partial<Record<DefinitionColumn, number>>;
}

/** Rows of an existing definitions sheet; columns are found by their header text, so moved columns still work. */
export function readDefinitionsSheet(sheet: SheetSnapshot): { rows: ReadDefinition[]; headerRow: number } | null {
  const wanted = new Map(DEFINITION_COLUMNS.map((c) => [normaliseHeader(DEFINITION_HEADERS[c]), c] as const));
  for (let r = 0; r < Math.min(20, sheet.rowCount); r++) {
    const columns: Partial<Record<DefinitionColumn, number>> = {};
    (rowValues(sheet, r)).forEach((v, col) => {
      const c = wanted.get(normaliseHeader(cellText(v)));
      if (c && columns[c] === undefined) columns[c] = col;
    });
    if (columns.sleutel === undefined || columns.meting === undefined) continue;
    const rows: ReadDefinition[] = [];
    for (let row = r + 1; row < sheet.rowCount; row++) {
      const def: DefinitionRow = {};
      let any = false;
      for (const [c, col] of Object.entries(columns) as [DefinitionColumn, number][]) {
        const v: CellValue = cellValue(sheet, row, col);
        if (v !== null && cellText(v) !== '') any = true;
        def[c] = v;
      }
      if (any) rows.push({ row: def, sheetRow: row, columns });
    }
    return { rows, headerRow: r };
  }
  return null;
}

export function definitionCell(d: ReadDefinition, c: DefinitionColumn): string {
  return a1(d.sheetRow, d.columns[c] ?? d.columns.sleutel ?? 0);
}
