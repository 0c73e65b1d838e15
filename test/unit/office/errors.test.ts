// Errors a user and a support desk can act on: every code Office documents has
// a Dutch and an English sentence, classification never reads Office's
// (localized) message, and a changed workbook stops the write.

import * as fs from 'fs';
import { buildReport } from '../../../src/core/report';
import { applyPlan, classifyError, errorDetails, OFFICE_ERROR_CODES, readWorkbook } from '../../../src/hosts/office';
import { generate } from '../../../src/taskpane/actions';
import { excelHost } from '../../../src/taskpane/host';
import { OFFICE_ERROR_ADVICE } from '../../../src/taskpane/i18n/officeErrors';
import { errorStatus } from '../../../src/taskpane/usePane';
import { STRINGS } from '../../../src/taskpane/i18n/strings';
import { FULL_SUPPORT } from '../../../src/hosts/office';
import { FakeExcel, FakeOfficeError } from '../../support/fakeExcel';
import { snapshotFromXlsx } from '../../support/fakeExcel/fromXlsx';
import { EXAMPLE } from '../../support/workbooks';

/** The codes @types/office-js documents: OfficeExtension.ErrorCodes (static members) and Excel.ErrorCodes (enum). */
function documentedCodes(): string[] {
  const dts = fs.readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
  const ext = dts.slice(dts.indexOf('class ErrorCodes'), dts.indexOf('}', dts.indexOf('class ErrorCodes')));
  const statics = [...ext.matchAll(/static (\w+): string/g)].map((m) => m[1][0].toUpperCase() + m[1].slice(1));
  const excelStart = dts.indexOf('enum ErrorCodes', dts.indexOf('declare namespace Excel'));
  const excel = dts.slice(excelStart, dts.indexOf('}', excelStart));
  return [...new Set([...statics, ...[...excel.matchAll(/= "(\w+)"/g)].map((m) => m[1])])];
}

describe('Office error codes', () => {
  it('every documented code has a category and a Dutch and English sentence saying what to do', () => {
    const codes = documentedCodes();
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      expect([code, OFFICE_ERROR_CODES[code]]).toEqual([code, expect.any(String)]);
      expect([code, OFFICE_ERROR_ADVICE[code]?.nl.length > 20, OFFICE_ERROR_ADVICE[code]?.en.length > 20]).toEqual([code, true, true]);
      expect(OFFICE_ERROR_ADVICE[code].nl).not.toEqual(OFFICE_ERROR_ADVICE[code].en);
    }
  });

  it('classifies by code only: a localized message changes nothing, an unknown code is "unknown"', () => {
    expect(classifyError({ code: 'InvalidOperationInCellEditMode', message: 'Bewerkingsmodus' }).code).toBe('cell-editing');
    expect(classifyError({ code: 'Weird', message: 'The sheet is protected; payload; edit mode' }).code).toBe('unknown');
  });

  it('puts the code, the error location and the step in a copyable Details section', () => {
    const err = classifyError({ code: 'InvalidArgument', message: 'Ongeldig argument', debugInfo: { errorLocation: 'Range.formulas' } });
    err.leftBehind = ['TB Normen'];
    const status = errorStatus(err, STRINGS.nl, 'Genereren (write 3/5)');
    expect(status).toMatchObject({ kind: 'error' });
    const s = status as { text: string; detail: string };
    expect(s.text).toContain(OFFICE_ERROR_ADVICE.InvalidArgument.nl);
    expect(s.text).toContain('TB Normen');
    expect(s.detail).toBe(errorDetails(err, 'Genereren (write 3/5)'));
    expect(s.detail.split('\n')).toEqual([
      'Code: InvalidArgument',
      'Stap / step: Genereren (write 3/5)',
      'Locatie / errorLocation: Range.formulas',
      'Onvolledig / incomplete: TB Normen',
      'Melding / message: Ongeldig argument',
    ]);
    expect((errorStatus(err, STRINGS.en, 'x') as { text: string }).text).toContain(OFFICE_ERROR_ADVICE.InvalidArgument.en);
  });

  it("keeps Office's errorLocation from Microsoft's library when Excel refuses a request", async () => {
    const fake = FakeExcel.empty();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad1');
      await ctx.sync();
    });
    const err = await fake.run(async (ctx) => applyPlan(ctx, { sheets: [{ ...buildReport({ sheets: [] }).plan.sheets[0], name: 'TB:fout' }], removeSheets: [] })).catch((e) => e);
    expect(err).toMatchObject({ code: 'unknown', detail: 'InvalidArgument', location: 'WorksheetCollection.add' });
  });
});

describe('a workbook that changes during a run', () => {
  it('is detected before anything is written (rows added to a user sheet), and the user is asked to run again', async () => {
    const example = await snapshotFromXlsx(EXAMPLE);
    const fake = FakeExcel.fromSnapshot(example);
    const host = excelHost((b) => fake.run(b), FULL_SUPPORT);
    // The user types below the data while the report is being built: after the read, before the write.
    const read = host.read.bind(host);
    host.read = async (req) => {
      const snap = await read(req);
      Object.assign(fake.sheet('Trajecten')!.ensure(5000, 0), { value: 'nieuw' });
      return snap;
    };
    const before = fake.sheetNames();
    await expect(generate(host, 'all', undefined)).rejects.toMatchObject({ code: 'workbook-changed', detail: 'Trajecten' });
    expect(fake.sheetNames()).toEqual(before);
  });

  it('a user sheet named like a generated one in other case is not overwritten (Excel names are case-insensitive)', async () => {
    const example = await snapshotFromXlsx(EXAMPLE);
    const fake = FakeExcel.fromSnapshot(example);
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx));
    const plan = buildReport(snapshot).plan;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add(plan.sheets[0].name.toLowerCase());
      await ctx.sync();
    });
    await expect(fake.run((ctx) => applyPlan(ctx, plan, { ownedSheets: [] }))).rejects.toMatchObject({ code: 'sheet-not-ours' });
  });

  it('Excel refusing a request is reported with the code the fake raised', async () => {
    const fake = FakeExcel.empty();
    fake.hooks.beforeSync = () => {
      throw new FakeOfficeError('ActivityLimitReached', 'te druk');
    };
    await expect(fake.run((ctx) => readWorkbook(ctx))).rejects.toMatchObject({ code: 'busy', detail: 'ActivityLimitReached' });
  });
});
