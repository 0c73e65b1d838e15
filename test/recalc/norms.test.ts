// Norm formulas under a real spreadsheet engine: LibreOffice must compute the
// same realisations as Toetsblad's engine and as the expected JSON (computed
// independently in Python), and the formulas must follow rows the user adds.

import * as path from 'path';
import type ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/hosts/exceljs/readWorkbook';
import { buildReport } from '../../src/core/report';
import { recalculate } from '../support/libreoffice';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue, readRecalculated } from '../support/recalcCheck';
import { EXAMPLE, EXPECTED, loadXlsx, tmpDir } from '../support/workbooks';
import { PCT_KEYS } from '../support/normKeys';

jest.setTimeout(300_000);

const NORMS = 'TB Normen';
const DEFS = 'TB Normdefinities';

const PLAIN_KEYS = ['cjg_overschrijdingen_14d_aantal', 'gem_cijfer_eind', 'gem_cijfer_stijging'];

/** What LibreOffice computed in the cell a figure points at. */
function sheetValue(wb: ExcelJS.Workbook, cell: string): unknown {
  return computedValue(wb.getWorksheet(NORMS)!.getCell(cell));
}

// ---- An independent reading of the Trajecten sheet, for the appended-rows test.

interface Traject {
  werksoort: string;
  aanmelding: Date | null;
  eerste: Date | null;
  afsluiting: Date | null;
  uitstroom: string;
  start: number | null;
  eind: number | null;
}

const asDate = (v: ExcelJS.CellValue): Date | null => (v instanceof Date ? v : null);
const asNum = (v: ExcelJS.CellValue): number | null => (typeof v === 'number' ? v : null);
const days = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 86_400_000);

function readTrajecten(ws: ExcelJS.Worksheet): Traject[] {
  const out: Traject[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (c: number) => row.getCell(c).value;
    out.push({ werksoort: String(v(2) ?? ''), aanmelding: asDate(v(4)), eerste: asDate(v(5)), afsluiting: asDate(v(6)), uitstroom: String(v(7) ?? ''), start: asNum(v(10)), eind: asNum(v(11)) });
  });
  return out;
}

