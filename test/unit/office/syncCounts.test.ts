// Each pane action costs a small fixed number of context.sync calls; only the
// number of read chunks (each under the response limit) grows with the data.

import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FULL_SUPPORT, planReadChunks } from '../../../src/hosts/office';
import { generate, removeAll, saveSettings, scan } from '../../../src/taskpane/actions';
import { excelHost } from '../../../src/taskpane/host';
import { FakeExcel, REQUEST_LIMIT, RESPONSE_LIMIT } from '../../support/fakeExcel';
import { snapshotFromXlsx } from '../../support/fakeExcel/fromXlsx';
import { withTrajectoryRows } from '../../support/fakeExcel/scale';
import { EXAMPLE } from '../../support/workbooks';

let example: WorkbookSnapshot;
beforeAll(async () => {
  example = await snapshotFromXlsx(EXAMPLE);
});

/** Syncs per action, minus the read chunks (which the test checks separately). */
async function measure(rows: number) {
  const snap = withTrajectoryRows(example, rows);
  const chunks = planReadChunks(snap.sheets.map((s) => ({ rows: s.rowCount, cols: s.colCount }))).length;
  const fake = FakeExcel.fromSnapshot(snap);
  const host = excelHost((batch) => fake.run(batch), FULL_SUPPORT);
  const counts: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>, readsBefore: number) => {
    fake.resetCounts();
    await fn();
    counts[name] = fake.syncCount - readsBefore * chunks;
    expect(fake.maxRequestBytes).toBeLessThan(REQUEST_LIMIT);
    expect(fake.maxResponseBytes).toBeLessThan(RESPONSE_LIMIT);
  };
  let scanned: Awaited<ReturnType<typeof scan>> | undefined;
  await step('scan', async () => (scanned = await scan(host)), 1);
  await step('generate all', () => generate(host, 'all', undefined), 1);
  await step('generate again', () => generate(host, 'all', undefined), 1);
  await step('findings sheet', () => generate(host, 'findings', undefined), 1);
  await step('save settings', () => saveSettings(host, scanned!.settings), 1);
  await step('select', () => host.select("Risico's", 'D9'), 0);
  await step('remove', () => removeAll(host, false), 1);
  return { counts, chunks, rows: scanned!.snapshot.sheets.find((s) => s.name === 'Trajecten')!.rowCount };
}

describe('context.sync calls per action', () => {
  it('are the same for 100 and for 50.000 trajectory rows, apart from read chunks', async () => {
    const small = await measure(100);
    const large = await measure(50_000);
    expect(small.rows).toBe(101);
    expect(large.rows).toBe(50_001);
    expect(small.chunks).toBe(1);
    expect(large.chunks).toBeGreaterThan(20);
    // Reading: worksheets, used ranges (+ tables, merges, hidden rows), then the chunks.
    // Writing: which sheets exist, then one request with everything.
    const expected = { scan: 2, 'generate all': 4, 'generate again': 4, 'findings sheet': 4, 'save settings': 4, select: 1, remove: 3 };
    expect(small.counts).toEqual(expected);
    expect(large.counts).toEqual(expected);
  }, 120_000);
});
