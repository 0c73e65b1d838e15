// A trajectory monitor in the shape of seeds 002/003 (a sociaal team and a
// BJG, several institutions): ratings at start and end, client satisfaction,
// outflow, return within three months; a registration table without a date
// column, with subtotals, a "Totaal" row and footnotes; and the savings task
// of the voorveld (€ 525.000 over seven measures).
//
// The generator keeps the records as plain objects next to the workbook, so a
// test computes every expected figure from the records, never from the
// engine. With `planted`, it also plants problems and lists their cells.

import type ExcelJS from 'exceljs';
import { workbookFrom } from '../workbooks';
import { mulberry32 } from '../random';

export type Team = 'Sociaal Team' | 'BJG';
export type Outflow = 'Zelfstandig' | 'Sociaal netwerk' | 'Specialistische zorg' | 'Collectief aanbod' | null;

export interface TrajectRecord {
  nr: string;
  team: Team;
  instelling: string;
  aanmelding: Date;
  afsluiting: Date | null;
  cijferStart: number | null;
  cijferEind: number | null;
  tevredenheid: number | null;
  uitstroom: Outflow;
  terugBinnen3Mnd: 'Ja' | 'Nee' | null;
}

/** How a planted cell is written instead of its clean value, and what it breaks. */
export interface PlantedCell {
  sheet: string;
  cell: string;
  /** The record index (trajectories) or registration row index it belongs to. */
  index: number;
  field: string;
  written: unknown;
  /** The finding rule expected at this cell. */
  rule: string;
}

export interface RegistrationRow {
  maand: string;
  activiteit: string;
  contacten: number;
  deelnemers: number;
}

export interface SavingsMeasure {
  maatregel: string;
  besparing: number;
}

export interface TrajectoryMonitor {
  workbook: ExcelJS.Workbook;
  records: TrajectRecord[];
  registration: RegistrationRow[];
  savings: SavingsMeasure[];
  task: number;
  planted: PlantedCell[];
  sheets: { trajects: string; registration: string; savings: string; indicators: string };
  /** Reported realisations on the indicator sheet, by cell. */
  indicatorCells: Record<string, string>;
}

export const INSTELLINGEN = ['ONS Welzijn', 'Farent', 'Lumens'];
const OUTFLOWS: Outflow[] = ['Zelfstandig', 'Sociaal netwerk', 'Specialistische zorg', 'Collectief aanbod'];

const random = mulberry32;

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export function makeRecords(count: number, seed: number): TrajectRecord[] {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: TrajectRecord[] = [];
  for (let i = 0; i < count; i++) {
    const team: Team = rnd() < 0.6 ? 'Sociaal Team' : 'BJG';
    const aanmelding = addDays(day(2022, 1, 3), Math.floor(rnd() * 300));
    const closed = rnd() < 0.75;
    const start = rnd() < 0.9 ? Math.round((3 + rnd() * 4) * 2) / 2 : null;
    const eind = closed && start !== null && rnd() < 0.9 ? Math.min(10, Math.round((start + rnd() * 3 - 0.5) * 2) / 2) : null;
    out.push({
      nr: `${team === 'BJG' ? 'BJG' : 'ST'}-2022-${String(i + 1).padStart(3, '0')}`,
      team,
      instelling: pick(INSTELLINGEN),
      aanmelding,
      afsluiting: closed ? addDays(aanmelding, 20 + Math.floor(rnd() * 150)) : null,
      cijferStart: start,
      cijferEind: eind,
      tevredenheid: closed && rnd() < 0.85 ? 60 + Math.floor(rnd() * 41) : null,
      uitstroom: closed ? pick(OUTFLOWS) : null,
      terugBinnen3Mnd: closed ? (rnd() < 0.1 ? 'Ja' : 'Nee') : null,
    });
  }
  return out;
}

export const TRAJECT_HEADER = ['Cliëntnummer', 'Team', 'Instelling', 'Aanmelddatum', 'Afgesloten op', 'Rapportcijfer start', 'Rapportcijfer eind', 'Cliënttevredenheid', 'Uitstroom', 'Terug binnen 3 maanden'];
const FIELD_COLUMN: Record<string, number> = { aanmelding: 3, afsluiting: 4, cijferStart: 5, cijferEind: 6, tevredenheid: 7 };

