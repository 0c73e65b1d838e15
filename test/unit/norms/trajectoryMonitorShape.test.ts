// The trajectory-monitor shape writes what its records say: the test data
// other tests compute their expectations from must itself be right.

import { cellText } from '../../../src/core/workbook/snapshot';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { SAVINGS, TASK, TRAJECT_HEADER, trajectoryMonitor } from '../../support/shapes/trajectoryMonitor';
import { sheetToRows } from '../../../src/core/workbook/fromRows';

const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

describe('trajectoryMonitor shape', () => {
  const clean = trajectoryMonitor({ planted: false });
  const planted = trajectoryMonitor({ planted: true });
  const snap = readWorkbook(clean.workbook);
  const sheet = snap.sheets.find((s) => s.name === clean.sheets.trajects)!;

  it('is the same on every run', () => {
    expect(trajectoryMonitor({ planted: false }).records).toEqual(clean.records);
    expect(planted.records).toEqual(clean.records);
  });

  it('writes every record under the header on row 4, with a blank row, a repeated header, a total and footnotes', () => {
    expect(sheetToRows(sheet).values[3]).toEqual(TRAJECT_HEADER);
    const rows = sheetToRows(sheet).values.slice(4).filter((r) => r && r[0] !== null && r[0] !== undefined && /^(ST|BJG)-/.test(String(r[0])));
    expect(rows.map((r) => r[0])).toEqual(clean.records.map((r) => r.nr));
    const first = clean.records[0];
    expect(rows[0].slice(0, 5)).toEqual([first.nr, first.team, first.instelling, serial(first.aanmelding), first.afsluiting ? serial(first.afsluiting) : null]);
    const texts = sheetToRows(sheet).values.map((r) => cellText(r?.[0] ?? null));
    expect(texts.filter((t) => t === TRAJECT_HEADER[0])).toHaveLength(2);
    expect(texts.filter((t) => t === 'Totaal')).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('*') || t.startsWith('Bron:'))).toHaveLength(2);
    expect(sheetToRows(sheet).values.slice(4, texts.indexOf('Totaal')).some((r) => !r || r.every((v) => v === null || v === undefined))).toBe(true);
  });

  it('plants each problem at the cell it lists, and nothing in the clean copy', () => {
    expect(clean.planted).toEqual([]);
    const psnap = readWorkbook(planted.workbook);
    expect(planted.planted.map((p) => p.rule).sort()).toEqual(['data.error-value', 'norm.date-as-text', 'norm.date-invalid', 'norm.number-as-text', 'norm.number-as-text', 'norm.number-as-text', 'norm.number-as-text']);
    for (const p of planted.planted) {
      const s = psnap.sheets.find((x) => x.name === p.sheet)!;
      const m = /^([A-Z])(\d+)$/.exec(p.cell)!;
      expect([p.cell, sheetToRows(s).values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]]).toEqual([p.cell, p.written]);
    }
  });

  it('holds the seed-003 savings task: seven measures adding up to € 525.000', () => {
    expect(SAVINGS).toHaveLength(7);
    expect(SAVINGS.reduce((s, m) => s + m.besparing, 0)).toBe(TASK);
    expect(TASK).toBe(525_000);
  });
});