function independent(rows: Traject[]) {
  const isw = rows.filter((r) => r.werksoort === 'Individueel sociaal werk' && r.aanmelding && r.eerste);
  const cjg = rows.filter((r) => r.werksoort === 'Jeugd (CJG)' && r.aanmelding && r.eerste);
  const iswClosed = rows.filter((r) => r.werksoort === 'Individueel sociaal werk' && r.afsluiting);
  const marks = rows.filter((r) => r.start !== null && r.eind !== null);
  const over = cjg.filter((r) => days(r.aanmelding!, r.eerste!) > 14);
  const perMonth: Record<string, number> = {};
  for (const r of over) {
    const k = `${r.aanmelding!.getUTCFullYear()}-${String(r.aanmelding!.getUTCMonth() + 1).padStart(2, '0')}`;
    perMonth[k] = (perMonth[k] ?? 0) + 1;
  }
  return {
    isw_eerste_gesprek_binnen_28d_pct: isw.filter((r) => days(r.aanmelding!, r.eerste!) <= 28).length / isw.length,
    isw_doorverwijzing_maatwerk_wmo_pct: iswClosed.filter((r) => r.uitstroom === 'Maatwerkvoorziening Wmo').length / iswClosed.length,
    cjg_overschrijdingen_14d_aantal: over.length,
    gem_cijfer_eind: marks.reduce((s, r) => s + r.eind!, 0) / marks.length,
    perMonth,
  };
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('norm formulas under LibreOffice', () => {
  let example: Awaited<ReturnType<typeof reportAndRecalculate>>['example'];

  beforeAll(async () => {
    ({ example } = await reportAndRecalculate({ example: await loadXlsx(EXAMPLE) }, { features: ['norms'] }));
  });

  it('agrees with the engine on every formula cell of the norms sheet', () => {
    expect(example.mismatches).toEqual([]);
  });

  it.each(PCT_KEYS)('%s: engine and LibreOffice equal the expected fraction', (key) => {
    const fig = example.result.figures.find((f) => f.key === key)!;
    expect(fig).toMatchObject({ sheet: NORMS, unit: 'fraction' });
    expect(fig.value).toBeCloseTo(EXPECTED.trajecten[key] / 100, 4);
    expect(sheetValue(example.workbook, fig.cell)).toBeCloseTo(EXPECTED.trajecten[key] / 100, 4);
  });

  it.each(PLAIN_KEYS)('%s: engine and LibreOffice equal the expected value', (key) => {
    const fig = example.result.figures.find((f) => f.key === key)!;
    expect(fig.value).toBeCloseTo(EXPECTED.trajecten[key], 4);
    expect(sheetValue(example.workbook, fig.cell)).toBeCloseTo(EXPECTED.trajecten[key], 4);
  });

  it('has the monthly CJG counts as figures, equal in engine and LibreOffice', () => {
    const months = EXPECTED.trajecten.cjg_overschrijdingen_per_maand_aanmelding as Record<string, number>;
    const monthly = example.result.figures.filter((f) => f.key.startsWith('cjg_overschrijdingen_14d_aantal_'));
    expect(monthly.map((f) => f.key.slice(-7))).toEqual(Object.keys(months));
    for (const f of monthly) {
      expect(f.value).toBe(months[f.key.slice(-7)]);
      expect(sheetValue(example.workbook, f.cell)).toBe(months[f.key.slice(-7)]);
    }
  });

  it('follows rows appended to the trajectory sheet after recalculation', async () => {
    const wb = await loadXlsx(example.written);
    const ws = wb.getWorksheet('Trajecten')!;
    const added = [
      // ISW: a 10-day wait and a 40-day wait; one closed to the Wmo.
      ['T-90001', 'Individueel sociaal werk', 'Lith', utc(2022, 5, 2), utc(2022, 5, 12), utc(2022, 6, 20), 'Maatwerkvoorziening Wmo', 'Nee', 3, 4, 9.5],
      ['T-90002', 'Individueel sociaal werk', 'Lith', utc(2022, 5, 2), utc(2022, 6, 11), null, null, null, null, null, null],
      // CJG: three waits over 14 days registered in June 2022, one exactly 14 days.
      ['T-90003', 'Jeugd (CJG)', 'Ruwaard', utc(2022, 6, 1), utc(2022, 6, 20), null, null, null, null, null, null],
      ['T-90004', 'Jeugd (CJG)', 'Ruwaard', utc(2022, 6, 3), utc(2022, 6, 30), null, null, null, null, null, null],
      ['T-90005', 'Jeugd (CJG)', 'Ruwaard', utc(2022, 6, 10), utc(2022, 6, 25), null, null, null, null, null, null],
      ['T-90006', 'Jeugd (CJG)', 'Ruwaard', utc(2022, 6, 10), utc(2022, 6, 24), null, null, null, null, null, null],
    ];
    const first = ws.rowCount + 1;
    added.forEach((values, i) =>
      values.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(first + i, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = 'dd-mm-yyyy';
      }),
    );
    const expected = independent(readTrajecten(ws));
    const before = independent(readTrajecten((await loadXlsx(example.written)).getWorksheet('Trajecten')!));
    expect(expected.cjg_overschrijdingen_14d_aantal).toBe(before.cjg_overschrijdingen_14d_aantal + 3);

    const dir = tmpDir('tb-norms-append-');
    const file = path.join(dir, 'appended.xlsx');
    await wb.xlsx.writeFile(file);
    const [out] = recalculate([file], path.join(dir, 'out'));
    const after = await readRecalculated(out);
    const cellOf = (key: string) => example.result.figures.find((f) => f.key === key)!.cell;
    for (const key of ['isw_eerste_gesprek_binnen_28d_pct', 'isw_doorverwijzing_maatwerk_wmo_pct', 'cjg_overschrijdingen_14d_aantal', 'gem_cijfer_eind'] as const) {
      const got = sheetValue(after, cellOf(key)) as number;
      expect([key, got]).toEqual([key, expect.closeTo(expected[key], 9)]);
      expect([key, got]).not.toEqual([key, expect.closeTo(before[key], 9)]);
    }
    expect(sheetValue(after, cellOf('cjg_overschrijdingen_14d_aantal_2022-06'))).toBe(expected.perMonth['2022-06']);
    expect(expected.perMonth['2022-06']).toBe(EXPECTED.trajecten.cjg_overschrijdingen_per_maand_aanmelding['2022-06'] + 3);
  });

  it('flags rows appended below the bounded SUMPRODUCT range', async () => {
    const wb = await loadXlsx(example.written);
    const ws = wb.getWorksheet('Trajecten')!;
    const far = ws.rowCount + 5000;
    ws.getCell(far, 1).value = 'T-99999';
    ws.getCell(far, 2).value = 'Jeugd (CJG)';
    const dir = tmpDir('tb-norms-far-');
    const file = path.join(dir, 'far.xlsx');
    await wb.xlsx.writeFile(file);
    const [out] = recalculate([file], path.join(dir, 'out'));
    const norms = (await readRecalculated(out)).getWorksheet(NORMS)!;
    const texts: unknown[] = [];
    norms.eachRow((row) => row.eachCell((c) => texts.push(computedValue(c))));
    expect(texts).toContain('Vernieuw de normen: nieuwe rijen vallen buiten het rekenbereik');
  });
});

