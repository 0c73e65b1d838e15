// A workbook in the shape of seed 001 (Welzijn op Waarde, "Jaarplan 2016",
// chapter 5 Subsidieaanvraag): the regional table, one table per municipality
// stacked on one sheet with footnotes and blank rows between them, then the
// baten/lasten budget. The figures are the seed's own, including its €1 and
// 0,01 fte differences.

import type ExcelJS from 'exceljs';
import { workbookFrom } from './workbooks';

type Cell = string | number | null;
type Line = [label: string, fte: Cell, y2016: Cell, later?: Cell];

export const SEED001_SHEET = 'Subsidieaanvraag';
export const NOT_CONTINUED = 'Vanaf 2017 niet meer opgenomen';

/** Per table: structural lines, incidental lines, stated subtotals and total (fte, amount 2016, amount 2017-2019). */
interface TableData {
  name: string;
  structureel: Line[];
  subStructureel: [number, number];
  incidenteel: Line[];
  subIncidenteel: [Cell, Cell];
  totaal: [number, number, number];
  extraNote?: string;
}

const inc = (label: string, fte: Cell, amount: Cell): Line => [label, fte, amount, amount === null ? null : NOT_CONTINUED];

export const SEED001_TABLES: TableData[] = [
  {
    name: 'TOTAAL REGIO',
    structureel: [['Jeugdhulp', 60.99, 6643848], ['Sociaal werk', 80.27, 8204500], ['Vrijwilligersinzet', 8.79, 1034059]],
    subStructureel: [150.05, 15882407],
    incidenteel: [inc('Kwartiermakers*', 2.08, 220000), inc('Procesversnellers**', 2.08, 220000)],
    subIncidenteel: [4.15, 440000],
    totaal: [154.2, 16322407, 15882407],
  },
  {
    name: 'BERNHEZE',
    structureel: [['Jeugdhulp', 6.99, 741428], ['Sociaal werk', 9.34, 987294], ['Vrijwilligersinzet', 1.06, 221997]],
    subStructureel: [17.4, 1950719],
    incidenteel: [inc('Kwartiermakers*', null, null), inc('Procesversnellers**', 0.26, 27500)],
    subIncidenteel: [0.26, 27500],
    totaal: [17.66, 1978219, 1950719],
  },
  {
    name: 'BOEKEL',
    structureel: [['Jeugdhulp', 2.47, 261682], ['Sociaal werk', 1.65, 179086], ['Vrijwilligersinzet***', 0.15, 16356]],
    subStructureel: [4.27, 457123],
    incidenteel: [inc('Kwartiermakers*', null, null), inc('Procesversnellers**', null, null)],
    subIncidenteel: [null, null],
    totaal: [4.27, 457123, 457123],
    extraNote: '*** Vrijwilligersinzet is integraal onderdeel van Sociaal werk',
  },
  {
    name: 'LANDERD',
    structureel: [['Jeugdhulp', 3.85, 407763], ['Sociaal werk', 2.66, 273209], ['Vrijwilligersinzet', 0.65, 69750]],
    subStructureel: [7.16, 750721],
    incidenteel: [inc('Kwartiermakers*', null, null), inc('Procesversnellers**', null, null)],
    subIncidenteel: [null, null],
    totaal: [7.16, 750721, 750721],
  },
  {
    name: 'OSS',
    structureel: [['Jeugdhulp', 25.57, 2888667], ['Sociaal werk', 38.25, 3686657], ['Vrijwilligersinzet', 4.42, 460271]],
    subStructureel: [68.24, 7035595],
    incidenteel: [inc('Kwartiermakers*', 2.08, 220000), inc('Procesversnellers**', 1.3, 137500)],
    subIncidenteel: [3.37, 357500],
    totaal: [71.61, 7393095, 7035595],
  },
  {
    name: 'UDEN',
    structureel: [['Jeugdhulp', 12.14, 1286454], ['Sociaal werk', 15.69, 1688148], ['Vrijwilligersinzet', 0.85, 90300]],
    subStructureel: [28.68, 3064901],
    incidenteel: [inc('Kwartiermakers*', null, null), inc('Procesversnellers**', null, null)],
    subIncidenteel: [null, null],
    totaal: [28.68, 3064901, 3064901],
  },
  {
    name: 'VEGHEL',
    structureel: [['Jeugdhulp', 9.98, 1057855], ['Sociaal werk', 12.67, 1390107], ['Vrijwilligersinzet', 1.65, 175385]],
    subStructureel: [24.3, 2623348],
    incidenteel: [inc('Kwartiermakers*', null, null), inc('Procesversnellers**', 0.52, 55000)],
    subIncidenteel: [0.52, 55000],
    totaal: [24.82, 2678348, 2623348],
  },
];

