// Dual computation on hostile input: every readable corpus workbook is
// reported, written and recalculated by LibreOffice (one start for all), and
// every generated formula must give the engine's own value, with no error
// values, however broken the input.

import * as path from 'path';
import { loadWorkbook } from '../../src/hosts/exceljs/loadWorkbook';
import { reportAndRecalculate } from '../support/pipeline';
import { tmpDir } from '../support/workbooks';
import { HOSTILE_CASES, writeCorpus } from './corpus';

jest.setTimeout(600_000);

/**
 * Known disagreements, per case and generated sheet, with the reason. Each is
 * a bug in the feature that writes that sheet; once fixed it leaves this list.
 */
export const RECALC_KNOWN: Record<string, Record<string, string>> = {
  'huge-and-negative-amounts': {
    'TB Begroting': 'amounts near 1e308 overflow in LibreOffice (#NUM!) while the engine computes 0; the budget checks need a guard for non-finite differences',
  },
};

describe('hostile corpus recalculated by LibreOffice', () => {
  it('every generated formula agrees with the engine', async () => {
    const cases = HOSTILE_CASES.filter((c) => c.outcome === 'report');
    const files = await writeCorpus(path.join(tmpDir('tb-hostile-recalc-'), 'corpus'), cases);
    const workbooks = Object.fromEntries(await Promise.all(files.map(async (f) => [f.case.id, await loadWorkbook(f.file)] as const)));
    const done = await reportAndRecalculate(workbooks);
    const mismatches = Object.entries(done).flatMap(([id, r]) => r.mismatches.filter((m) => !RECALC_KNOWN[id]?.[m.sheet]).map((m) => `${id}: ${m.sheet}!${m.cell} ${m.why} (${m.formula}: engine ${JSON.stringify(m.engine)}, LibreOffice ${JSON.stringify(m.spreadsheet)})`));
    expect(mismatches).toEqual([]);
    expect(Object.keys(done).sort()).toEqual(cases.map((c) => c.id).sort());
  });
});
