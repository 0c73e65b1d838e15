// A workbook in the shape of seed 004 (Meierijstad: one assignment for five
// welfare institutions, thirteen deelopdrachten): annual figures ("Realisatie
// 2020", "volgens jaarrekening"), one budget with a section per institution,
// subtotals and a totals row, a footnote, and registration tables with a
// "Totaal" row and footnotes. The data are plain arrays, exported, so tests
// compute their expectations from them and not from the engine.
//
// Options plant the problems a controller meets; without them the workbook is
// clean and Toetsblad must report nothing about its budget.

import type ExcelJS from 'exceljs';
import { workbookFrom } from '../workbooks';

export const INSTITUTIONS = ['ONS Welzijn', 'Welzijn De Meierij', 'MEE', 'Farent', 'Lumens'] as const;
export type Institution = (typeof INSTITUTIONS)[number];

export interface BudgetLine {
  institution: Institution;
  deelopdracht: string;
  begroot: number;
  realisatie: number;
  toelichting: string | null;
}

/**
 * Annual budget and realisation per deelopdracht. Every realisation is within
 * 5% or € 15.000 of its budget, except where a toelichting explains it.
 * ONS Welzijn's budgets add up to € 264.000.
 */
export const BUDGET_LINES: BudgetLine[] = [
  { institution: 'ONS Welzijn', deelopdracht: 'CJG', begroot: 120000, realisatie: 118500, toelichting: null },
  { institution: 'ONS Welzijn', deelopdracht: 'Mantelzorg', begroot: 64000, realisatie: 65200, toelichting: null },
  { institution: 'ONS Welzijn', deelopdracht: 'Inloopvoorzieningen en daginvulling', begroot: 80000, realisatie: 79100, toelichting: null },
  { institution: 'Welzijn De Meierij', deelopdracht: 'CJG', begroot: 95000, realisatie: 96800, toelichting: null },
  { institution: 'Welzijn De Meierij', deelopdracht: 'Jongeren met beginnende problematiek', begroot: 142500, realisatie: 171000, toelichting: 'Extra groep kwetsbare jongeren op verzoek van de gemeente.' },
  { institution: 'Welzijn De Meierij', deelopdracht: 'Vrijwilligers', begroot: 58250, realisatie: 57400, toelichting: null },
  { institution: 'MEE', deelopdracht: 'Onafhankelijke cliëntondersteuning', begroot: 310000, realisatie: 305250, toelichting: null },
  { institution: 'MEE', deelopdracht: 'Dementie', begroot: 45500, realisatie: 46000, toelichting: null },
  { institution: 'Farent', deelopdracht: 'Zorg en veiligheid', begroot: 150000, realisatie: 152300, toelichting: null },
  { institution: 'Farent', deelopdracht: 'Buurtbemiddeling', begroot: 38000, realisatie: 36900, toelichting: null },
  { institution: 'Lumens', deelopdracht: 'Inloopvoorzieningen en daginvulling', begroot: 176000, realisatie: 181100, toelichting: null },
  { institution: 'Lumens', deelopdracht: 'Ondersteuning burgerinitiatieven', begroot: 67300, realisatie: 66150, toelichting: null },
  { institution: 'Lumens', deelopdracht: 'Mantelzorg', begroot: 91200, realisatie: 93000, toelichting: null },
];

export interface RegistrationRow {
  institution: Institution;
  deelopdracht: string;
  clients: number;
  contacts: number;
}

/** Contacts per deelopdracht in 2020, with a "Totaal" row and footnotes under it. */
export const REGISTRATIONS: RegistrationRow[] = [
  { institution: 'ONS Welzijn', deelopdracht: 'CJG', clients: 212, contacts: 1480 },
  { institution: 'Welzijn De Meierij', deelopdracht: 'Jongeren met beginnende problematiek', clients: 64, contacts: 590 },
  { institution: 'MEE', deelopdracht: 'Onafhankelijke cliëntondersteuning', clients: 138, contacts: 870 },
  { institution: 'Farent', deelopdracht: 'Zorg en veiligheid', clients: 41, contacts: 206 },
  { institution: 'Lumens', deelopdracht: 'Mantelzorg', clients: 75, contacts: 164 },
];

