import { buildReport, removalPlan } from '../../../src/core/report';
import { SHEET, GENERATED_MARKER } from '../../../src/core/generatedSheets';
import { SheetBuilder } from '../../../src/core/plan/sheetBuilder';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { rowValues } from '../../../src/core/workbook/snapshot';
import { applyPlan, planReadChunks, readWorkbook, removeGenerated, selectCell } from '../../../src/hosts/office';
import { HostError } from '../../../src/hosts/office/errors';
import { FakeExcel, FakeOfficeError } from '../../support/fakeExcel';
import { snapshotFromXlsx } from '../../support/fakeExcel/fromXlsx';
import { EXAMPLE } from '../../support/workbooks';

let example: WorkbookSnapshot;
beforeAll(async () => {
  example = await snapshotFromXlsx(EXAMPLE);
});

describe('readWorkbook through the fake Office host', () => {
  it('gives the same cells as the ExcelJS host for the example workbook', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Risico's", 'Financiering', 'Indicatoren', 'Trajecten']);
    for (const want of example.sheets) {
      const got = snapshot.sheets.find((s) => s.name === want.name)!;
      expect(got.rowCount).toBe(want.rowCount);
      for (let r = 0; r < want.rowCount; r++) {
        for (let c = 0; c < got.colCount; c++) {
          expect([want.name, r, c, got.value(r, c)]).toEqual([want.name, r, c, want.value(r, c)]);
        }
      }
    }
    const traj = snapshot.sheets.find((s) => s.name === 'Trajecten')!;
    expect(traj.value(1, 0)).toBe('T-00001');
    // Dates stay serial numbers with their date format.
    expect(typeof traj.value(1, 3)).toBe('number');
    expect(traj.numberFormat(1, 3)).toMatch(/[dy]/);
  });

  it('reads formulas without "=", errors as error values, merges and rows hidden by a filter', async () => {
    const fake = FakeExcel.fromSnapshot({ sheets: [] });
    const ctx = fake.context();
    ctx.workbook.worksheets.add('Data');
    await ctx.sync();
    const s = fake.sheet('Data')!;
    Object.assign(s.ensure(0, 0), { value: 'Kop' });
    Object.assign(s.ensure(1, 0), { value: 2 });
    Object.assign(s.ensure(2, 0), { value: 4, formula: '=A2*2' });
    Object.assign(s.ensure(3, 0), { value: '#DIV/0!', formula: '=1/0', error: true });
    // Text that only looks like an error or a formula stays text (valueTypes; quote prefix).
    Object.assign(s.ensure(4, 0), { value: '#N/A' });
    Object.assign(s.ensure(5, 0), { value: '=AVERAGE(A2:A3)', quotePrefix: true });
    s.merges.push('A1:B1');
    s.hiddenRows.add(2);
    fake.resetCounts();
    const { snapshot } = await fake.run((c) => readWorkbook(c));
    const got = snapshot.sheets[0];
    expect([0, 1, 2, 3, 4, 5].map((r) => got.value(r, 0))).toEqual(['Kop', 2, 4, { error: '#DIV/0!' }, '#N/A', '=AVERAGE(A2:A3)']);
    expect(got.formula(2, 0)).toBe('A2*2');
    expect(got.formula(5, 0)).toBeNull();
    expect(got.merges).toEqual(['A1:B1']);
    expect(got.hiddenRows).toEqual([2]);
  });

  it('leaves merges and hidden rows out on hosts below ExcelApi 1.9 / 1.13 instead of failing', async () => {
    const fake = FakeExcel.fromSnapshot(example, { apiVersion: 1.7 });
    const support = { minimum: true, dataValidation: false, hiddenRows: false, merges: false, printLayout: false };
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx, { support }));
    expect(snapshot.sheets).toHaveLength(4);
    expect(snapshot.sheets.every((s) => s.merges.length === 0 && s.hiddenRows.length === 0)).toBe(true);
  });
});

