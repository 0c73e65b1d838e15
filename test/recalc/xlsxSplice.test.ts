// The command line's fast path (read the package, splice the generated
// sheets in) through LibreOffice: every generated formula agrees with the
// engine, on the example and on a synthetic benchmark workbook.

import * as fs from 'fs';
import * as path from 'path';
import { generateWorkbook } from '../../bench/generate';
import { reportFile } from '../../src/files/reportFile';
import { rawData, readZip } from '../../src/hosts/xlsx/zip';
import { recalculate } from '../support/libreoffice';
import { compareRecalculated, readRecalculated } from '../support/recalcCheck';
import { EXAMPLE, sheetFingerprint, loadXlsx, tmpDir } from '../support/workbooks';

jest.setTimeout(240_000);

describe('splice writer through LibreOffice', () => {
  it('agrees with the engine on every generated formula, and the user sheets survive unchanged', async () => {
    const dir = tmpDir('tb-splice-recalc-');
    const synthetic = path.join(dir, 'synthetisch.xlsx');
    await generateWorkbook(synthetic, { trajectories: 2000, risks: 200, budgetLines: 300 });
    const inputs = [EXAMPLE, synthetic];
    const reports = [];
    for (const input of inputs) {
      const out = path.join(dir, `rapport-${path.basename(input)}`);
      const { result } = await reportFile(input, out);
      // The fast path ran: it keeps the input's sheet parts as they were compressed.
      const zin = readZip(fs.readFileSync(input));
      const zout = readZip(fs.readFileSync(out));
      const part = 'xl/worksheets/sheet1.xml';
      const raw = (z: typeof zin) => Buffer.from(rawData(z, z.find(part)!));
      expect(raw(zout).equals(raw(zin))).toBe(true);
      reports.push({ input, out, result });
    }
    const recalculated = recalculate(reports.map((r) => r.out), path.join(dir, 'recalculated'));
    for (let i = 0; i < reports.length; i++) {
      const { input, result } = reports[i];
      expect(result.figures.length).toBeGreaterThan(0);
      expect(await compareRecalculated(recalculated[i], result.plan, result.figures)).toEqual([]);
      const before = await loadXlsx(input);
      const after = await readRecalculated(recalculated[i]);
      expect(after.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), ...result.generatedSheets]);
      for (const ws of before.worksheets) expect(sheetFingerprint(after.getWorksheet(ws.name)!).length).toBe(sheetFingerprint(ws).length);
    }
  });
});