/** Baten (left) and lasten (right) of the "SUBSIDIEBEGROTING 2016", row by row as in the seed. */
const BALANCE: [Cell, Cell, Cell, Cell][] = [
  ['Subsidies gemeenten WoW', null, 'Personeelskosten uitvoering', 10079488],
  ['Jeugdhulp', 6643848, 'Personeelskosten overhead', 3191838],
  ['Sociaal werk', 8204500, 'Huisvestingskosten', 1343932],
  ['Sociaal werk:procesversnellers', 220000, 'Organisatiekosten', 2183889],
  ['Sociaal werk: kwartiermakers', 220000, 'Activiteitenkosten', 2570108],
  ['Vrijwilligersinzet', 1034059, null, null],
  [null, 16322407, null, null],
  ['Subsidies overige gemeenten', null, null, null],
  ['Grave', 121900, null, null],
  ['Sint-Oedenrode', 162640, null, null],
  [null, 284540, null, null],
  ['Overige inkomsten', null, null, null],
  ['Bijdragen deelnemers', 1877289, null, null],
  ['Marktopdrachten', 745583, null, null],
  ['Nieuwe projecten', 139436, null, null],
  [null, 2762308, null, null],
  ['TOTAAL BATEN', 19369255, 'TOTAAL LASTEN', 19369255],
];

export interface Seed001Options {
  /** Write the amounts as Dutch text ("741.428", "6,99"), the way a PDF copy arrives. */
  asText?: boolean;
  /** Override single cells after building: "C12" -> value. */
  edits?: Record<string, Cell>;
}

export interface Seed001Layout {
  rows: Cell[][];
  /** 1-based sheet row of a table's labelled row (occurrence of the label within the table). */
  rowOf(table: string, label: string): number;
  balanceRow(label: string): number;
}

const dutch = (v: number, decimals: number) => v.toFixed(decimals).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function seed001Layout(opts: Seed001Options = {}): Seed001Layout {
  const rows: Cell[][] = [];
  const index = new Map<string, number>();
  const fte = (v: Cell) => (opts.asText && typeof v === 'number' ? dutch(v, 2) : v);
  const eur = (v: Cell) => (opts.asText && typeof v === 'number' ? dutch(v, 0) : v);
  const push = (table: string, row: Cell[]) => {
    rows.push(row);
    if (typeof row[0] === 'string') index.set(`${table}|${row[0]}`, rows.length);
  };
  rows.push(['5 Subsidieaanvraag']);
  rows.push(['Hieronder volgen de subsidieaanvragen, in totaal voor de regio en uitgesplitst per gemeente. Ook is een totaal begroting opgenomen.']);
  rows.push([]);
  for (const t of SEED001_TABLES) {
    push(t.name, [t.name, 'Formatie', 2016, 2017, 2018, 2019]);
    push(t.name, ['Structureel']);
    for (const [label, f, amount] of t.structureel) push(t.name, [label, fte(f), eur(amount), eur(amount), eur(amount), eur(amount)]);
    push(t.name, ['Subtotaal structureel', fte(t.subStructureel[0]), ...[1, 2, 3, 4].map(() => eur(t.subStructureel[1]))]);
    push(t.name, ['Incidenteel']);
    // A PDF copy writes a dash where the seed leaves an incidental line empty.
    const nil = (v: Cell, conv: (x: Cell) => Cell) => (v === null && opts.asText ? '-' : conv(v));
    for (const [label, f, amount, later] of t.incidenteel) push(t.name, [label, nil(f, fte), nil(amount, eur), later ?? null]);
    push(t.name, ['Subtotaal incidenteel', fte(t.subIncidenteel[0]), eur(t.subIncidenteel[1])]);
    push(t.name, ['TOTAAL', fte(t.totaal[0]), eur(t.totaal[1]), eur(t.totaal[2]), eur(t.totaal[2]), eur(t.totaal[2])]);
    rows.push(['* Voor opzetten TalentCentraal']);
    rows.push(['** Voor ontwikkeling Sociale teams']);
    if (t.extraNote) rows.push([t.extraNote]);
    rows.push([]);
  }
  rows.push(['SUBSIDIEBEGROTING 2016']);
  push('balans', ['BATEN', '€', 'LASTEN', '€']);
  for (const [bl, bv, ll, lv] of BALANCE) {
    rows.push([bl, eur(bv), ll, eur(lv)]);
    if (typeof bl === 'string') index.set(`baten|${bl}`, rows.length);
    if (typeof ll === 'string') index.set(`lasten|${ll}`, rows.length);
    if (bl === null && bv !== null) index.set(`baten|subtotaal ${[...index.keys()].filter((k) => k.startsWith('baten|subtotaal')).length + 1}`, rows.length);
  }
  const layout: Seed001Layout = {
    rows,
    rowOf(table, label) {
      const r = index.get(`${table}|${label}`);
      if (r === undefined) throw new Error(`No row ${label} in ${table}`);
      return r;
    },
    balanceRow(label) {
      const r = index.get(label);
      if (r === undefined) throw new Error(`No balance row ${label}`);
      return r;
    },
  };
  return layout;
}

/** The seed-001 workbook: one sheet, tables stacked, then the baten/lasten budget. */
export function seed001Workbook(opts: Seed001Options = {}): { workbook: ExcelJS.Workbook; layout: Seed001Layout } {
  const layout = seed001Layout(opts);
  const workbook = workbookFrom({ [SEED001_SHEET]: layout.rows });
  const ws = workbook.getWorksheet(SEED001_SHEET)!;
  for (const [cell, v] of Object.entries(opts.edits ?? {})) ws.getCell(cell).value = v;
  return { workbook, layout };
}
