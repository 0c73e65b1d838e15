// Browser-side test harness: puts a FakeExcel, loaded from the snapshot the
// test injected, behind the page's `Excel.run`, and answers office.js's
// requirement-set questions for it. Bundled by the browser test only.

import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FakeExcel } from '../../support/fakeExcel';

type Win = Window & Record<string, unknown>;
const w = window as unknown as Win;
const snapshot = w.__tbSnapshot as WorkbookSnapshot;
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
