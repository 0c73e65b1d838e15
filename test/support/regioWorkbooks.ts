// Source workbooks for the regional overview, built from the seeds in several
// shapes, with everything a test needs to compute the expected regional
// figures itself (plain arithmetic over the generated data, never the engine).
//
// - seed 001 split over files: the regional agreement ("TOTAAL REGIO") in one
//   workbook and each of the six municipalities' tables in its own.
// - seed 004: the five welfare institutions of one municipality (ONS Welzijn,
//   Welzijn De Meierij, MEE, Farent, Lumens), each a monitoring workbook in the
//   example's shape but laid out differently: other headers, text numbers, a
//   totals row, footnotes, the name in a labelled cell, a title or only the file name.

import * as path from 'path';
import type ExcelJS from 'exceljs';
import { SEED001_TABLES } from './seed001Workbook';
import { saveXlsx, workbookFrom } from './workbooks';
import { mulberry32 } from './random';

type Cell = string | number | Date | null;

const dutch = (v: number, decimals: number) => v.toFixed(decimals).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.');

// ---------------------------------------------------------------- seed 001

export const SEED001_REGIONAL_FILE = 'wow-regio-2016.xlsx';
export const SEED001_MUNICIPALITIES = SEED001_TABLES.slice(1).map((t) => t.name);

/** One seed-001 table as rows: header, structural lines, subtotal, incidental lines, subtotal, total, footnotes. */
function seed001TableRows(name: string, asText: boolean, bump?: Seed001FileOptions['bump']): Cell[][] {
  const t = structuredClone(SEED001_TABLES.find((x) => x.name === name)!);
  if (bump && bump.table === name) {
    for (const line of [...t.structureel, ...t.incidenteel]) {
      if (line[0] !== bump.label) continue;
      if (bump.col === 0) line[1] = Number(((line[1] as number) + bump.by).toFixed(2));
      else line[2] = (line[2] as number) + bump.by;
    }
  }
  const fte = (v: number | null) => (v === null ? (asText ? '-' : null) : asText ? dutch(v, 2) : v);
  const eur = (v: number | null) => (v === null ? (asText ? '-' : null) : asText ? dutch(v, 0) : v);
  const rows: Cell[][] = [[t.name, 'Formatie', 2016, 2017, 2018, 2019], ['Structureel']];
  for (const [label, f, a] of t.structureel) rows.push([label, fte(f as number), eur(a as number), eur(a as number), eur(a as number), eur(a as number)]);
  rows.push(['Subtotaal structureel', fte(t.subStructureel[0]), ...[0, 1, 2, 3].map(() => eur(t.subStructureel[1]))]);
  rows.push(['Incidenteel']);
  for (const [label, f, a, later] of t.incidenteel) rows.push([label, fte(f as number | null), eur(a as number | null), (later as string | null) ?? null]);
  rows.push(['Subtotaal incidenteel', fte(t.subIncidenteel[0] as number | null), eur(t.subIncidenteel[1] as number | null)]);
  rows.push(['TOTAAL', fte(t.totaal[0]), eur(t.totaal[1]), eur(t.totaal[2]), eur(t.totaal[2]), eur(t.totaal[2])]);
  rows.push(['* Voor opzetten TalentCentraal'], ['** Voor ontwikkeling Sociale teams']);
  if (t.extraNote) rows.push([t.extraNote]);
  return rows;
}

const capital = (s: string) => s[0] + s.slice(1).toLowerCase();

export interface Seed001FileOptions {
  /** Change one amount in a municipality's file: its table name, row label, column (0 = Formatie, 1 = 2016 …) and the amount to add. */
  bump?: { table: string; label: string; col: number; by: number };
}