describe('applyPlan through the fake Office host', () => {
  it('writes the report in place: text stays literal, formulas are formulas, links point into the workbook', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const report = buildReport(snapshot);
    fake.resetCounts();
    const stats = await fake.run((ctx) => applyPlan(ctx, report.plan, { ownedSheets: [] }));
    expect(stats).toMatchObject({ syncs: 2, batches: 1, deletedSheets: 0 });
    expect(fake.syncCount).toBe(2);
    for (const name of report.generatedSheets) expect(fake.sheetNames()).toContain(name);
    const findings = fake.sheet(SHEET.findings)!;
    expect(findings.at('A2')!.value).toMatch(/^Gegenereerd door Toetsblad/);
    expect(findings.at('A2')!.quotePrefix).toBe(true);
    // Every formula cell of the plan arrives as a formula, every text as the same text.
    for (const spec of report.plan.sheets) {
      const sheet = fake.sheet(spec.name)!;
      for (const cell of spec.cells) {
        const got = sheet.get(cell.row, cell.col)!;
        if (cell.f !== undefined) expect(got.formula).toBe(`=${cell.f}`);
        else if (typeof cell.v === 'string' && cell.v !== '') expect(got.value).toBe(cell.v);
        else if (typeof cell.v === 'number') expect(got.value).toBe(cell.v);
        if (cell.link) expect(got.hyperlink?.documentReference).toMatch(/!/);
      }
      expect(sheet.tabColor).toBe(spec.tabColor ? `#${spec.tabColor}` : '');
    }
    // The user's sheets are untouched.
    for (const user of example.sheets) {
      const sheet = fake.sheet(user.name)!;
      expect(sheet.at('A1')!.value).toBe(user.value(0, 0) ?? '');
    }
  });

  it('keeps text that looks like a formula, number or date literal', async () => {
    const b = new SheetBuilder('TB Test');
    b.header('Titel');
    const nasty = ['=HYPERLINK("http://x","klik")', '+31 6 1234', '-5', '@SUM(A1)', '00123', '1-3', "'quoted", 'TRUE'];
    nasty.forEach((t, i) => b.text(4 + i, 0, t));
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad1');
      await ctx.sync();
      await applyPlan(ctx, { sheets: [b.build()], removeSheets: [] });
    });
    const sheet = fake.sheet('TB Test')!;
    nasty.forEach((t, i) => {
      const c = sheet.get(4 + i, 0)!;
      expect(c.formula).toBeUndefined();
      expect(c.value).toBe(t);
    });
  });

  it('re-running replaces only its own sheets, in place and without deleting any', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    for (let i = 0; i < 2; i++) {
      const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
      const report = buildReport(snapshot);
      const owned = snapshot.sheets.filter((s) => String(s.value(1, 0) ?? '').startsWith(GENERATED_MARKER.slice(0, 20))).map((s) => s.name);
      const stats = await fake.run((ctx) => applyPlan(ctx, report.plan, { ownedSheets: owned }));
      expect(stats.deletedSheets).toBe(0);
    }
    expect(fake.sheetNames().filter((n) => n === SHEET.findings)).toHaveLength(1);
    expect(fake.sheetNames().slice(0, 4)).toEqual(["Risico's", 'Financiering', 'Indicatoren', 'Trajecten']);
  });

  it('refuses to write over a same-named sheet the snapshot did not mark as generated', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = buildReport(snapshot).plan;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add(SHEET.findings);
      await ctx.sync();
    });
    await expect(fake.run((ctx) => applyPlan(ctx, plan, { ownedSheets: [] }))).rejects.toMatchObject({ code: 'sheet-not-ours' });
  });

  it('writes a plan too large for one request in several, in place, each request within its measured size', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = buildReport(snapshot).plan;
    const progress: [number, number][] = [];
    fake.resetCounts();
    const stats = await fake.run((ctx) => applyPlan(ctx, plan, { requestBudget: 20_000, onProgress: (d, t) => progress.push([d, t]) }));
    expect(stats.batches).toBeGreaterThan(3);
    expect(stats.syncs).toBe(stats.batches + 1);
    expect(progress[progress.length - 1]).toEqual([stats.batches + 1, stats.batches + 1]);
    // The adapter's measured size is an upper bound of what Microsoft's serializer put on the wire.
    const writes = fake.syncs.slice(1);
    writes.forEach((w, i) => expect(w.requestBytes).toBeLessThanOrEqual(stats.batchBytes[i]));
    // Only a request holding one operation larger than the budget may exceed it.
    stats.batchBytes.slice(1).forEach((b, i) => writes[i + 1].operations > 30 && expect(b).toBeLessThanOrEqual(20_000));
    expect(fake.sheet(SHEET.findings)!.at('A2')!.value).toMatch(/^Gegenereerd/);
  });

  it('a refresh keeps a user formula that points at a generated sheet: sheets are rewritten, never deleted', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const first = await fake.run((ctx) => readWorkbook(ctx));
    await fake.run((ctx) => applyPlan(ctx, buildReport(first.snapshot).plan));
    const ids = new Map(fake.data.sheets.map((s) => [s.name, s.id]));
    Object.assign(fake.sheet("Risico's")!.ensure(40, 0), { value: 0, formula: "='TB Bevindingen'!A2" });
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    for (const budget of [undefined, 20_000]) {
      const stats = await fake.run((ctx) => applyPlan(ctx, buildReport(snapshot).plan, { requestBudget: budget, ownedSheets: [...ids.keys()].filter((n) => n.startsWith('TB ')) }));
      expect(stats.deletedSheets).toBe(0);
      for (const s of fake.data.sheets) expect([s.name, s.id]).toEqual([s.name, ids.get(s.name)]);
    }
    expect(fake.sheet("Risico's")!.at('A41')!.formula).toBe("='TB Bevindingen'!A2");
  });

  it('cancelling before the first write changes nothing; a cancel during the writes lets them finish', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = buildReport(snapshot).plan;
    const before = fake.sheetNames();
    const early = new AbortController();
    const run = fake.run((ctx) => applyPlan(ctx, plan, { requestBudget: 20_000, signal: early.signal, onProgress: (d) => d === 1 && early.abort() }));
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(fake.sheetNames()).toEqual(before);
    const late = new AbortController();
    const stats = await fake.run((ctx) => applyPlan(ctx, plan, { requestBudget: 20_000, signal: late.signal, onProgress: (d) => d === 3 && late.abort() }));
    expect(stats.batches).toBeGreaterThan(3);
    for (const spec of plan.sheets) expect(fake.sheet(spec.name)!.at('A1')!.value).toBe(spec.cells.find((c) => c.row === 0 && c.col === 0)?.v ?? '');
  });

  it('a write Excel refuses halfway names the sheets it left incomplete', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = buildReport(snapshot).plan;
    fake.resetCounts();
    fake.hooks.beforeSync = (i) => {
      if (i === 3) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'editing');
    };
    const err = await fake.run((ctx) => applyPlan(ctx, plan, { requestBudget: 20_000 })).catch((e) => e);
    fake.hooks.beforeSync = undefined;
    expect(err).toMatchObject({ code: 'cell-editing', leftBehind: plan.sheets.map((s) => s.name) });
  });

  it('maps Excel refusals to codes the pane explains', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = buildReport(snapshot).plan;
    for (const [code, want] of [
      ['InvalidOperationInCellEditMode', 'cell-editing'],
      ['RequestPayloadSizeLimitExceeded', 'payload-too-large'],
      ['AccessDenied', 'protected'],
      ['ApiNotFound', 'unsupported'],
    ]) {
      fake.hooks.beforeSync = () => {
        throw new FakeOfficeError(code, 'refused');
      };
      const err = await fake.run((ctx) => applyPlan(ctx, plan)).catch((e) => e);
      expect(err).toBeInstanceOf(HostError);
      expect(err.code).toBe(want);
    }
    fake.hooks.beforeSync = undefined;
  });

  it('"Verwijder Toetsblad-bladen" removes exactly the generated sheets in one request', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const first = await fake.run((ctx) => readWorkbook(ctx));
    await fake.run((ctx) => applyPlan(ctx, buildReport(first.snapshot).plan));
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = removalPlan(snapshot);
    expect(plan.removeSheets.length).toBeGreaterThan(0);
    fake.resetCounts();
    await fake.run((ctx) => removeGenerated(ctx, plan.removeSheets));
    expect(fake.syncCount).toBe(1);
    expect(fake.sheetNames()).toEqual(["Risico's", 'Financiering', 'Indicatoren', 'Trajecten']);
  });

  it('selects a finding cell and brings its sheet forward in one request', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    await fake.run((ctx) => selectCell(ctx, "Risico's", 'D9'));
    expect(fake.syncCount).toBe(1);
    expect(fake.selection).toEqual({ sheet: "Risico's", address: 'D9' });
  });
});

