// A copy of a snapshot whose "Trajecten" sheet has exactly `rows` data rows
// (its own rows repeated), to show that cost per action does not grow with data.

import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { sheetFromRows, sheetToRows } from '../../../src/core/workbook/fromRows';

export function withTrajectoryRows(snap: WorkbookSnapshot, rows: number, sheetName = 'Trajecten'): WorkbookSnapshot {
  return {
    sheets: snap.sheets.map((s) => (s.name === sheetName ? scaleSheet(s, rows) : s)),
  };
}

function scaleSheet(sheet: SheetSnapshot, rows: number): SheetSnapshot {
  const s = sheetToRows(sheet);
  const header = s.values[0] ?? [];
  const data = s.values.slice(1).filter((r) => r && r.length > 0);
  const fmts = s.numberFormats.slice(1);
  const values = [header];
  const numberFormats = [s.numberFormats[0] ?? []];
  for (let i = 0; i < rows; i++) {
    const src = i % data.length;
    const row = [...data[src]];
    // Unique dossier numbers, like a real export.
    if (typeof row[0] === 'string' || typeof row[0] === 'number') row[0] = `D${String(i + 1).padStart(6, '0')}`;
    values.push(row);
    numberFormats.push(fmts[src] ?? []);
  }
  return sheetFromRows({ ...s, values, numberFormats, formulas: [], rowCount: rows + 1, hiddenRows: [], merges: [], tables: [] });
}
