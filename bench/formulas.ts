// What the generated sheets ask of a spreadsheet engine: how many formula
// cells, per sheet, and whether any uses a volatile function (recalculated on
// every change, whatever changed).

import * as fs from 'fs';
import { openXlsx } from '../src/hosts/xlsx';

const VOLATILE = /\b(OFFSET|INDIRECT|TODAY|NOW|RAND|RANDBETWEEN|CELL|INFO)\s*\(/i;

export interface FormulaStats {
  total: number;
  volatile: number;
  bySheet: Record<string, number>;
}

export function generatedFormulaStats(report: string, generatedSheets: string[]): FormulaStats {
  const { snapshot } = openXlsx(fs.readFileSync(report));
  const stats: FormulaStats = { total: 0, volatile: 0, bySheet: {} };
  for (const sheet of snapshot.sheets) {
    if (!generatedSheets.includes(sheet.name)) continue;
    let n = 0;
    for (let r = 0; r < sheet.rowCount; r++) {
      for (let c = 0, end = sheet.rowEnd(r); c < end; c++) {
        const f = sheet.formula(r, c);
        if (!f) continue;
        n++;
        if (VOLATILE.test(f)) stats.volatile++;
      }
    }
    stats.bySheet[sheet.name] = n;
    stats.total += n;
  }
  return stats;
}