describe('read chunks', () => {
  it('packs small sheets into one request and splits big ones by rows within the budget', () => {
    expect(planReadChunks([{ rows: 30, cols: 8 }, { rows: 100, cols: 11 }])).toHaveLength(1);
    const big = planReadChunks([{ rows: 50_001, cols: 11 }], 25_000);
    expect(big.every((req) => req.reduce((n, c) => n + c.rowCount * c.colCount, 0) <= 25_000)).toBe(true);
    expect(big.reduce((n, req) => n + req.reduce((m, c) => m + c.rowCount, 0), 0)).toBe(50_001);
    expect(big).toHaveLength(Math.ceil(50_001 / Math.floor(25_000 / 11)));
  });
});

describe('huge sparse used ranges', () => {
  it('reads only the non-empty areas of a sheet whose used range runs to XFD1048576, in one extra round trip', async () => {
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Rand');
      await ctx.sync();
    });
    const s = fake.sheet('Rand')!;
    Object.assign(s.ensure(0, 0), { value: 'Kans' });
    Object.assign(s.ensure(0, 16383), { value: 'rechtsboven' });
    Object.assign(s.ensure(1048575, 0), { value: 'linksonder' });
    Object.assign(s.ensure(1048575, 16383), { value: 123456782 });
    Object.assign(s.ensure(1, 0), { value: 3, formula: '=1+2' });
    fake.resetCounts();
    const { snapshot, stats } = await fake.run((ctx) => readWorkbook(ctx));
    const got = snapshot.sheets[0];
    expect([got.rowCount, got.colCount]).toEqual([1048576, 16384]);
    expect(got.value(0, 0)).toBe('Kans');
    expect(got.value(0, 16383)).toBe('rechtsboven');
    expect(got.value(1, 0)).toBe(3);
    expect(got.formula(1, 0)).toBe('1+2');
    expect(got.value(1048575, 0)).toBe('linksonder');
    expect(got.value(1048575, 16383)).toBe(123456782);
    expect(rowValues(got, 500).every((v) => v === null)).toBe(true);
    expect(stats.syncs).toBe(3 + stats.chunks);
    expect(stats.chunks).toBe(1);
    expect(fake.maxResponseBytes).toBeLessThan(100_000);
  });
});