describe('a user-defined norm in TB Normdefinities', () => {
  it('appears on the norms sheet after a refresh, with a formula LibreOffice computes as the test does', async () => {
    // First run: the definitions sheet is created with the built-in catalogue.
    const first = await reportAndRecalculate({ first: await loadXlsx(EXAMPLE) }, { features: ['norms'] });
    const wb = await loadXlsx(first.first.written);
    const defs = wb.getWorksheet(DEFS)!;
    const header = defs.getRow(5).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(col('Sleutel')).toBeGreaterThan(0);
    const add = (r: number, values: Record<string, ExcelJS.CellValue>) => {
      for (const [k, v] of Object.entries(values)) defs.getCell(r, col(k)).value = v;
    };
    const next = defs.rowCount + 1;
    add(next, {
      Aan: 'Ja',
      Sleutel: 'lith_gesprekken_gem',
      Indicator: 'Gemiddeld aantal gesprekken, afgesloten trajecten in Lith',
      'Filter (populatie)': 'Wijk = Lith; Datum afsluiting is datum',
      Meting: 'gemiddelde',
      Kolommen: 'Aantal gesprekken',
      Operator: '≤',
      Norm: '5',
    });
    add(next + 1, {
      Sleutel: 'lith_binnen_7d_pct',
      Indicator: 'Eerste gesprek binnen een week, Lith',
      'Filter (populatie)': 'Wijk = Lith',
      Meting: 'aandeel binnen dagen',
      Kolommen: 'Datum aanmelding; Datum eerste gesprek',
      'Grens (dagen/maanden)': 7,
      Norm: 'minimaal 50%',
    });
    add(next + 2, { Sleutel: 'kapot', Meting: 'gemiddelde', Kolommen: 'Bestaat niet', Norm: 'veel' });
    // Switch a built-in off.
    defs.eachRow((row) => {
      if (row.getCell(col('Sleutel')).value === 'isw_terugkeer_pct') row.getCell(col('Aan')).value = 'Nee';
    });

    const { refreshed } = await reportAndRecalculate({ refreshed: wb }, { features: ['norms'] });
    expect(refreshed.mismatches).toEqual([]);
    const keys = refreshed.result.figures.map((f) => f.key);
    expect(keys).toContain('lith_gesprekken_gem');
    expect(keys).toContain('lith_binnen_7d_pct');
    expect(keys).not.toContain('isw_terugkeer_pct');
    expect(keys).not.toContain('kapot');
    const invalid = refreshed.result.findings.filter((f) => f.rule === 'norm.definition-invalid');
    expect(invalid.map((f) => f.sheet)).toEqual([DEFS]);
    expect(invalid[0].cell).toMatch(new RegExp(`${next + 2}$`));

    // Independent computation over the Trajecten rows.
    const rows: { wijk: string; aanmelding: Date | null; eerste: Date | null; afsluiting: Date | null; gesprekken: number | null }[] = [];
    wb.getWorksheet('Trajecten')!.eachRow((row, n) => {
      if (n === 1) return;
      const v = (c: number) => row.getCell(c).value;
      rows.push({ wijk: String(v(3)), aanmelding: asDate(v(4)), eerste: asDate(v(5)), afsluiting: asDate(v(6)), gesprekken: asNum(v(9)) });
    });
    const closed = rows.filter((r) => r.wijk === 'Lith' && r.afsluiting && r.gesprekken !== null);
    const mean = closed.reduce((s, r) => s + r.gesprekken!, 0) / closed.length;
    const seen = rows.filter((r) => r.wijk === 'Lith' && r.aanmelding && r.eerste);
    const share = seen.filter((r) => days(r.aanmelding!, r.eerste!) <= 7).length / seen.length;

    const norms = refreshed.workbook.getWorksheet(NORMS)!;
    const fig = (key: string) => refreshed.result.figures.find((f) => f.key === key)!;
    expect(computedValue(norms.getCell(fig('lith_gesprekken_gem').cell))).toBeCloseTo(mean, 9);
    expect(computedValue(norms.getCell(fig('lith_binnen_7d_pct').cell))).toBeCloseTo(share, 9);
    const formula = refreshed.result.plan.sheets.find((s) => s.name === NORMS)!.cells.find((c) => c.f && c.v === fig('lith_gesprekken_gem').value)!.f!;
    expect(formula).toContain('SUMIFS(Trajecten!$I$2:$I$1048576');
    expect(formula).toContain('"=Lith"');
    // The definitions sheet is the user's now: a refresh does not rewrite it.
    expect(refreshed.result.plan.sheets.map((s) => s.name)).not.toContain(DEFS);
  });
});

describe('engine without LibreOffice', () => {
  it('keeps the definitions sheet idempotent: a second report gives the same norms sheet', async () => {
    const wb = await loadXlsx(EXAMPLE);
    const r1 = buildReport(readWorkbook(wb), { features: ['norms'] });
    const r2 = buildReport(readWorkbook(wb), { features: ['norms'] });
    expect(r2.plan).toEqual(r1.plan);
  });
});
