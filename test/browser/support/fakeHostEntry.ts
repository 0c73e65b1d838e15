// Browser-side test harness: puts a FakeExcel, loaded from the snapshot the
// test injected, behind the page's `Excel.run` (so the pane's requests go
// through Microsoft's Excel client library to the fake workbook), and answers
// office.js's requirement-set questions for it. Bundled by the browser test only.

import type { WorkbookRows } from '../../../src/core/workbook/fromRows';
import { workbookFromRows } from '../../../src/core/workbook/fromRows';
import { FakeExcel } from '../../support/fakeExcel';

type Win = Window & Record<string, unknown>;
const w = window as unknown as Win;
// The test hands the workbook over as plain rows (JSON); the fake is built from its snapshot.
const snapshot = workbookFromRows(w.__tbSnapshot as WorkbookRows);
const fake = FakeExcel.fromSnapshot(snapshot, { apiVersion: Number(w.__tbApiVersion ?? 1.17), hooks: { syncDelayMs: Number(w.__tbSyncDelayMs ?? 0) } });
fake.install(w);

// office.js (a classic script in <head>) has run once the document is interactive; the pane's deferred
// bundle has not. Office.context only exists once Office is ready, and this callback runs before the pane's.
type OfficeLike = { onReady(cb: () => void): unknown; context: object };
document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive' || !w.Office) return;
  const office = w.Office as unknown as OfficeLike;
  office.onReady(() => {
    const requirements = { isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version) };
    Object.defineProperty(office.context, 'requirements', { value: requirements, configurable: true });
  });
});

/** What the test reads back from the fake workbook. */
w.__tbWorkbook = () => ({
  sheets: fake.sheetNames(),
  selection: fake.selection,
  syncs: fake.syncCount,
  maxRequestBytes: fake.maxRequestBytes,
  runOptions: fake.lastRunOptions,
});
w.__tbCells = (sheet: string) => {
  const s = fake.sheet(sheet);
  if (!s) return null;
  const out: Record<string, string | number | boolean> = {};
  for (const [r, row] of s.cells)
    for (const [c, cell] of row) {
      const v = cell.formula ?? cell.value;
      if (v !== '') out[`${r},${c}`] = v;
    }
  return out;
};
/** The user types a formula into a cell (as in Excel, between two runs of the pane). */
w.__tbSetFormula = (sheet: string, address: string, formula: string) => {
  Object.assign(fake.sheet(sheet)!.at(address) ?? fake.sheet(sheet)!.ensure(...rowCol(address)), { formula, value: 0 });
};
/** Each sheet's stable id: a sheet deleted and re-added gets a new one. */
w.__tbSheetIds = () => Object.fromEntries(fake.data.sheets.map((s) => [s.name, s.id]));

function rowCol(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col];
}