/** Seven workbooks: the regional agreement and one per municipality, in varied shapes. Returns the file paths. */
export async function writeSeed001Files(dir: string, opts: Seed001FileOptions = {}): Promise<string[]> {
  const files: string[] = [];
  const regional = workbookFrom({
    'Subsidieaanvraag 2016': [['Jaarplan 2016 — subsidieaanvraag regio Noordoost-Brabant'], ['Organisatie:', 'Welzijn op Waarde'], [], ...seed001TableRows('TOTAAL REGIO', false)],
  });
  files.push(await saveXlsx(regional, path.join(dir, SEED001_REGIONAL_FILE)));
  for (const [i, name] of SEED001_MUNICIPALITIES.entries()) {
    // Every other municipality sends its amounts as Dutch text, the way a PDF copy arrives; one sends a blank row first.
    const title: Cell[][] = i === 3 ? [[], [`Subsidieaanvraag 2016 gemeente ${capital(name)}`], []] : [[`Subsidieaanvraag 2016 gemeente ${capital(name)}`], []];
    const wb = workbookFrom({ [i % 2 ? 'Begroting' : `Inzet ${capital(name)}`]: [...title, ...seed001TableRows(name, i % 2 === 1, opts.bump)] });
    files.push(await saveXlsx(wb, path.join(dir, `wow-${name.toLowerCase()}-2016.xlsx`)));
  }
  return files;
}

// ---------------------------------------------------------------- seed 004

const rng = mulberry32;

export interface Traject {
  werksoort: string;
  /** Days since 1 July 2021. */
  aanmelding: number;
  gesprek: number | null;
  afsluiting: number | null;
  uitstroom: string | null;
  terugkeer: 'Ja' | 'Nee' | null;
}

export interface BudgetLine {
  werksoort: string;
  label: string;
  fte: number | null;
  /** In cents, so the test's sums are exact. */
  begroot: number;
  realisatie: number;
  prognose: number;
}

export interface Provider {
  name: string;
  file: string;
  trajecten: Traject[];
  risks: { kans: number; schade: number }[];
  budget: BudgetLine[];
}

export const SEED004_PROVIDERS = ['ONS Welzijn', 'Welzijn De Meierij', 'MEE', 'Farent', 'Lumens'];
export const ISW = 'Individueel sociaal werk';
export const CJG = 'Jeugd (CJG)';
const WERKSOORTEN = ['Individueel sociaal werk', 'Collectief sociaal werk', 'Jeugd', 'Jongerenwerk'];
const UITSTROOM = ['Zelfstandig', 'Sociaal netwerk', 'Maatwerkvoorziening Wmo', 'Specialistische jeugdhulp', 'Collectief aanbod'];

export function makeProvider(index: number, n = 120 + index * 37): Provider {
  const rand = rng(4004 + index * 101);
  const trajecten: Traject[] = [];
  for (let i = 0; i < n; i++) {
    const aanmelding = Math.floor(rand() * 170);
    const seen = rand() < 0.9;
    const gesprek = seen ? aanmelding + Math.floor(rand() * rand() * 50) : null;
    const closed = seen && rand() < 0.55;
    trajecten.push({
      werksoort: rand() < 0.6 ? ISW : CJG,
      aanmelding,
      gesprek,
      afsluiting: closed && gesprek !== null ? gesprek + 10 + Math.floor(rand() * 200) : null,
      uitstroom: closed ? UITSTROOM[Math.floor(rand() * UITSTROOM.length)] : null,
      terugkeer: closed ? (rand() < 0.1 ? 'Ja' : 'Nee') : null,
    });
  }
  const risks = Array.from({ length: 8 + index * 3 }, () => ({ kans: 1 + Math.floor(rand() * 3), schade: 1 + Math.floor(rand() * 3) }));
  const budget: BudgetLine[] = [];
  // Not every institution does every kind of work.
  for (const w of WERKSOORTEN.filter((_, k) => (k + index) % 5 !== 4)) {
    for (let l = 0; l < 2 + (index % 3); l++) {
      const fte = rand() < 0.6 ? Math.round(rand() * 600) / 100 : null;
      const begroot = fte !== null ? Math.round(fte * 10_733_109) : 500_000 + Math.floor(rand() * 9_000_000);
      const realisatie = Math.round(begroot * (0.35 + rand() * 0.3));
      budget.push({ werksoort: w, label: `Onderdeel ${l + 1}`, fte, begroot, realisatie, prognose: Math.round(realisatie * (1.7 + rand() * 0.6)) });
    }
  }
  const name = SEED004_PROVIDERS[index];
  return { name, file: `${name.toLowerCase().replace(/\s+/g, '-')}-h1-2022.xlsx`, trajecten, risks, budget };
}