const letters = (c: number) => String.fromCharCode(65 + c);

function recordRow(r: TrajectRecord): unknown[] {
  return [r.nr, r.team, r.instelling, r.aanmelding, r.afsluiting, r.cijferStart, r.cijferEind, r.tevredenheid, r.uitstroom, r.terugBinnen3Mnd];
}

/** Registration per month and activity, with quarter subtotals: no date column at all. */
export function makeRegistration(seed: number): RegistrationRow[] {
  const rnd = random(seed);
  const out: RegistrationRow[] = [];
  for (const maand of ['januari', 'februari', 'maart', 'april', 'mei', 'juni']) {
    for (const activiteit of ['Inloopspreekuur', 'Huisbezoek', 'Groepsbijeenkomst']) {
      out.push({ maand, activiteit, contacten: 100 + Math.floor(rnd() * 250), deelnemers: 10 + Math.floor(rnd() * 60) });
    }
  }
  return out;
}

/** Seed 003: the measures that fill the voorveld's € 525.000 savings task. */
export const SAVINGS: SavingsMeasure[] = [
  { maatregel: 'De Klos', besparing: 45_000 },
  { maatregel: 'Mantelzorgwaardering', besparing: 17_000 },
  { maatregel: 'Mannencentrum en Vrouwencentrum', besparing: 7_000 },
  { maatregel: 'Wereldwinkel', besparing: 6_000 },
  { maatregel: 'Huisvesting', besparing: 100_000 },
  { maatregel: 'Vermindering overhead ontvlechting Sociale Teams', besparing: 250_000 },
  { maatregel: 'Vermindering algemene overhead Carrefour', besparing: 100_000 },
];
export const TASK = 525_000;

