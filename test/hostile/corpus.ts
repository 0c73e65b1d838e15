// The hostile corpus: workbooks as they really arrive (copied from Word and
// PDF, half filled, broken) and files that are no workbook at all. Each case
// builds its bytes in code, so nothing binary is committed and a new case is
// one entry in HOSTILE_CASES. Runners (CLI, ExcelJS adapter, later the
// Office adapter) iterate this one list.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export type Outcome = 'report' | 'unreadable';

/** A finding the report must contain: rule, and where. */
export interface ExpectedFinding {
  rule: string;
  sheet?: string;
  cell?: string;
}

export interface HostileCase {
  /** File name without extension; also the test name. */
  id: string;
  /** What is hostile about it. */
  about: string;
  outcome: Outcome;
  build(): Promise<Buffer>;
  /** Findings the current features must raise (only where a feature exists that covers it). */
  expectFindings?: ExpectedFinding[];
  /** Extra checks on the input workbook and the written report. */
  check?(input: ExcelJS.Workbook, output: ExcelJS.Workbook): void;
}

export const RISK_HEADER = ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk'];

/** A well-formed risk row on a 1-3 scale. */
export function riskRow(n: number, kans: unknown = 2, schade: unknown = 2, effect: unknown = 4): unknown[] {
  return [`R${String(n).padStart(2, '0')}`, 'Jeugd', `Risico nummer ${n}`, kans, schade, effect, 'Monitoren', 'Aanbieder'];
}

/** Put rows of values in a sheet from A1 (null/undefined = leave empty). */
export function fill(ws: ExcelJS.Worksheet, rows: unknown[][], top = 1, left = 1): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(top + r, left + c).value = v as ExcelJS.CellValue;
    }),
  );
}

function register(ws: ExcelJS.Worksheet, rows: unknown[][], title = 'Risicoregister (schaal 1-3)'): void {
  fill(ws, [[title], [], RISK_HEADER, ...rows]);
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small valid workbook to break in various ways. */
const validBase = () =>
  xlsx((wb) =>
    register(
      wb.addWorksheet("Risico's"),
      Array.from({ length: 30 }, (_, i) => riskRow(i + 1)),
    ),
  );

async function rezip(mutate: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await validBase());
  await mutate(zip);
  return zip.generateAsync({ type: 'nodebuffer' });
}

function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const TRAJECT_HEADER = ['Dossiernr', 'Werksoort', 'Wijk', 'Datum aanmelding', 'Datum eerste gesprek', 'Datum afsluiting', 'Uitstroom naar'];

function trajecten(ws: ExcelJS.Worksheet, rows: unknown[][]): void {
  fill(ws, [TRAJECT_HEADER, ...rows]);
  for (let r = 2; r <= rows.length + 1; r++) for (const c of [4, 5, 6]) ws.getCell(r, c).numFmt = 'dd-mm-yyyy';
}

/** Strings a spreadsheet could take for a formula, a DDE call or a hyperlink. */
export const INJECTION_TEXTS = [
  '=1+1',
  '+31 6 12345678',
  '-hoog',
  '@SUM(A1:A2)',
  '=HYPERLINK("https://example.invalid/x","klik")',
  "=cmd|' /C calc'!A0",
  '=IMPORTXML("https://example.invalid","//a")',
  '-2+3',
];

/** Valid BSNs (they pass the elfproef) and people that must never reach a generated sheet. */
export const PERSONAL = {
  bsn: ['111222333', '123456782', '012345672', '232262536', '100000009'],
  names: ['Jansen, Pietje', 'Fatima el Amrani', 'Kees van der Berg', 'Yvonne de Wit', 'Mohammed Özdemir'],
  birthDates: ['12-03-1951', '07-11-1987', '23-06-2009', '30-01-1969', '15-08-1999'],
  addresses: ['Kerkstraat 12a', 'Molenweg 3', 'Dorpsplein 1', 'Lindelaan 44', 'Spoorlaan 7'],
};