describe('read progress and cancel', () => {
  it('reports each round trip against a known total and stops cleanly when cancelled', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const steps: [number, number][] = [];
    const { stats } = await fake.run((ctx) => readWorkbook(ctx, { cellBudget: 2_000, onProgress: (d, n) => steps.push([d, n]) }));
    expect(stats.chunks).toBeGreaterThan(3);
    expect(steps[steps.length - 1]).toEqual([stats.syncs, stats.syncs]);
    expect(steps.map(([d]) => d)).toEqual(Array.from({ length: steps.length }, (_, i) => 2 + i));

    const controller = new AbortController();
    fake.resetCounts();
    const run = fake.run((ctx) => readWorkbook(ctx, { cellBudget: 2_000, signal: controller.signal, onProgress: (d) => d === 3 && controller.abort() }));
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(fake.syncCount).toBe(3);
  });
});

describe('data validation lists', () => {
  it('writes drop-downs Excel accepts and leaves out lists it would refuse, instead of failing the write', async () => {
    const b = new SheetBuilder('TB Lijsten');
    b.header('Titel');
    b.validation({ range: 'B5:B9', list: ['Ja', 'Nee'], prompt: 'Kies' });
    b.validation({ range: 'C5:C9', list: Array.from({ length: 60 }, (_, i) => `Meting nummer ${i}`) });
    b.validation({ range: 'D5:D9', list: ['a,b', 'c'] });
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad1');
      await ctx.sync();
      await applyPlan(ctx, { sheets: [b.build()], removeSheets: [] });
    });
    expect(fake.sheet('TB Lijsten')!.dataValidations.map((d) => [d.range, d.rule])).toEqual([['B5:B9', { list: { inCellDropDown: true, source: 'Ja,Nee' } }]]);
  });

  it('skips drop-downs on hosts without ExcelApi 1.8', async () => {
    const b = new SheetBuilder('TB Lijsten');
    b.validation({ range: 'B5:B9', list: ['Ja', 'Nee'] });
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad1');
      await ctx.sync();
      await applyPlan(ctx, { sheets: [b.build()], removeSheets: [] }, { support: { minimum: true, dataValidation: false, hiddenRows: false, merges: false, printLayout: false } });
    });
    expect(fake.sheet('TB Lijsten')!.dataValidations).toEqual([]);
  });
});

