// The fake Excel is strict where real Excel is (each rule cites its source in
// STRICT_RULES), so the adapter cannot pass tests with requests Excel refuses.
// Every request here is built and serialized by Microsoft's client library.

import { FakeExcel, MAX_FORMULA, MAX_TEXT, PAYLOAD_LIMIT, STRICT_RULES } from '../../support/fakeExcel';

async function workbook(): Promise<FakeExcel> {
  const fake = FakeExcel.empty();
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.add('Blad1');
    ctx.workbook.worksheets.add('Verborgen').visibility = 'Hidden';
    await ctx.sync();
  });
  return fake;
}

const refused = (fake: FakeExcel, batch: (ctx: Excel.RequestContext) => void) =>
  fake
    .run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    })
    .then(
      () => null,
      (e: { code?: string }) => e.code,
    );

describe('the strict fake', () => {
  it('cites a source for every rule', () => {
    for (const [rule, source] of Object.entries(STRICT_RULES)) expect([rule, /https:\/\//.test(source)]).toEqual([rule, true]);
  });

  it('refuses an array whose dimensions do not match the range', async () => {
    const fake = await workbook();
    expect(await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Blad1').getRange('A1:B2').values = [[1, 2]]))).toBe('InvalidArgument');
  });

  it('leaves a cell written as null unchanged', async () => {
    const fake = await workbook();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Blad1').getRange('A1:B1').values = [['eerst', 'ook']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Blad1').getRange('A1:B1').values = [[null as unknown as string, 'later']];
    });
    expect([fake.text('Blad1', 'A1'), fake.text('Blad1', 'B1')]).toEqual(['eerst', 'later']);
  });

  it.each([['x'.repeat(32)], ['a/b'], ['a:b'], ['[x]'], ["'x"], ['History'], ['']])('refuses the sheet name %p', async (name) => {
    const fake = await workbook();
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.add(name))).toBe('InvalidArgument');
  });

  it('compares sheet names case-insensitively', async () => {
    const fake = await workbook();
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.add('BLAD1'))).toBe('ItemAlreadyExists');
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.getItem('blad1').getRange('A1').load('values'))).toBeNull();
  });

  it('refuses a formula over 8.192 and a text over 32.767 characters', async () => {
    const fake = await workbook();
    expect(await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Blad1').getRange('A1').formulas = [[`=${'1+'.repeat(MAX_FORMULA / 2)}1`]]))).toBe('InvalidArgument');
    expect(await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['x'.repeat(MAX_TEXT + 1)]]))).toBe('InvalidArgument');
    expect(await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Blad1').getRange('A1').values = [['x'.repeat(MAX_TEXT)]]))).toBeNull();
  });

  it('refuses an invalid conditional-format formula', async () => {
    const fake = await workbook();
    const bad = await refused(fake, (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Blad1').getRange('A1:A5').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=AND(A1>1';
    });
    expect(bad).toBe('InvalidArgument');
  });

  it('refuses to freeze panes on a hidden sheet', async () => {
    const fake = await workbook();
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.getItem('Verborgen').freezePanes.freezeRows(1))).toBe('GeneralException');
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.getItem('Blad1').freezePanes.freezeRows(1))).toBeNull();
  });

  it('refuses a request over 4 MB on the wire, as measured from what the library serialized', async () => {
    const fake = await workbook();
    const big = Array.from({ length: 200 }, () => ['é'.repeat(12_000)]);
    // 2,4 million characters, but 4,8 MB in UTF-8.
    expect(await refused(fake, (ctx) => (ctx.workbook.worksheets.getItem('Blad1').getRange('A1:A200').values = big))).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.syncs[fake.syncs.length - 1].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it("uses Microsoft's requirement-set table: an API above the host's version throws ApiNotFound", async () => {
    const fake = await workbook();
    fake.apiVersion = 1.7;
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.getItem('Blad1').getRange().getSpecialCellsOrNullObject('Visible').load('address'))).toBe('ApiNotFound');
    fake.apiVersion = 1.9;
    expect(await refused(fake, (ctx) => ctx.workbook.worksheets.getItem('Blad1').getRange().getSpecialCellsOrNullObject('Visible').load('address'))).toBeNull();
  });
});
