// The pane's regional overview against the fake Excel host (Microsoft's own
// Office.js client library in front of it): picked files read with the
// browser's reader (pure-JavaScript inflate), consolidated, written into the
// open workbook next to the user's sheets; Annuleren writes nothing.

import * as fs from 'fs';
import * as path from 'path';
import { consolidate, REGIO_SHEET } from '../../../src/core/regio';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FULL_SUPPORT } from '../../../src/hosts/office';
import { readSources } from '../../../src/files/regio';
import { excelHost } from '../../../src/taskpane/host';
import type { PickedFile } from '../../../src/taskpane/regio';
import { readPickedSource, regioOverview } from '../../../src/taskpane/regio';
import { FakeExcel } from '../../support/fakeExcel';
import { writeSeed004Files } from '../../support/regioWorkbooks';
import { tmpDir } from '../../support/workbooks';
import { sheetFromRows } from '../../../src/core/workbook/fromRows';

const OWN: WorkbookSnapshot = {
  sheets: [
    sheetFromRows({ name: 'Notities', values: [['Regio Meierijstad']] }),
  ],
};

const picked = (file: string): PickedFile => ({
  name: path.basename(file),
  arrayBuffer: async () => {
    const b = fs.readFileSync(file);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  },
});

let files: string[];
beforeAll(async () => {
  const dir = tmpDir('tb-regio-pane-unit-');
  files = (await writeSeed004Files(dir)).files;
  const corrupt = path.join(dir, 'kapot.xlsx');
  fs.writeFileSync(corrupt, fs.readFileSync(files[1]).subarray(0, 4000));
  files.push(corrupt);
}, 120_000);

test('a picked file gives the same contribution in the pane as in the command line', async () => {
  const [cli] = await readSources([files[0]], { jobs: 0 });
  expect(await readPickedSource(picked(files[0]))).toEqual(cli);
  // An unreadable file: the same words as the command line's.
  const [cliBroken] = await readSources([files[5]], { jobs: 0 });
  const broken = await readPickedSource(picked(files[5]));
  expect(broken.status).toBe('unreadable');
  expect(broken).toEqual(cliBroken);
  const text = path.join(path.dirname(files[0]), 'notitie.xlsx');
  fs.writeFileSync(text, 'Dit is een tekstbestand.');
  expect(await readPickedSource(picked(text))).toEqual((await readSources([text], { jobs: 0 }))[0]);
});

test('the TB Regio sheets are written into the open workbook, exactly as planned, and replaced in place on the next run', async () => {
  const fake = FakeExcel.fromSnapshot(OWN);
  const host = excelHost((b) => fake.run(b), FULL_SUPPORT);
  const phases: string[] = [];
  // All five institutions and the corrupt file; the data sheet's writes run past Office.js's 1.500-cell slices.
  const batch = files;
  const result = await regioOverview(host, batch.map(picked), { onProgress: (_d, _n, phase) => phases.push(phase) });
  expect(new Set(phases)).toEqual(new Set(['files', 'read', 'write']));
  expect(result.sources.map((s) => s.counts)).toEqual([true, true, true, true, true, false]);
  expect(result.plan.sheets.find((x) => x.name === REGIO_SHEET.data)!.cells.length).toBeGreaterThan(1500);
  expect(fake.sheetNames()).toEqual(['Notities', ...Object.values(REGIO_SHEET)]);
  const expected = consolidate(await readSources(batch, { jobs: 0 }), { existing: OWN });
  for (const spec of expected.plan.sheets) {
    const sheet = fake.sheet(spec.name)!;
    for (const c of spec.cells) {
      const cell = sheet.cells.get(c.row)?.get(c.col);
      expect([spec.name, c.row, c.col, cell?.formula ?? cell?.value]).toEqual([spec.name, c.row, c.col, c.f !== undefined ? `=${c.f}` : c.v ?? '']);
    }
  }
  expect(fake.sheet('Notities')!.cells.get(0)?.get(0)?.value).toBe('Regio Meierijstad');

  await regioOverview(host, [files[2]].map(picked));
  expect(fake.sheetNames()).toEqual(['Notities', ...Object.values(REGIO_SHEET)]);
  const sources = fake.sheet(REGIO_SHEET.sources)!;
  expect(sources.cells.get(8)?.get(1)?.value).toBe(path.basename(files[2]));
  expect(sources.cells.get(9)?.get(1)?.value ?? '').toBe('');
}, 120_000);

test('a name the user typed on TB Regio Bronnen survives the next run, and the other sheets follow it', async () => {
  const fake = FakeExcel.fromSnapshot(OWN);
  const host = excelHost((b) => fake.run(b), FULL_SUPPORT);
  await regioOverview(host, [files[0], files[1]].map(picked));
  const bronnen = fake.sheet(REGIO_SHEET.sources)!;
  expect(bronnen.at('C9')?.value).toBe('ONS Welzijn');
  bronnen.ensure(8, 2).value = 'ONS Welzijn (Meierijstad)';
  const again = await regioOverview(host, [files[0], files[1]].map(picked));
  expect(again.sources[0].name).toBe('ONS Welzijn (Meierijstad)');
  expect(fake.sheet(REGIO_SHEET.sources)!.at('C9')?.value).toBe('ONS Welzijn (Meierijstad)');
  expect(again.figures.some((f) => f.key === 'ons_welzijn_meierijstad.isw_eerste_gesprek_binnen_28d_pct')).toBe(true);
  // The norms sheet's header refers to that cell.
  const head = again.plan.sheets.find((x) => x.name === REGIO_SHEET.norms)!.cells.find((c) => c.f === `'${REGIO_SHEET.sources}'!$C$9`);
  expect(head?.v).toBe('ONS Welzijn (Meierijstad)');
}, 120_000);

test('Annuleren before the write leaves the workbook as it was', async () => {
  const fake = FakeExcel.fromSnapshot(OWN);
  const host = excelHost((b) => fake.run(b), FULL_SUPPORT);
  const controller = new AbortController();
  const run = regioOverview(host, files.map(picked), {
    signal: controller.signal,
    onProgress: (done, _n, phase) => {
      if (phase === 'files' && done === 2) controller.abort();
    },
  });
  await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  expect(fake.sheetNames()).toEqual(['Notities']);
}, 120_000);