export interface InstitutionMonitorOptions {
  /** ONS Welzijn's Mantelzorg budget typed as text ("€ 64.000"); its subtotal (€ 264.000) stays right. */
  textAmount?: boolean;
  /** Lumens' stated subtotal € 10.000 too high. */
  wrongSubtotal?: boolean;
  /** Farent's Zorg en veiligheid realised € 185.000 (+23%) without toelichting. */
  unexplained?: boolean;
}

export const BUDGET_SHEET = 'Financiën';
export const REGISTRATION_SHEET = 'Registratie';

export interface InstitutionMonitor {
  workbook: ExcelJS.Workbook;
  lines: BudgetLine[];
  /** 1-based sheet row of a budget line, subtotal ("Subtotaal <institution>") or "Totaal". */
  budgetRow(institution: Institution | 'Totaal', deelopdracht?: string): number;
  /** Stated subtotals as written (after planted errors). */
  statedSubtotal: Record<Institution, number>;
}

export function institutionMonitor(opts: InstitutionMonitorOptions = {}): InstitutionMonitor {
  const lines = BUDGET_LINES.map((l) => ({ ...l }));
  if (opts.unexplained) lines.find((l) => l.institution === 'Farent' && l.deelopdracht === 'Zorg en veiligheid')!.realisatie = 185000;
  const rows: unknown[][] = [];
  const index = new Map<string, number>();
  rows.push(['Verantwoording subsidie welzijn Meierijstad 2020']);
  rows.push(['Realisatie 2020 volgens jaarrekening']);
  rows.push([]);
  rows.push(['Deelopdracht', 'Begroot 2020', 'Realisatie 2020', 'Toelichting']);
  const statedSubtotal = {} as Record<Institution, number>;
  for (const inst of INSTITUTIONS) {
    rows.push([inst]);
    const own = lines.filter((l) => l.institution === inst);
    for (const l of own) {
      const text = opts.textAmount && inst === 'ONS Welzijn' && l.deelopdracht === 'Mantelzorg';
      rows.push([l.deelopdracht, text ? '€ 64.000' : l.begroot, l.realisatie, l.toelichting]);
      index.set(`${inst}|${l.deelopdracht}`, rows.length);
    }
    const begroot = own.reduce((a, l) => a + l.begroot, 0) + (opts.wrongSubtotal && inst === 'Lumens' ? 10000 : 0);
    statedSubtotal[inst] = begroot;
    rows.push([`Subtotaal ${inst}`, begroot, own.reduce((a, l) => a + l.realisatie, 0)]);
    index.set(`${inst}|`, rows.length);
    rows.push([]);
  }
  rows.push(['Totaal', lines.reduce((a, l) => a + l.begroot, 0), lines.reduce((a, l) => a + l.realisatie, 0)]);
  index.set('Totaal|', rows.length);
  rows.push(['¹ Bedragen inclusief indexatie 2020; bron: jaarrekeningen van de instellingen']);

  const reg: unknown[][] = [
    ['Registratie 2020 per deelopdracht'],
    [],
    ['Instelling', 'Deelopdracht', 'Aantal cliënten', 'Aantal contacten'],
    ...REGISTRATIONS.map((r) => [r.institution, r.deelopdracht, r.clients, r.contacts]),
    ['Totaal', null, REGISTRATIONS.reduce((a, r) => a + r.clients, 0), REGISTRATIONS.reduce((a, r) => a + r.contacts, 0)],
    ['* Contacten: face-to-face en telefonisch'],
    ['** MEE: inclusief contacten met mantelzorgers'],
  ];
  const workbook = workbookFrom({
    Opdracht: [
      ['Opdracht voor de vijf welzijnsinstellingen: ONS Welzijn, Welzijn De Meierij, MEE, Farent en Lumens'],
      ['Deelopdrachten in het kader van blok B, definitieve versie 6 sept. 2019'],
    ],
    [BUDGET_SHEET]: rows,
    [REGISTRATION_SHEET]: reg,
  });
  return {
    workbook,
    lines,
    statedSubtotal,
    budgetRow(institution, deelopdracht = '') {
      const r = index.get(`${institution}|${deelopdracht}`);
      if (r === undefined) throw new Error(`no budget row ${institution} ${deelopdracht}`);
      return r;
    },
  };
}
