// Under a personal-data header only records are personal data: a "Totaal"
// row, a footnote or a repeated header is neither masked nor in the range.

import { personalColumns } from '../../../src/core/features/privacy/detect';
import { personalValues } from '../../../src/core/features/privacy/redact';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { workbookFrom } from '../../support/workbooks';

describe('privacy reads records only', () => {
  const wb = readWorkbook(
    workbookFrom({
      Clienten: [
        ['Naam', 'Team', 'Aantal gesprekken'],
        ['Jansen, Pietje', 'Noord', 3],
        ['De Vries, Anna', 'Zuid', 5],
        ['Naam', 'Team', 'Aantal gesprekken'],
        ['Bakker, Kees', 'Noord', 2],
        ['Totaal', null, 10],
        ['Bron: eigen registratie, peildatum 30 juni 2022'],
      ],
    }),
  );

  it('the name column ends at its last record', () => {
    const names = personalColumns(wb).filter((p) => p.category === 'name');
    expect(names.map((p) => [p.sheet, p.col, p.row, p.lastRow])).toEqual([['Clienten', 0, 0, 4]]);
  });

  it('masks the names, not the total label, the repeated header or the footnote', () => {
    expect([...personalValues(wb)].sort()).toEqual(['Bakker, Kees', 'De Vries, Anna', 'Jansen, Pietje']);
  });
});
