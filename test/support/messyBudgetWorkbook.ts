// A budget workbook with everything that goes wrong in practice: Dutch text
// numbers, dashes, empty cells, an error value, a boolean, words in an amount
// column, a footnote, a formula-like label and a revenue section.

import type ExcelJS from 'exceljs';
import { workbookFrom } from './workbooks';

export const MESSY_SHEET = 'Begroting 2023';

export function messyBudgetWorkbook(): ExcelJS.Workbook {
  return workbookFrom({
    [MESSY_SHEET]: [
      ['Begroting 2023 — realisatie derde kwartaal'],
      [],
      ['Post', 'Formatie', 'Begroting 2023', 'Realisatie t/m 30 september', 'Verwachting 2023', 'Verklaring'],
      ['Personeel'],
      ['Sociaal werkers', '3,5', '€ 375.658,82', '€ 281.744,12', '€ 420.000,00', null], // row 5
      ['Coördinatie', 1, 107331.09, { error: '#REF!' }, 107331.09, null], // row 6
      ['Vrijwilligers', '-', '-', '-', '-', null], // row 7
      ['Subtotaal personeel', 4.5, 482989.91, null, null, null], // row 8
      [],
      ['Materieel'],
      ['=HYPERLINK("http://x","klik")', null, 24000, 18000, 24000, null], // row 11: a label that looks like a formula
      ['Activiteiten', null, 10000, true, 'n.v.t.', null], // row 12
      ['Huisvesting', null, 40000, 10000, 60000, 'Nieuwe locatie per 1 juli.'], // row 13
      ['Subtotaal materieel', null, 74000, null, null, null], // row 14
      [],
      ['Opbrengsten'],
      ['Bijdragen deelnemers', null, 50000, 20000, 30000, ' - '], // row 17: revenue below budget; a dash is no explanation
      ['Subtotaal', null, 50000],
      ['Totaal', 4.5, 606989.91],
      ['¹ Inclusief indexatie 2023'],
    ],
  });
}