const EPOCH = Date.UTC(2021, 6, 1);
const date = (days: number | null) => (days === null ? null : new Date(EPOCH + days * 86_400_000));

/** The provider's workbook, in one of five shapes (index mod 5). */
export function providerWorkbook(p: Provider, shape: number): ExcelJS.Workbook {
  const textNumbers = shape === 2;
  const amount = (cents: number) => (textNumbers ? dutch(cents / 100, 2) : cents / 100);
  const titles: Cell[][] =
    shape === 0
      ? [['Monitoring welzijn 1e halfjaar 2022'], ['Aanbieder:', p.name]]
      : shape === 1
        ? [[`Organisatie: ${p.name}`], ['Halfjaarrapportage H1 2022']]
        : shape === 2
          ? [['Naam aanbieder', p.name], ['Verantwoording eerste halfjaar 2022']]
          : shape === 3
            ? [['Instelling', null, p.name], ['Rapportage 1e halfjaar 2022, gemeente Meierijstad']]
            : [['Rapportage 1e halfjaar 2022']];
  const risk: Cell[][] = [...titles, [], shape === 1 ? ['Code', 'Dienst', 'Omschrijving', 'Waarschijnlijkheid', 'Impact', 'Risicoscore'] : ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect']];
  p.risks.forEach((r, i) => risk.push([`R${i + 1}`, WERKSOORTEN[i % WERKSOORTEN.length], `Risico ${i + 1} van ${p.name}`, r.kans, r.schade, r.kans * r.schade]));
  if (shape === 3) risk.push([], ['* Kans en schade op schaal 1-3.']);

  const fin: Cell[][] = [[`Financieel overzicht 1e halfjaar 2022`], [], ['Onderdeel', 'Fte', 'Begroot 2022', 'Realisatie t/m 30 juni', 'Prognose 2022', 'Toelichting']];
  const sections = [...new Set(p.budget.map((b) => b.werksoort))];
  for (const w of sections) {
    fin.push([w]);
    const lines = p.budget.filter((b) => b.werksoort === w);
    for (const l of lines) fin.push([l.label, l.fte === null ? null : textNumbers ? dutch(l.fte, 2) : l.fte, amount(l.begroot), amount(l.realisatie), amount(l.prognose), 'Toegelicht in de bijlage.']);
    const fteSum = Math.round(lines.reduce((s, l) => s + (l.fte ?? 0) * 100, 0)) / 100;
    fin.push(['Subtotaal', fteSum, ...(['begroot', 'realisatie', 'prognose'] as const).map((f) => amount(lines.reduce((s, l) => s + l[f], 0)))]);
  }
  if (shape === 3 || shape === 4) fin.push(['Totaal', null, ...(['begroot', 'realisatie', 'prognose'] as const).map((f) => amount(p.budget.reduce((s, l) => s + l[f], 0)))]);
  if (shape === 4) fin.push([], ['Bedragen in euro, inclusief btw.']);

  const headers =
    shape === 1
      ? ['Dossiernummer', 'Werksoort', 'Aanmelddatum', 'Datum intake', 'Einddatum', 'Uitstroom', 'Terugkeer']
      : ['Dossiernr', 'Werksoort', 'Datum aanmelding', 'Datum eerste gesprek', 'Datum afsluiting', 'Uitstroom naar', 'Terugkeer zelfde vraag binnen 1 jaar'];
  const traj: Cell[][] = [headers];
  p.trajecten.forEach((t, i) => traj.push([`T-${i + 1}`, t.werksoort, date(t.aanmelding), date(t.gesprek), date(t.afsluiting), t.uitstroom, t.terugkeer]));
  const sheets: Record<string, Cell[][]> = { "Risico's": risk, Financiering: fin, [shape === 4 ? 'Trajecten H1 2022' : 'Trajecten']: traj };
  const wb = workbookFrom(sheets);
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd-mm-yyyy';
    }));
  }
  return wb;
}

export async function writeSeed004Files(dir: string, providers = SEED004_PROVIDERS.map((_, i) => makeProvider(i))): Promise<{ files: string[]; providers: Provider[] }> {
  const files: string[] = [];
  for (const [i, p] of providers.entries()) files.push(await saveXlsx(providerWorkbook(p, i % 5), path.join(dir, p.file)));
  return { files, providers };
}
