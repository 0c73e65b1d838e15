import { buildReport } from '../../../src/core/report';
import type { SheetSnapshot } from '../../../src/core/workbook/snapshot';
import { sheetFromRows } from '../../../src/core/workbook/fromRows';
import { junkRows, junkSheetName } from './registers';

function junkRegister(seed: number): SheetSnapshot {
  return sheetFromRows({ name: junkSheetName(seed), values: junkRows(seed), colCount: 10 });
}

describe('risk feature on junk registers', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('never fails, and every grid count is a whole number (seed %i)', (seed) => {
    const wb = { sheets: [junkRegister(seed), junkRegister(seed + 100)] };
    const r = buildReport(wb, { features: ['risk'] });
    expect(r.findings.filter((f) => f.rule.startsWith('internal.'))).toEqual([]);
    const counts = r.figures.filter((f) => /^risk_.*count_K\dS\d$/.test(f.key));
    expect(counts.length).toBeGreaterThan(0);
    for (const f of counts) expect(Number.isInteger(f.value)).toBe(true);
    for (const f of r.findings) expect(f.message.length).toBeGreaterThan(10);
  });
});