export const HOSTILE_CASES: HostileCase[] = [
  {
    id: 'empty-sheet',
    about: 'een werkmap met één leeg blad',
    outcome: 'report',
    build: () => xlsx((wb) => void wb.addWorksheet('Blad1')),
  },
  {
    id: 'no-header-row',
    about: 'alleen getallen, geen kopregel',
    outcome: 'report',
    build: () => xlsx((wb) => fill(wb.addWorksheet('Data'), Array.from({ length: 40 }, (_, r) => Array.from({ length: 8 }, (_, c) => r * 8 + c)))),
  },
  {
    id: 'duplicate-headers',
    about: 'kolommen Kans en Nr twee keer in de kopregel',
    outcome: 'report',
    build: () =>
      xlsx((wb) =>
        fill(wb.addWorksheet('Risico'), [
          ['Nr', 'Nr', 'Risico', 'Kans', 'Kans', 'Schade', 'Effect'],
          ['R1', 'X1', 'a', 2, 'hoog', 2, 4],
          ['R2', 'X2', 'b', 3, 1, 3, 9],
        ]),
      ),
  },
  {
    id: 'merged-two-row-header',
    about: 'kopregel verdeeld over twee samengevoegde rijen',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        fill(ws, [
          ['Nr', 'Risico', 'Beoordeling', null, null, 'Maatregel'],
          [null, null, 'Kans', 'Schade', 'Effect', null],
          ['R1', 'Wachtlijst', 2, 3, 6, 'Monitoren'],
          ['R2', 'Uitval', 'n.v.t.', 1, 1, 'Monitoren'],
        ]);
        ws.mergeCells('A1:A2');
        ws.mergeCells('B1:B2');
        ws.mergeCells('C1:E1');
        ws.mergeCells('F1:F2');
      }),
    expectFindings: [{ rule: 'risk.score-not-number', sheet: 'Risico', cell: 'C4' }],
  },
  {
    id: 'text-in-number-columns',
    about: 'tekst als "hoog", "n.v.t." en "€ 1.2.3" in getalkolommen',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        register(wb.addWorksheet('Risico'), [riskRow(1, 'hoog', 2, 4), riskRow(2, 2, 'n.v.t.', 4), riskRow(3, '€ 1.2.3', 1, 'veel'), riskRow(4, '2', '3', '6')]);
        fill(wb.addWorksheet('Begroting'), [
          ['Onderdeel', 'Fte', 'Begroot 2022', 'Realisatie'],
          ['Jongerenwerk', 'twee', '€ 1.2.3', 'n.v.t.'],
          ['Subtotaal', '-', 'hoog', '€ 12.345,678.9'],
        ]);
      }),
    expectFindings: [
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D4' },
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'E5' },
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D6' },
      { rule: 'risk.number-as-text', sheet: 'Risico', cell: 'D7' },
    ],
  },
  {
    id: 'impossible-dates',
    about: 'datums die niet bestaan, zoals 31-02-2022',
    outcome: 'report',
    build: () =>
      xlsx((wb) =>
        trajecten(wb.addWorksheet('Trajecten'), [
          ['T-1', 'Individueel sociaal werk', 'Centrum', '31-02-2022', '30-02-2022', '32-13-2022', 'Zelfstandig'],
          ['T-2', 'Individueel sociaal werk', 'Lith', '00-01-2022', excelSerial(2022, 1, 5), '29-02-2021', 'Zelfstandig'],
          ['T-3', 'Jeugd (CJG)', 'Ruwaard', excelSerial(2022, 1, 3), '2022-02-30', 'gisteren', 'Sociaal netwerk'],
        ]),
      ),
  },
  {
    id: 'date-serials-as-text',
    about: 'datums als tekst: seriële getallen en ISO-tekst',
    outcome: 'report',
    build: () =>
      xlsx((wb) =>
        trajecten(wb.addWorksheet('Trajecten'), [
          ['T-1', 'Individueel sociaal werk', 'Centrum', '44562', '44580', '44700', 'Zelfstandig'],
          ['T-2', 'Jeugd (CJG)', 'Lith', '2022-01-03', '3-1-2022', '44562,5', 'Sociaal netwerk'],
          ['T-3', 'Jeugd (CJG)', 'Lith', ' 44563 ', "'44570", '1e5', 'Sociaal netwerk'],
        ]),
      ),
  },
  {
    id: 'error-cells',
    about: 'cellen met #REF!, #DIV/0! en #N/A, als waarde en als formuleresultaat',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1, { error: '#REF!' }, 2, 4), riskRow(2, 2, { error: '#DIV/0!' }, 4), riskRow(3, 2, 2, { error: '#N/A' }), riskRow(4, 1, 1, 1)]);
        ws.getCell('D7').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
        ws.getCell('B8').value = { error: '#NAME?' };
      }),
    expectFindings: [
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D4' },
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'E5' },
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D7' },
    ],
  },
  {
    id: 'huge-cell',
    about: 'een cel met 32.767 tekens (het maximum van Excel), ook in een scorekolom',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const huge = 'Lange tekst uit Word geplakt. '.repeat(1100).slice(0, 32767);
        register(wb.addWorksheet('Risico'), [riskRow(1, huge, 2, 4), [...riskRow(2).slice(0, 2), huge, ...riskRow(2).slice(3)]]);
      }),
    expectFindings: [{ rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D4' }],
  },
  {
    id: 'last-row-and-column',
    about: 'gegevens in de laatste rij en kolom van het blad (XFD1048576)',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Rand');
        register(ws, [riskRow(1)]);
        ws.getCell('XFD1').value = 'rechtsboven';
        ws.getCell('A1048576').value = 'linksonder';
        ws.getCell('XFD1048576').value = 123456782;
      }),
  },
  {
    id: 'hidden-rows',
    about: 'verborgen rijen midden in een risicoregister',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1), riskRow(2, 7, 2, 14), riskRow(3), riskRow(4)]);
        ws.getRow(5).hidden = true;
        ws.getRow(6).hidden = true;
      }),
    expectFindings: [{ rule: 'risk.score-off-scale', sheet: 'Risico', cell: 'D5' }],
    check(_input, output) {
      const ws = output.getWorksheet('Risico')!;
      if (!ws.getRow(5).hidden || !ws.getRow(6).hidden) throw new Error('hidden rows were unhidden');
    },
  },
  {
    id: 'filtered-table',
    about: 'een Excel-tabel met een actief filter (rijen verborgen door het filter)',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Register');
        ws.addTable({
          name: 'tblRisico',
          ref: 'A1',
          headerRow: true,
          style: { theme: 'TableStyleMedium2', showRowStripes: true },
          columns: RISK_HEADER.map((name) => ({ name, filterButton: true })),
          rows: [riskRow(1), riskRow(2, 3, 3, 9), riskRow(3, 1, 7, 7), riskRow(4)] as ExcelJS.CellValue[][],
        });
        ws.autoFilter = 'A1:H5';
        ws.getRow(3).hidden = true;
      }),
    expectFindings: [{ rule: 'risk.score-off-scale', sheet: 'Register', cell: 'E4' }],
    check(_input, output) {
      const ws = output.getWorksheet('Register')!;
      if (ws.getTables().length !== 1) throw new Error('table lost');
      if (!ws.getRow(3).hidden) throw new Error('filtered row unhidden');
    },
  },
  {
    id: 'protected-sheet',
    about: 'een beveiligd blad met wachtwoord',
    outcome: 'report',
    build: () =>
      xlsx(async (wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1), riskRow(2, 'hoog', 2, 4)]);
        await ws.protect('geheim', { selectLockedCells: true });
      }),
    expectFindings: [{ rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D5' }],
    check(_input, output) {
      const prot = (output.getWorksheet('Risico') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
      if (!prot?.sheet) throw new Error('sheet protection lost');
    },
  },
  {
    id: 'sheet-names',
    about: 'bladnamen met aanhalingstekens, spaties, & en niet-Latijnse letters',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        for (const name of ["Risico's 'oud' \"2021\"", 'Риски 2022', 'リスク一覧', 'Ρίσκα & <kosten>', 'A1', "Kosten 's-Hertogenbosch"]) {
          register(wb.addWorksheet(name), [riskRow(1), riskRow(2, 'hoog', 2, 4)]);
        }
      }),
    expectFindings: [
      { rule: 'risk.score-not-number', sheet: "Risico's 'oud' \"2021\"", cell: 'D5' },
      { rule: 'risk.score-not-number', sheet: 'Риски 2022', cell: 'D5' },
      { rule: 'risk.score-not-number', sheet: 'リスク一覧', cell: 'D5' },
      { rule: 'risk.score-not-number', sheet: 'Ρίσκα & <kosten>', cell: 'D5' },
      { rule: 'risk.score-not-number', sheet: 'A1', cell: 'D5' },
      { rule: 'risk.score-not-number', sheet: "Kosten 's-Hertogenbosch", cell: 'D5' },
    ],
  },
  {
    id: 'huge-and-negative-amounts',
    about: 'zeer grote en negatieve bedragen en scores',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        register(wb.addWorksheet('Risico'), [riskRow(1, 1e308, 2, 4), riskRow(2, -3, 2, -6), riskRow(3, 2 ** 53 + 2, 1, 1), riskRow(4, 1e-300, 1, 0), riskRow(5, 2, 2, -1e15)]);
        fill(wb.addWorksheet('Financiering'), [
          ['Onderdeel', 'Fte', 'Begroot 2022', 'Realisatie t/m 30 juni', 'Prognose 2022'],
          ['Jeugd'],
          ['CJG', 1e6, 9.99e307, -1e15, 1e-12],
          ['Subtotaal', -2, -9.99e307, 1e15, Number.MAX_SAFE_INTEGER],
        ]);
      }),
    expectFindings: [
      { rule: 'risk.score-off-scale', sheet: 'Risico', cell: 'D4' },
      { rule: 'risk.score-off-scale', sheet: 'Risico', cell: 'D5' },
      { rule: 'risk.score-off-scale', sheet: 'Risico', cell: 'D6' },
      { rule: 'risk.score-not-integer', sheet: 'Risico', cell: 'D7' },
      { rule: 'risk.effect-mismatch', sheet: 'Risico', cell: 'F8' },
    ],
  },
  {
    id: 'dates-in-wrong-order',
    about: 'trajecten waarvan de afsluiting vóór de aanmelding ligt',
    outcome: 'report',
    build: () =>
      xlsx((wb) =>
        trajecten(wb.addWorksheet('Trajecten'), [
          ['T-1', 'Individueel sociaal werk', 'Centrum', excelSerial(2022, 5, 1), excelSerial(2022, 4, 1), excelSerial(2021, 1, 1), 'Zelfstandig'],
          ['T-2', 'Jeugd (CJG)', 'Lith', excelSerial(2022, 1, 10), excelSerial(2022, 1, 9), excelSerial(2022, 1, 8), 'Sociaal netwerk'],
          ['T-3', 'Jeugd (CJG)', 'Lith', excelSerial(2022, 1, 10), excelSerial(2022, 1, 12), excelSerial(2022, 3, 1), 'Sociaal netwerk'],
        ]),
      ),
  },
  {
    id: 'formula-injection',
    about: 'tekst die begint met =, +, - of @ (formule-injectie)',
    outcome: 'report',
    build: () =>
      xlsx((wb) =>
        register(
          wb.addWorksheet('Risico'),
          INJECTION_TEXTS.map((t, i) => [`R${i + 1}`, t, t, t, 2, 4, t, t]),
        ),
      ),
    expectFindings: [{ rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D4' }],
  },
  {
    id: 'shared-and-array-formulas',
    about: 'gedeelde formules, matrixformules en formules zonder opgeslagen resultaat',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1), riskRow(2), riskRow(3), riskRow(4)]);
        ws.getCell('F4').value = { formula: 'D4*E4', result: 4, shareType: 'shared', ref: 'F4:F7' } as ExcelJS.CellValue;
        for (const r of [5, 6, 7]) ws.getCell(`F${r}`).value = { sharedFormula: 'F4', result: 4 } as ExcelJS.CellValue;
        ws.getCell('J4').value = { formula: 'SUM(D4:D7*E4:E7)', result: 16, shareType: 'array', ref: 'J4' } as ExcelJS.CellValue;
        ws.getCell('K4').value = { formula: 'D4+E4' } as ExcelJS.CellValue;
      }),
  },
  {
    id: 'rich-text-and-links',
    about: 'opgemaakte tekst, hyperlinks en opmerkingen in gebruikerscellen',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1), riskRow(2)]);
        ws.getCell('C4').value = { richText: [{ text: 'Wacht', font: { bold: true } }, { text: 'lijst' }] };
        ws.getCell('D5').value = { text: 'hoog', hyperlink: 'https://example.invalid/kans' };
        ws.getCell('C5').note = 'Opmerking van de aanbieder';
      }),
    expectFindings: [{ rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D5' }],
  },
  {
    id: 'personal-data',
    about: 'BSN, namen, adressen en geboortedata in trajecten en in een risicoregister',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const t = wb.addWorksheet('Trajecten');
        fill(t, [
          ['Dossiernr', 'BSN', 'Naam cliënt', 'Adres', 'Geboortedatum', 'Werksoort', 'Datum aanmelding'],
          ...PERSONAL.bsn.map((b, i) => [`T-${i}`, b, PERSONAL.names[i], PERSONAL.addresses[i], PERSONAL.birthDates[i], 'Jeugd (CJG)', excelSerial(2022, 1, 3 + i)]),
        ]);
        const r = wb.addWorksheet('Risico');
        fill(r, [
          ['Risicoregister (schaal 1-3)'],
          [],
          [...RISK_HEADER, 'Melder', 'Burgerservicenummer', 'Geb. datum'],
          ...PERSONAL.names.map((n, i) => [...riskRow(i + 1, i === 0 ? PERSONAL.names[1] : 2, 2, 4).slice(0, 7), n, n, PERSONAL.bsn[i], PERSONAL.birthDates[i]]),
        ]);
      }),
    expectFindings: [
      { rule: 'privacy.bsn-column', sheet: 'Trajecten', cell: 'B1' },
      { rule: 'privacy.name-column', sheet: 'Trajecten', cell: 'C1' },
      { rule: 'privacy.address-column', sheet: 'Trajecten', cell: 'D1' },
      { rule: 'privacy.birth-date-column', sheet: 'Trajecten', cell: 'E1' },
      { rule: 'privacy.bsn-column', sheet: 'Risico', cell: 'J3' },
      { rule: 'privacy.birth-date-column', sheet: 'Risico', cell: 'K3' },
    ],
  },
  {
    id: 'generated-name-taken',
    about: 'een eigen blad dat "TB Bevindingen" heet (zonder Toetsblad-markering)',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        fill(wb.addWorksheet('TB Bevindingen'), [['Mijn eigen aantekeningen'], ['niet overschrijven']]);
        register(wb.addWorksheet('Risico'), [riskRow(1, 'hoog')]);
      }),
    expectFindings: [{ rule: 'input.sheet-name-taken', sheet: 'TB Bevindingen' }],
    check(input, output) {
      const mine = output.getWorksheet('TB Bevindingen')!;
      if (mine.getCell('A2').value !== input.getWorksheet('TB Bevindingen')!.getCell('A2').value) throw new Error('user sheet overwritten');
      if (!output.getWorksheet('TB Bevindingen (2)')) throw new Error('findings not written under another name');
    },
  },
  {
    id: 'broken-settings',
    about: 'een instellingenblad vol onzin: foutwaarden, verkeerde kolomletters, lange tekst',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        register(wb.addWorksheet('Risico'), [riskRow(1), riskRow(2, 3, 3, 9)]);
        const s = wb.addWorksheet('TB Instellingen');
        fill(s, [
          ['Toetsblad — instellingen'],
          ['Gegenereerd door Toetsblad; wordt bij vernieuwen opnieuw opgebouwd.'],
          [],
          ['Instellingen'],
          ['Sleutel', 'Waarde'],
          ['risk.scale', { error: '#REF!' }],
          ['risk.bands', '9;6;3'],
          ['risk.requiredFromBand', 'x'.repeat(5000)],
          ['onbekend.sleutel', -1e308],
          [],
          ['Kolomtoewijzing'],
          ['Blad', 'Kopregel', 'Soort', 'Veld', 'Kolom'],
          ['Risico', 'drie', 'risk-register', 'kans', 'ZZZZ'],
          ['Risico', 3, 'risk-register', 'kans', 'XFE'],
          ['Risico', 3, 'risk-register', 'schade', '-'],
          ['Bestaat niet', 1e9, 'ignore', '', ''],
          [],
          ['Geaccepteerde bevindingen'],
          ['Regel', 'Blad', 'Cel', 'Reden'],
          [{ error: '#N/A' }, 'Risico', 'A1', '=1+1'],
        ]);
      }),
  },
  {
    id: 'many-sheets',
    about: 'zestig bladen, waarvan een deel verborgen',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        for (let i = 1; i <= 60; i++) {
          const ws = wb.addWorksheet(`Blad ${i}`, { state: i % 7 === 0 ? 'hidden' : i % 11 === 0 ? 'veryHidden' : 'visible' });
          if (i % 3 === 0) register(ws, [riskRow(1), riskRow(2, i % 5)]);
          else fill(ws, [[`Blad ${i}`, i]]);
        }
      }),
  },
  {
    id: 'odd-whitespace',
    about: 'harde spaties, zero-width spaces, regeleinden en tabs in koppen en waarden',
    outcome: 'report',
    build: () =>
      xlsx((wb) =>
        fill(wb.addWorksheet('Risico'), [
          ['\u00a0Nr\u200b', 'Risico\t', 'Kans\n(1-3)', ' Schade\u00a0', 'Effect\r\n', '\u200b'],
          ['R1', 'a', '\u00a02\u00a0', '2\u202f', '4', '\u00a0'],
          ['R2', 'b', '\u200b3', ' ', '9', '\t'],
        ]),
      ),
  },
  {
    id: 'booleans-and-dates-as-scores',
    about: 'WAAR/ONWAAR en datums waar scores horen',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1, true, false, 0), riskRow(2, new Date(Date.UTC(2022, 0, 2)), 2, 4)]);
      }),
    expectFindings: [
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'D4' },
      { rule: 'risk.score-not-number', sheet: 'Risico', cell: 'E4' },
    ],
  },
  {
    id: 'merged-data-area',
    about: 'samengevoegde cellen dwars door de gegevens',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1), riskRow(2), riskRow(3), riskRow(4)]);
        ws.mergeCells('B4:B6');
        ws.mergeCells('D6:E7');
        ws.mergeCells('A10:H12');
      }),
  },
  {
    id: 'sparse-far-cells',
    about: 'een paar cellen ver uit elkaar (rij 60.000, kolom 2.000)',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Ver');
        ws.getCell(60_000, 1).value = 'Kans';
        ws.getCell(60_000, 2).value = 'Schade';
        ws.getCell(60_001, 1).value = 2;
        ws.getCell(60_001, 2).value = 9;
        ws.getCell(5, 2000).value = 'ver weg';
      }),
  },
  {
    id: 'unicode-and-emoji',
    about: 'emoji, rechts-naar-links schrift en combinerende tekens',
    outcome: 'report',
    build: () =>
      xlsx((wb) => register(wb.addWorksheet('Risico 🙂'), [riskRow(1, '٣', '２', 4), ['R2', 'שלום', '🔥 brand', 2, 2, 4, 'e\u0301e\u0301n', '👩‍👩‍👧']])),
    expectFindings: [{ rule: 'risk.score-not-number', sheet: 'Risico 🙂', cell: 'D4' }],
  },
  {
    id: 'odd-number-formats',
    about: 'ongewone getalnotaties: tekstnotatie, kleuren, letterlijke tekst',
    outcome: 'report',
    build: () =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('Risico');
        register(ws, [riskRow(1), riskRow(2), riskRow(3)]);
        ws.getCell('D4').numFmt = '@';
        ws.getCell('E4').numFmt = '[Red]#,##0;[Blue]-#,##0';
        ws.getCell('F4').numFmt = '"d"0" dagen"';
        ws.getCell('D5').numFmt = 'dd-mm-yyyy';
        ws.getCell('E5').numFmt = '0.0%';
      }),
  },
  {
    id: 'whitespace-only-cells',
    about: 'cellen met alleen spaties in verplichte kolommen',
    outcome: 'report',
    build: () => xlsx((wb) => register(wb.addWorksheet('Risico'), [riskRow(1, '   ', 2, 4), riskRow(2, 2, '\u00a0', 4)])),
    expectFindings: [
      { rule: 'risk.score-missing', sheet: 'Risico', cell: 'D4' },
      { rule: 'risk.score-missing', sheet: 'Risico', cell: 'E5' },
    ],
  },
  // Files Toetsblad cannot read: exit 1, one line, nothing written.
  {
    id: 'truncated-xlsx',
    about: 'een afgebroken .xlsx (de helft van het bestand)',
    outcome: 'unreadable',
    build: async () => {
      const full = await validBase();
      return full.subarray(0, Math.floor(full.length / 2));
    },
  },
  {
    id: 'corrupt-workbook-xml',
    about: 'een zip met een kapotte workbook.xml',
    outcome: 'unreadable',
    build: () => rezip((zip) => void zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook><sheets><sheet name="x" sheetId="1" r:id=')),
  },
  {
    id: 'missing-workbook-xml',
    about: 'een zip zonder workbook.xml',
    outcome: 'unreadable',
    build: () => rezip((zip) => void zip.remove('xl/workbook.xml')),
  },
  {
    id: 'zip-not-xlsx',
    about: 'een zip-bestand met iets anders dan een werkmap',
    outcome: 'unreadable',
    build: async () => {
      const zip = new JSZip();
      zip.file('leesmij.txt', 'Dit is geen werkmap.');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
  },
  {
    id: 'not-a-workbook',
    about: 'een tekstbestand met de naam .xlsx',
    outcome: 'unreadable',
    build: async () => Buffer.from('Dossiernr;Werksoort\nT-1;Jeugd\n', 'utf8'),
  },
  {
    id: 'no-sheets',
    about: 'een werkmap zonder een enkel blad (Excel opent die ook niet)',
    outcome: 'unreadable',
    build: () => xlsx(() => undefined),
  },
  {
    id: 'zero-bytes',
    about: 'een leeg bestand van 0 bytes',
    outcome: 'unreadable',
    build: async () => Buffer.alloc(0),
  },
  {
    id: 'legacy-or-encrypted',
    about: 'een oud .xls-bestand of een met een wachtwoord versleutelde werkmap (OLE-container)',
    outcome: 'unreadable',
    build: async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)]),
  },
  {
    id: 'pdf-renamed',
    about: 'een pdf met de naam .xlsx',
    outcome: 'unreadable',
    build: async () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1'),
  },
  {
    id: 'html-renamed',
    about: 'een HTML-tabel opgeslagen als .xlsx (export van een webapplicatie)',
    outcome: 'unreadable',
    build: async () => Buffer.from('<html><body><table><tr><td>Kans</td><td>Schade</td></tr></table></body></html>', 'utf8'),
  },
];

export interface CorpusFile {
  case: HostileCase;
  file: string;
}

/** Write every case to dir as <id>.xlsx. */
export async function writeCorpus(dir: string, cases: HostileCase[] = HOSTILE_CASES): Promise<CorpusFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: CorpusFile[] = [];
  for (const c of cases) {
    const file = path.join(dir, `${c.id}.xlsx`);
    fs.writeFileSync(file, await c.build());
    out.push({ case: c, file });
  }
  return out;
}
