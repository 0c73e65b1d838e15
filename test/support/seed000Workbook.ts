// A workbook in the shape of seed 000's financing tables: one small table per
// werksoort ("Jeugd | Fte | Bedrag"), stacked on one sheet under "Financiering"
// headings, with every number copied as the memo prints it: Dutch text.

import type ExcelJS from 'exceljs';
import { workbookFrom } from './workbooks';

export const SEED000_SHEET = 'Financiering memo';

const TABLES: [string, [string, string | null, string][], [string, string]][] = [
  ['Sociaal Raadsliedenwerk', [['Sociaal Raadslieden', '1,95', '€ 209.295,63'], ['Activiteitenbudget', null, '€ -']], ['1,95', '€ 209.295,63']],
  [
    'Individueel Sociaal Werk',
    [
      ['Persoonlijke begeleiding volwassenen (Wmo)', '15,00', '€ 1.609.966,35'],
      ['Huisvesting', null, '€ 17.493,00'],
      ['Blink', '1,04', '€ 111.624,33'],
      ['Voor elkaar', '7,06', '€ 757.757,50'],
      ['Activiteitenbudget vrijwilligersondersteuning', null, '€ 24.128,00'],
    ],
    ['23,10', '€ 2.520.969,18'],
  ],
  [
    'Collectief Sociaal Werk',
    [
      ['Groepen en voorzieningen volwassenen', '5,96', '€ 639.693,30'],
      ['Dement Talent', '0,38', '€ 40.785,81'],
      ['Doorontwikkeling Talentcentrum', '0,67', '€ 71.911,83'],
      ['Huisvesting', null, '€ 80.280,00'],
      ['Activiteitenbudget Groepen en voorzieningen', null, '€ 317.520,00'],
      ['Samen Doen volwassenen', '10,13', '€ 1.087.263,94'],
      ['Activiteitenbudget Samen Doen', null, '€ 32.094,00'],
      ['Sociale Reductie', null, '€ 46.458,00'],
    ],
    ['17,14', '€ 2.316.006,88'],
  ],
  [
    'Jeugd',
    [
      ['Persoonlijke begeleiding Jeugd, opvoedingsondersteuning, deskundigheidsbevordering', '20,97', '€ 2.250.732,96'],
      ['CJG (Jw)', '2,3', '€ 246.861,51'],
      ['Integrale vroeghulp (Jw)', null, '€ 11.982,00'],
      ['Flexibel budget (maatwerk budget)', null, '€ 54.800,00'],
      ['Materieel budget Zorg voor Jeugd', null, '€ 61.161,00'],
      ['Groepen en voorzieningen jeugd', '0,56', '€ 60.105,41'],
      ['CJG (Jw)', '0,57', '€ 61.178,72'],
      ['Activiteitenbudget CJG', null, '€ 8.129,00'],
      ['Formatie SMI', '0,20', '€ 21.466,22'],
      ['Materieel budget SMI', null, '€ 406.474,00'],
    ],
    ['24,60', '€ 3.182.890,81'],
  ],
  ['Jongerenwerk', [['Jongerenwerkers', '4,53', '€ 486.209,84'], ['Huisvesting', null, '€ 42.000,00'], ['Activiteitenbudget', null, '€ 17.500,00']], ['4,53', '€ 545.709,84']],
];

/** The workbook and the 1-based row of each werksoort's Subtotaal. */
export function seed000Workbook(): { workbook: ExcelJS.Workbook; subtotalRow: Record<string, number> } {
  const rows: (string | null)[][] = [];
  const subtotalRow: Record<string, number> = {};
  for (const [name, lines, [fte, amount]] of TABLES) {
    rows.push(['Financiering']);
    rows.push([]);
    rows.push([name, 'Fte', 'Bedrag']);
    for (const l of lines) rows.push(l);
    rows.push(['Subtotaal', fte, amount]);
    subtotalRow[name] = rows.length;
    rows.push([]);
  }
  return { workbook: workbookFrom({ [SEED000_SHEET]: rows }), subtotalRow };
}
