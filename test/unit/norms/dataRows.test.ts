// Rows under a header that are not records: totals, subtotals, footnotes,
// group headings, a repeated header, blank rows.

import { classifyRows, dataSegments } from '../../../src/core/detect/dataRows';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { workbookFrom } from '../../support/workbooks';

function sheetOf(rows: unknown[][]) {
  return readWorkbook(workbookFrom({ Blad: rows })).sheets[0];
}

describe('classifyRows', () => {
  const rows: unknown[][] = [
    ['Registratie contacten 2022'],
    ['Maand', 'Activiteit', 'Contacten', 'Cijfer'],
    ['jan', 'Spreekuur', 10, 7],
    ['jan', 'Huisbezoek', 4, 8],
    [null, null, null, null],
    ['Subtotaal januari', null, 14, null],
    ['Maand', 'Activiteit', 'Contacten', 'Cijfer'],
    ['feb', 'Spreekuur', 12, 6],
    ['Individuele begeleiding', null, null, null],
    ['feb', 'Groep', '9', 7],
    ['Totaal', null, 35, null],
    [null],
    ['* Contacten zonder afspraak niet meegeteld'],
    ['Bron: registratiesysteem, peildatum 30 juni'],
  ];
  const c = classifyRows(sheetOf(rows), 1, [0, 1, 2, 3]);

  it('keeps the four records and names every other row', () => {
    expect(c.dataRows).toEqual([2, 3, 7, 9]);
    expect(c.lastDataRow).toBe(9);
    expect(c.skipped).toEqual([
      { row: 5, kind: 'total' },
      { row: 6, kind: 'header' },
      { row: 8, kind: 'note' },
      { row: 10, kind: 'total' },
      { row: 12, kind: 'note' },
      { row: 13, kind: 'note' },
    ]);
    expect(c.kinds.get(4)).toBe('blank');
  });

  it('keeps a record whose only filled cell is a short code (a dossier number), and a row of numbers under a label column', () => {
    const k = classifyRows(sheetOf([['Dossier', 'Team', 'Start', 'Eind'], ['D-17', null, null, null], ['D-18', 'Noord', 5, 7]]), 0, [0, 1, 2, 3]);
    expect(k.dataRows).toEqual([1, 2]);
    expect(k.skipped).toEqual([]);
  });

  it('takes a row of SUM or SUBTOTAL formulas as a total even without a label', () => {
    const wb = workbookFrom({ Blad: [['Team', 'Aantal', 'Bedrag'], ['Noord', 1, 10], ['Zuid', 2, 20]] });
    const ws = wb.getWorksheet('Blad')!;
    ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 3 };
    ws.getCell('C4').value = { formula: 'SUBTOTAL(9,C2:C3)', result: 30 };
    const k = classifyRows(readWorkbook(wb).sheets[0], 0, [0, 1, 2]);
    expect(k.dataRows).toEqual([1, 2]);
    expect(k.skipped).toEqual([{ row: 3, kind: 'total' }]);
  });
});

describe('dataSegments', () => {
  it('splits the range around skipped rows and drops empty pieces', () => {
    expect(dataSegments(2, 20, [5, 6, 10, 20, 30])).toEqual([
      { top: 2, bottom: 4 },
      { top: 7, bottom: 9 },
      { top: 11, bottom: 19 },
    ]);
    expect(dataSegments(2, 1, [])).toEqual([]);
  });
});

describe('a grand total ends the table', () => {
  it('takes the rows under "Totaal" as another block, while a "Totaal <group>" subtotal does not end it', () => {
    const rows: unknown[][] = [
      ['Maatregel', 'Instelling', 'Besparing'],
      ['De Klos', 'A', 45000],
      ['Totaal A', null, 45000],
      ['Huisvesting', 'B', 100000],
      ['Totaal', null, 145000],
      [null, null, null],
      ['Taakstelling', null, 525000],
      ['Nog te realiseren', null, 380000],
    ];
    const k = classifyRows(sheetOf(rows), 0, [0, 1, 2]);
    expect(k.dataRows).toEqual([1, 3]);
    expect(k.skipped).toEqual([
      { row: 2, kind: 'total' },
      { row: 4, kind: 'total' },
      { row: 6, kind: 'after' },
      { row: 7, kind: 'after' },
    ]);
  });
});
