// Every readable hostile workbook: the fast reader gives the same snapshot as
// the ExcelJS reader, and the splice writer handles it without falling back.

import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from '../../../src/core/report';
import { workbookToRows } from '../../../src/core/workbook/fromRows';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { openXlsx, writeXlsxReport } from '../../../src/hosts/xlsx';
import { HOSTILE_CASES, writeCorpus } from '../../hostile/corpus';
import type { CorpusFile } from '../../hostile/corpus';
import { loadXlsx, tmpDir } from '../../support/workbooks';

jest.setTimeout(120_000);

const sorted = (wb: WorkbookSnapshot) => ({ sheets: workbookToRows(wb).sheets.map((s) => ({ ...s, merges: [...s.merges].sort() })) });

let corpus: Map<string, CorpusFile>;
beforeAll(async () => {
  const files = await writeCorpus(path.join(tmpDir('tb-xlsx-hostile-'), 'corpus'));
  corpus = new Map(files.map((f) => [f.case.id, f]));
});

describe.each(HOSTILE_CASES.filter((c) => c.outcome === 'report').map((c) => [c.id] as const))('fast path: %s', (id) => {
  it('reads the same snapshot as ExcelJS and splices a report that ExcelJS can open', async () => {
    const { file } = corpus.get(id)!;
    const opened = openXlsx(fs.readFileSync(file));
    expect(sorted(opened.snapshot)).toEqual(sorted(readWorkbook(await loadXlsx(file))));
    const result = buildReport(opened.snapshot);
    const out = path.join(path.dirname(file), `${id}.rapport.xlsx`);
    fs.writeFileSync(out, writeXlsxReport(opened, result.plan));
    const back = await loadXlsx(out);
    expect(back.worksheets.map((w) => w.name).slice(-result.generatedSheets.length)).toEqual(result.generatedSheets);
  });
});