export function trajectoryMonitor(opts: { planted: boolean; records?: number; seed?: number }): TrajectoryMonitor {
  const records = makeRecords(opts.records ?? 60, opts.seed ?? 2022);
  const registration = makeRegistration((opts.seed ?? 2022) + 1);
  const planted: PlantedCell[] = [];
  const sheets = { trajects: 'Monitor trajecten', registration: 'Registratie', savings: 'Taakstelling', indicators: 'Indicatoren' };

  // Trajectories: two title rows, a blank row, the header on row 4; a blank
  // row after record 15, the header repeated after record 30 (a page break),
  // a "Totaal" row that adds up the ratings, and two footnotes.
  const rows: unknown[][] = [['Monitor Sociaal Team en BJG — ONS welzijn e.a.'], ['Realisatie t/m 31 december 2022'], [], TRAJECT_HEADER];
  const recordSheetRow: number[] = [];
  records.forEach((r, i) => {
    recordSheetRow.push(rows.length);
    rows.push(recordRow(r));
    if (i === 14) rows.push([]);
    if (i === 29) rows.push([...TRAJECT_HEADER]);
  });
  const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  rows.push(['Totaal', null, null, null, null, sum(records.map((r) => r.cijferStart)), sum(records.map((r) => r.cijferEind)), sum(records.map((r) => r.tevredenheid)), null, null]);
  rows.push([]);
  rows.push(['* Rapportcijfers: waardering van het eigen leven (1-10) bij start en afsluiting.']);
  rows.push(['Bron: registratiesysteem, peildatum 31 december 2022']);

  if (opts.planted) {
    const plant = (index: number, field: keyof TrajectRecord, written: unknown, rule: string) => {
      const col = FIELD_COLUMN[field];
      const sheetRow = recordSheetRow[index];
      rows[sheetRow][col] = written;
      planted.push({ sheet: sheets.trajects, cell: `${letters(col)}${sheetRow + 1}`, index, field, written, rule });
    };
    // Three end ratings typed as text (one with a Dutch decimal comma).
    const withEnd = records.map((r, i) => (r.cijferEind !== null ? i : -1)).filter((i) => i >= 0);
    for (const i of [withEnd[2], withEnd[9], withEnd[17]]) {
      const v = records[i].cijferEind!;
      plant(i, 'cijferEind', Number.isInteger(v) ? String(v) : String(v).replace('.', ','), 'norm.number-as-text');
    }
    // A registration date typed as text, and an impossible closing date.
    const open = records.findIndex((r) => r.afsluiting === null);
    plant(open, 'aanmelding', '15-03-2022', 'norm.date-as-text');
    const closed = records.findIndex((r, i) => r.afsluiting !== null && i > 20);
    plant(closed, 'afsluiting', '31-02-2022', 'norm.date-invalid');
    // An error value where a satisfaction score belongs.
    const scored = records.findIndex((r, i) => r.tevredenheid !== null && i > 5);
    plant(scored, 'tevredenheid', { error: '#N/A' }, 'data.error-value');
  }

  // Registration: quarter subtotals, a grand total, a footnote; no date column.
  const reg: unknown[][] = [['Registratie contacten eerste halfjaar 2022'], ['Maand', 'Activiteit', 'Aantal contacten', 'Aantal deelnemers']];
  const regSheetRow: number[] = [];
  registration.forEach((g, i) => {
    regSheetRow.push(reg.length);
    reg.push([g.maand, g.activiteit, g.contacten, g.deelnemers]);
    if (i === 8) {
      const q = registration.slice(0, 9);
      reg.push(['Subtotaal eerste kwartaal', null, q.reduce((s, x) => s + x.contacten, 0), q.reduce((s, x) => s + x.deelnemers, 0)]);
    }
  });
  reg.push(['Subtotaal tweede kwartaal', null, registration.slice(9).reduce((s, x) => s + x.contacten, 0), registration.slice(9).reduce((s, x) => s + x.deelnemers, 0)]);
  reg.push(['Totaal', null, registration.reduce((s, x) => s + x.contacten, 0), registration.reduce((s, x) => s + x.deelnemers, 0)]);
  reg.push(['¹ Deelnemers aan groepsbijeenkomsten zijn per bijeenkomst geteld.']);
  if (opts.planted) {
    const i = 4;
    const sheetRow = regSheetRow[i];
    reg[sheetRow][2] = String(registration[i].contacten);
    planted.push({ sheet: sheets.registration, cell: `C${sheetRow + 1}`, index: i, field: 'contacten', written: reg[sheetRow][2], rule: 'norm.number-as-text' });
  }

  // The savings task: measures, their total, then the task block below it.
  const sav: unknown[][] = [['Invulling taakstelling hervorming voorveld'], [], ['Maatregel', 'Besparing t.o.v. 2021', 'Toelichting']];
  for (const m of SAVINGS) sav.push([m.maatregel, m.besparing, null]);
  const realised = SAVINGS.reduce((s, m) => s + m.besparing, 0);
  sav.push(['Totaal', realised, null]);
  sav.push([]);
  sav.push(['Taakstelling', TASK, 'Na motie preventie (€ 75.000 minder besparen)']);
  sav.push(['Gerealiseerde besparing', realised, null]);
  sav.push(['Nog te realiseren', TASK - realised, null]);

  // The provider's indicators: a line for both teams, one for BJG only.
  // The provider reports from the same rows a reader can use: a planted impossible closing date is not a closed trajectory.
  const unusableClose = new Set(planted.filter((p) => p.field === 'afsluiting').map((p) => p.index));
  const closedAll = records.filter((r, i) => r.afsluiting !== null && !unusableClose.has(i));
  const notBack = closedAll.filter((r) => r.terugBinnen3Mnd === 'Nee').length / closedAll.length;
  const bjgClosed = closedAll.filter((r) => r.team === 'BJG');
  const bjgSpecial = bjgClosed.filter((r) => r.uitstroom === 'Specialistische zorg').length / bjgClosed.length;
  const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString().replace('.', ',')}%`;
  const ind: unknown[][] = [
    ['Indicatoren 2022'],
    [],
    ['Team', 'Indicator', 'Norm', 'Realisatie', 'Toelichting'],
    ['ST en BJG', 'Cliënten komen niet binnen 3 maanden terug met dezelfde vraag', '≥ 90%', pct(notBack), null],
    ['BJG', 'Uitstroom BJG naar specialistische zorg', 'max 50%', opts.planted ? pct(bjgSpecial + 0.1) : pct(bjgSpecial), null],
  ];
  const workbook = workbookFrom({ [sheets.trajects]: rows, [sheets.registration]: reg, [sheets.savings]: sav, [sheets.indicators]: ind });
  return { workbook, records, registration, savings: SAVINGS, task: TASK, planted, sheets, indicatorCells: { notBack: 'D4', bjgOutflow: 'D5' } };
}
