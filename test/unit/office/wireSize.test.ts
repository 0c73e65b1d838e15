// The adapter packs write requests by sizes it measures on a recorder
// (src/hosts/office/wireSize.ts). Here every kind of write operation is run
// through Microsoft's Office.js client library and its serialized request is
// compared with that measurement: the measurement must never be smaller, and
// at the scale of a real write not wildly larger. Requests built at ids of
// seven digits, as in a long session.

import { SheetBuilder } from '../../../src/core/plan/sheetBuilder';
import { buildReport } from '../../../src/core/report';
import { FULL_SUPPORT, readWorkbook } from '../../../src/hosts/office';
import { sheetOps } from '../../../src/hosts/office/sheetOps';
import { measureWire } from '../../../src/hosts/office/wireSize';
import { FakeExcel } from '../../support/fakeExcel';
import { snapshotFromXlsx } from '../../support/fakeExcel/fromXlsx';
import { EXAMPLE } from '../../support/workbooks';

/** Bytes one operation adds to a real request: the request with it minus the request without it. */
async function serializedBytes(fake: FakeExcel, run: (ws: Excel.Worksheet) => void): Promise<number> {
  const sizes: number[] = [];
  for (const withOp of [false, true]) {
    const ctx = fake.context();
    // Push the library's id counter to seven digits, as after a long session.
    const internal = ctx as unknown as { m_nextId: number };
    expect(typeof internal.m_nextId).toBe('number');
    internal.m_nextId = 1_000_000;
    const ws = ctx.workbook.worksheets.getItem('TB Test');
    ws.load('name');
    if (withOp) run(ws);
    fake.resetCounts();
    await ctx.sync();
    sizes.push(fake.syncs[0].requestBytes);
  }
  return sizes[1] - sizes[0];
}

describe('measured write sizes against Microsoft serializer', () => {
  it('are an upper bound for every operation of a full report, and within 2.5x of it for the report as a whole', async () => {
    const example = await snapshotFromXlsx(EXAMPLE);
    const plan = buildReport(example).plan;
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('TB Test');
      await ctx.sync();
    });
    let measured = 0;
    let real = 0;
    let checked = 0;
    for (const spec of plan.sheets) {
      for (const op of sheetOps({ ...spec, name: 'TB Test' }, FULL_SUPPORT)) {
        const bytes = await serializedBytes(fake, op.run);
        expect([spec.name, op.size >= bytes]).toEqual([spec.name, true]);
        measured += op.size;
        real += bytes;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(measured / real).toBeLessThan(2.5);
  }, 120_000);

  it('are an upper bound for a grid the library splits into row slices (over 1.500 cells)', async () => {
    const b = new SheetBuilder('TB Test');
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 6; c++) b.text(r, c, `r${r}c${c}`);
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('TB Test');
      await ctx.sync();
    });
    const grid = sheetOps(b.build(), FULL_SUPPORT)[0];
    const bytes = await serializedBytes(fake, grid.run);
    expect(grid.size).toBeGreaterThanOrEqual(bytes);
    expect(grid.size / bytes).toBeLessThan(1.5);
  });

  it("counts UTF-8 bytes: a '€' format and accented text are more bytes than characters", async () => {
    const b = new SheetBuilder('TB Test');
    for (let r = 0; r < 200; r++) b.text(r, 0, 'Begroot € één café');
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('TB Test');
      await ctx.sync();
    });
    for (const op of sheetOps(b.build(), FULL_SUPPORT)) {
      const bytes = await serializedBytes(fake, op.run);
      expect(op.size).toBeGreaterThanOrEqual(bytes);
    }
  });

  it('the recorder sees every path and action an operation makes', () => {
    const count = measureWire((ws: Excel.Worksheet) => {
      const r = ws.getRangeByIndexes(0, 0, 1, 2);
      r.format.font.bold = true;
      r.values = [[1, 2]];
    });
    // ws, the range, format, font; two property sets plus the getRangeByIndexes call.
    expect(count).toMatchObject({ paths: 4, actions: 3 });
  });
});

describe('reading through the real library', () => {
  it('asks for values, formulas, number formats and value types in one load per chunk', async () => {
    const fake = FakeExcel.fromSnapshot(await snapshotFromXlsx(EXAMPLE));
    const { stats } = await fake.run((ctx) => readWorkbook(ctx));
    expect(stats.chunks).toBe(1);
    expect(fake.syncs.map((s) => s.operations).every((n) => n > 0)).toBe(true);
  });
});