describe('reading long texts', () => {
  it('retries a read whose answer is too large in halves, and keeps every cell', async () => {
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Notities');
      await ctx.sync();
    });
    const s = fake.sheet('Notities')!;
    // 400 rows x 3 columns of 2.000-character notes: values and formulas alone are ~ 4,8 MB, over the limit.
    const note = (r: number, c: number) => `${r}/${c} ${'toelichting '.repeat(170)}`;
    for (let r = 0; r < 400; r++) for (let c = 0; c < 3; c++) Object.assign(s.ensure(r, c), { value: note(r, c) });
    fake.resetCounts();
    const { snapshot, stats } = await fake.run((ctx) => readWorkbook(ctx));
    // One request for all 1.200 cells is refused; its two halves go through.
    expect(stats.chunks).toBe(2);
    expect(fake.syncCount).toBe(2 + 1 + 2);
    expect(fake.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    const got = snapshot.sheets[0];
    expect(got.rowCount).toBe(400);
    expect(got.value(399, 2)).toBe(note(399, 2));
    expect(got.value(0, 0)).toBe(note(0, 0));
  });

  it('cuts generated text at Excel\'s 32.767 characters instead of failing the write', async () => {
    const b = new SheetBuilder('TB Lang');
    b.text(0, 0, 'x'.repeat(40_000));
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad1');
      await ctx.sync();
      await applyPlan(ctx, { sheets: [b.build()], removeSheets: [] });
    });
    const v = fake.sheet('TB Lang')!.at('A1')!.value as string;
    expect(v.length).toBe(32_767);
    expect(v.endsWith('…')).toBe(true);
  });
});

describe('calculation while writing formulas', () => {
  it('asks Excel to hold calculation for a request with many formulas, not for a small one', async () => {
    const big = new SheetBuilder('TB Veel');
    for (let r = 0; r < 1200; r++) big.formula(r, 0, `${r}+1`, r + 1);
    const small = new SheetBuilder('TB Weinig');
    for (let r = 0; r < 10; r++) small.formula(r, 0, `${r}+1`, r + 1);
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad1');
      await ctx.sync();
    });
    await fake.run((ctx) => applyPlan(ctx, { sheets: [small.build()], removeSheets: [] }));
    expect(fake.backend.calculationSuspendedRequests).toBe(0);
    await fake.run((ctx) => applyPlan(ctx, { sheets: [big.build()], removeSheets: [] }));
    expect(fake.backend.calculationSuspendedRequests).toBe(1);
    expect(fake.sheet('TB Veel')!.at('A1200')!.formula).toBe('=1199+1');
  });
});
