// The regional overview under LibreOffice: the workbook `toetsblad regio`
// writes is recalculated from scratch, and every generated formula — per
// source, lowest, highest, pooled, sums, the regional check's verdicts — must
// give what the engine computed. Two batches: seed 001 over seven files (plus
// a corrupt one), and seed 004's five institutions (plus a duplicate).

import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/toetsblad';
import { recalculate } from '../support/libreoffice';
import { compareRecalculated, computedValue, readRecalculated } from '../support/recalcCheck';
import { regioOf } from '../support/regioRun';
import { writeSeed001Files, writeSeed004Files } from '../support/regioWorkbooks';
import { tmpDir } from '../support/workbooks';
import { REGIO_SHEET } from '../../src/core/regio';

jest.setTimeout(300_000);

test('LibreOffice agrees with every regional formula', async () => {
  const dir = tmpDir('tb-regio-recalc-');
  const seed001 = await writeSeed001Files(path.join(dir));
  const corrupt = path.join(dir, 'kapot.xlsx');
  fs.writeFileSync(corrupt, 'geen werkmap');
  const { files: seed004 } = await writeSeed004Files(fs.mkdtempSync(path.join(dir, 's4-')));
  const duplicate = path.join(dir, 'farent-kopie.xlsx');
  fs.copyFileSync(seed004[3], duplicate);
  const batches = { regio001: [...seed001, corrupt], regio004: [...seed004, duplicate] };
  const written: Record<string, string> = {};
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  for (const [name, files] of Object.entries(batches)) {
    written[name] = path.join(dir, `${name}.xlsx`);
    expect(await main(['regio', ...files, '--out', written[name]], () => undefined)).toBe(name === 'regio001' ? 3 : 0);
  }
  jest.restoreAllMocks();
  const outs = recalculate(Object.values(written), path.join(dir, 'recalculated'));
  const names = Object.keys(batches);
  for (let i = 0; i < outs.length; i++) {
    // The same consolidation in-process gives the plan and the engine's values to compare with.
    const result = await regioOf(batches[names[i] as keyof typeof batches]);
    const formulas = result.plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.f !== undefined).length, 0);
    expect(formulas).toBeGreaterThan(100);
    expect(await compareRecalculated(outs[i], result.plan, result.figures)).toEqual([]);
    const wb = await readRecalculated(outs[i]);
    const at = (key: string) => {
      const f = result.figures.find((x) => x.key === key)!;
      return computedValue(wb.getWorksheet(f.sheet)!.getCell(f.cell));
    };
    if (names[i] === 'regio004') {
      expect(at('regio_isw_eerste_gesprek_binnen_28d_pct')).toBeGreaterThan(0.5);
      expect(at('regio_budget_begroot_totaal')).toBeGreaterThan(1_000_000);
    } else {
      expect(at('regio_regionaal_afrondingen')).toBeGreaterThan(0);
      expect(wb.getWorksheet(REGIO_SHEET.sources)!.getCell('E16').value).toBe('Onleesbaar');
    }
  }
});
