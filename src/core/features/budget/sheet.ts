// The generated "TB Begroting" sheet: settings used, a one-screen summary per
// werksoort, the individual-work share against its norm, the line-by-line
// reconciliation, the arithmetic checks and fte × normprijs. Every number is
// a live formula on the user's cells, written with the engine's own value.

import type { Figure } from '../../plan/figure';
import type { OverviewBudgetLine } from '../../overview/contribution';
import type { CfRule, SheetSpec } from '../../plan/plan';
import { SheetBuilder } from '../../plan/sheetBuilder';
import { STATUS_COLOURS } from '../../plan/styles';
import { a1 } from '../../workbook/address';
import { roundExcel } from './amounts';
import type { FteRate } from './fteRate';
import { amountRef, literal, num, ref, str, sumOf } from './formulas';
import type { PeriodEvidence } from './period';
import type { ReconLine } from './reconciliation';
import type { SavingsTask } from './savings';
import { STATUS } from './reconciliation';
import { slug } from './schema';
import type { BudgetConfig } from './settings';
import type { IndividualShare } from './share';
import type { SumCheck, UnstatedSection } from './sums';
import { linesRoundingAllowance, sumPart } from './sums';
import { tableName } from './table';

const EUR = '"€" #,##0.00';
const PCT = '0.0%';
const FTE = '0.00';

export interface BudgetSheetInput {
  name: string;
  cfg: BudgetConfig;
  months: number;
  monthsSource: 'setting' | 'header' | 'default';
  /** The words the period was read from ("Realisatie 2020" in Blad!D3). */
  monthsEvidence?: PeriodEvidence;
  lines: ReconLine[];
  checks: SumCheck[];
  /** Sections without a stated subtotal: their sums are still shown (and reported). */
  unstated: UnstatedSection[];
  rates: FteRate[];
  shares: IndividualShare[];
  savings: SavingsTask[];
  /** More than one budget table: prefix section names and figure keys with the table. */
  multiTable: boolean;
}

/** Settings cells, absolute, so every formula reads the same value. */
const CELL = { months: 4, factor: 5, pct: 6, eur: 7, tolEur: 8, tolFte: 9 } as const;
const S = (row: number) => a1(row, 1, true);

const colour = (text: string, tone: keyof typeof STATUS_COLOURS): CfRule => ({
  type: 'cellIs',
  operator: 'equal',
  formula1: str(text),
  fill: STATUS_COLOURS[tone].fill,
  font: STATUS_COLOURS[tone].font,
});

interface SectionBlock {
  name: string;
  first: number;
  last: number;
  lines: ReconLine[];
}

/** Status texts as written, per block, for the overview's COUNTIFs. */
interface Tally {
  checks: { first: number; last: number; statuses: string[] } | null;
  fte: { first: number; last: number; statuses: string[] }[];
}

class Keys {
  private readonly used = new Set<string>();
  take(key: string): string {
    let k = key;
    for (let i = 2; this.used.has(k); i++) k = `${key}_${i}`;
    this.used.add(k);
    return k;
  }
}

export function buildBudgetSheet(input: BudgetSheetInput): { sheet: SheetSpec; figures: Figure[]; overview: OverviewBudgetLine[] } {
  const { cfg } = input;
  const b = new SheetBuilder(input.name, { tabColor: '548235' });
  const keys = new Keys();
  b.header('Begroting — begroot tegenover realisatie', 'Formules rekenen met de cellen van de aanbieder; een bedrag dat als tekst is ingevuld ("€ 64.000") telt mee als het bedrag dat er staat, en staat apart bij de bevindingen.');
  b.width(0, 30).width(1, 38);
  for (let c = 2; c <= 9; c++) b.width(c, 15);
  b.width(10, 12).width(11, 10).width(12, 12).width(13, 22).width(14, 14);

  // Settings, as values the formulas below refer to.
  const factor = input.months / 12;
  b.text(3, 0, 'Gebruikte instellingen', 'subtitle');
  const ev = input.monthsEvidence;
  const monthsNote = {
    setting: 'instelling',
    header: ev ? `gelezen uit "${ev.text.length > 60 ? `${ev.text.slice(0, 57)}…` : ev.text}" (${ev.sheet}!${ev.cell})` : 'uit kop realisatie',
    default: 'aangenomen: halfjaar; niet gevonden in koppen of titels',
  }[input.monthsSource];
  const setting = (row: number, label: string, v: number, fmt: string | undefined, note: string) => {
    b.text(row, 0, label);
    b.value(row, 1, v, fmt, 'input');
    b.text(row, 2, note, 'note');
  };
  setting(CELL.months, 'Periode (maanden)', input.months, '0', `budget.periodMonths (${monthsNote})`);
  b.text(CELL.factor, 0, 'Pro-rata factor');
  b.formula(CELL.factor, 1, `${S(CELL.months)}/12`, factor, '0.000');
  setting(CELL.pct, `Drempel toelichting (%, ${cfg.explainBoth ? 'én' : 'of'} €)`, cfg.explainPct, PCT, 'budget.explainPct');
  setting(CELL.eur, 'Drempel toelichting (€)', cfg.explainEur, EUR, 'budget.explainEur');
  setting(CELL.tolEur, 'Afrondingsmarge (€)', cfg.toleranceEur, EUR, 'budget.toleranceEur');
  setting(CELL.tolFte, 'Afrondingsmarge (fte)', cfg.toleranceFte, FTE, 'budget.toleranceFte');

  // Positions: summary, share, reconciliation, checks, fte.
  const blocks = sectionBlocks(input);
  let r = 11;
  const summaryTop = r;
  const summaryRows = input.lines.length ? blocks.length + 3 : 0;
  r += summaryRows ? summaryRows + 1 : 0;
  const shareTop = r;
  r += input.shares.length ? input.shares.length + 3 : 0;
  const reconTop = r;
  const lineRow = new Map<ReconLine, number>();
  let lastLineRow = reconTop + 2;
  if (input.lines.length) {
    let lr = reconTop + 2;
    for (const block of blocks) {
      block.first = lr;
      for (const l of block.lines) lineRow.set(l, lr++);
      block.last = lr - 1;
    }
    lastLineRow = lr - 1;
    r = lr + 1;
  }

  const overview: OverviewBudgetLine[] = [];
  if (input.lines.length) writeSummary(b, keys, blocks, summaryTop, factor, overview);
  if (input.shares.length) writeShares(b, input.shares, shareTop);
  if (input.lines.length) writeRecon(b, input, blocks, reconTop, lineRow, lastLineRow);
  const tally: Tally = { checks: null, fte: [] };
  if (input.checks.length || input.unstated.length) r = writeChecks(b, keys, input, r, tally) + 1;
  for (const rate of input.rates) r = writeFte(b, keys, rate, r, input, tally) + 1;
  for (const task of input.savings) r = writeSavings(b, keys, task, r, input) + 1;
  writeOverview(b, keys, tally, input.lines.length ? { first: reconTop + 2, last: lastLineRow, statuses: input.lines.map((l) => l.sheet.status) } : null);
  if (!input.lines.length && !input.checks.length && !input.unstated.length && !input.rates.length && !input.savings.length) b.text(r, 0, 'Geen begrotingstabel gevonden.', 'note');
  // Below the summary's header row: the werksoort columns stay labelled while scrolling.
  b.freeze(input.lines.length ? summaryTop + 2 : 3, 0);
  return { sheet: b.build(), figures: b.figures, overview };
}

/** A line's group on the sheet: its section; with several tables, prefixed by the table (or the table alone when it has no sections). */
function sectionName(l: ReconLine, multi: boolean): string {
  if (multi) return l.section ? `${tableName(l.table)} — ${l.section}` : tableName(l.table);
  return l.section || '(zonder werksoort)';
}

function sectionBlocks(input: BudgetSheetInput): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (const l of input.lines) {
    const name = sectionName(l, input.multiTable);
    const last = out[out.length - 1];
    if (last && last.name === name && last.lines[last.lines.length - 1].table === l.table) last.lines.push(l);
    else out.push({ name, first: 0, last: 0, lines: [l] });
  }
  return out;
}

/** Reconciliation columns. */
const R = { section: 0, label: 1, begroot: 2, real: 3, prog: 4, deviation: 5, status: 6, source: 7 } as const;
const col = (c: number) => a1(0, c).replace(/\d+$/, '');

/** Summary columns: A werksoort, B begroot, C pro rata, D realisatie, E−F realisatie − pro rata, G prognose, H−I prognose − begroot, J open, K status. */
function writeSummary(b: SheetBuilder, keys: Keys, blocks: SectionBlock[], top: number, factor: number, overview: OverviewBudgetLine[]): void {
  b.text(top, 0, 'Samenvatting per werksoort', 'subtitle');
  b.row(
    top + 1,
    0,
    ['Werksoort', 'Begroot', 'Pro rata begroot', 'Realisatie', 'Realisatie − pro rata', '%', 'Prognose', 'Prognose − begroot', '%', 'Open toelichtingen', 'Status'],
    'header',
  );
  let r = top + 2;
  const totals = { begroot: 0, proRata: 0, real: 0, prog: 0, open: 0, explained: 0 };
  const first = r;
  for (const block of blocks) {
    const range = (c: number) => `${col(c)}${block.first + 1}:${col(c)}${block.last + 1}`;
    const sum = (f: (l: ReconLine) => number | null) => block.lines.reduce((a, l) => a + (f(l) ?? 0), 0);
    const begroot = sum((l) => l.sheet.begroot);
    const v = {
      begroot,
      proRata: begroot * factor,
      real: sum((l) => l.sheet.realisatie),
      prog: sum((l) => l.sheet.prognose),
      open: block.lines.filter((l) => l.sheet.status === STATUS.missing).length,
      explained: block.lines.filter((l) => l.sheet.status === STATUS.explained).length,
    };
    const s = slug(block.name) || 'werksoort';
    b.text(r, 0, block.name);
    b.figure(r, 1, `SUM(${range(R.begroot)})`, v.begroot, { key: keys.take(`budget_${s}_begroot`), label: `Begroot ${block.name}`, unit: 'eur' }, EUR);
    b.formula(r, 2, `B${r + 1}*${S(CELL.factor)}`, v.proRata, EUR);
    b.figure(r, 3, `SUM(${range(R.real)})`, v.real, { key: keys.take(`budget_${s}_realisatie`), label: `Realisatie ${block.name}`, unit: 'eur' }, EUR);
    b.figure(r, 6, `SUM(${range(R.prog)})`, v.prog, { key: keys.take(`budget_${s}_prognose`), label: `Prognose ${block.name}`, unit: 'eur' }, EUR);
    b.formula(r, 9, `COUNTIF(${range(R.status)},${str(STATUS.missing)})`, v.open, '0');
    const at = (c: number, value: number) => ({ sheet: b.name, cell: a1(r, c), value });
    overview.push({ werksoort: block.name, begroot: at(1, v.begroot), realisatie: at(3, v.real), prognose: at(6, v.prog), openExplanations: at(9, v.open) });
    summaryTail(b, r, v, `COUNTIF(${range(R.status)},${str(STATUS.explained)})`);
    totals.begroot += v.begroot;
    totals.proRata += v.proRata;
    totals.real += v.real;
    totals.prog += v.prog;
    totals.open += v.open;
    // The total row counts sections whose status is "explained".
    if (v.open === 0 && v.explained > 0) totals.explained++;
    r++;
  }
  const last = r - 1;
  const span = (c: number) => `SUM(${col(c)}${first + 1}:${col(c)}${last + 1})`;
  b.text(r, 0, 'Totaal', 'total');
  b.figure(r, 1, span(1), totals.begroot, { key: keys.take('budget_begroot_totaal'), label: 'Begroot totaal', unit: 'eur' }, EUR, 'total');
  b.formula(r, 2, span(2), totals.proRata, EUR, 'total');
  b.figure(r, 3, span(3), totals.real, { key: keys.take('budget_realisatie_totaal'), label: 'Realisatie totaal', unit: 'eur' }, EUR, 'total');
  b.figure(r, 6, span(6), totals.prog, { key: keys.take('budget_prognose_totaal'), label: 'Prognose totaal', unit: 'eur' }, EUR, 'total');
  b.figure(r, 9, span(9), totals.open, { key: keys.take('budget_toelichting_open'), label: 'Regels waarvan de verplichte toelichting ontbreekt', unit: 'count' }, '0', 'total');
  summaryTail(b, r, totals, `COUNTIF(K${first + 1}:K${last + 1},${str(STATUS.explained)})`, 'total');
  b.conditional({ range: `J${first + 1}:J${r + 1}`, rules: [{ type: 'cellIs', operator: 'greaterThan', formula1: '0', ...STATUS_COLOURS.bad }] });
  b.conditional({ range: `K${first + 1}:K${r + 1}`, rules: [colour(STATUS.ok, 'good'), colour(STATUS.explained, 'warn'), colour(STATUS.missing, 'bad')] });
}

/** Differences and the section's status: missing explanations first, then explained deviations. */
function summaryTail(
  b: SheetBuilder,
  r: number,
  v: { begroot: number; proRata: number; real: number; prog: number; open: number; explained: number },
  explainedCount: string,
  style?: 'total',
): void {
  const x = r + 1;
  const realDiff = roundExcel(v.real - v.proRata, 2);
  b.formula(r, 4, `ROUND(D${x}-C${x},2)`, realDiff, EUR, style);
  b.formula(r, 5, `IF(C${x}=0,"",E${x}/C${x})`, v.proRata === 0 ? '' : realDiff / v.proRata, PCT, style);
  const progDiff = roundExcel(v.prog - v.begroot, 2);
  b.formula(r, 7, `ROUND(G${x}-B${x},2)`, progDiff, EUR, style);
  b.formula(r, 8, `IF(B${x}=0,"",H${x}/B${x})`, v.begroot === 0 ? '' : progDiff / v.begroot, PCT, style);
  const status = v.open > 0 ? STATUS.missing : v.explained > 0 ? STATUS.explained : STATUS.ok;
  b.formula(r, 10, `IF(J${x}>0,${str(STATUS.missing)},IF(${explainedCount}>0,${str(STATUS.explained)},${str(STATUS.ok)}))`, status, undefined, style);
}

function writeShares(b: SheetBuilder, shares: IndividualShare[], top: number): void {
  b.text(top, 0, 'Aandeel individueel sociaal werk (kernbeding: individueel ≤ 30%, collectief/informeel ≥ 70%)', 'subtitle');
  b.row(top + 1, 0, ['Kolom', 'Individueel', 'Collectief / informeel', 'Aandeel individueel', 'Norm (max.)', 'Status', 'Werksoorten individueel', 'Werksoorten collectief'], 'header');
  let r = top + 2;
  for (const s of shares) {
    const sumRanges = (side: IndividualShare['individual']) =>
      `SUM(${side.ranges.map((x) => ref(x.sheet, x.top, x.col) + ':' + a1(x.bottom, x.col)).join(',')})` +
      side.texts.map((x) => `+IF(ISNUMBER(${ref(x.sheet, x.row, x.col)}),0,${literal(x.textValue)})`).join('');
    const row = r + 1;
    b.text(r, 0, { begroot: 'Begroot', realisatie: 'Realisatie', prognose: 'Prognose' }[s.field]);
    b.formula(r, 1, sumRanges(s.individual), s.individual.sumSheet, EUR);
    b.formula(r, 2, sumRanges(s.collective), s.collective.sumSheet, EUR);
    b.figure(
      r,
      3,
      `IF(B${row}+C${row}=0,"",B${row}/(B${row}+C${row}))`,
      s.shareSheet,
      { key: s.field === 'begroot' ? 'budget_share_individueel' : `budget_share_individueel_${s.field}`, label: `Aandeel individueel sociaal werk (${s.field})`, unit: 'fraction' },
      PCT,
    );
    b.value(r, 4, s.max, '0%', 'input');
    const status = s.shareSheet === null ? '' : s.shareSheet <= s.max ? 'Voldoet' : 'Voldoet niet';
    b.formula(r, 5, `IF(D${row}="","",IF(D${row}<=E${row},"Voldoet","Voldoet niet"))`, status);
    b.value(r, 6, s.individual.sections.join('; '));
    b.value(r, 7, s.collective.sections.join('; '));
    r++;
  }
  b.conditional({ range: `F${top + 3}:F${r}`, rules: [colour('Voldoet', 'good'), colour('Voldoet niet', 'bad')] });
}

/**
 * One row per budget line, with only what a controller reads per line: the
 * three amounts, the deviation the explanation rule looks at first (prognose −
 * begroot, or without a prognose realisatie − pro rata) and the status. The
 * percentages and the other difference are in the summary per werksoort; the
 * direction is the colour of the deviation. Five formulas a line instead of
 * twelve keeps a 2.000-line budget quick to load and recalculate.
 */
function writeRecon(b: SheetBuilder, input: BudgetSheetInput, blocks: SectionBlock[], top: number, lineRow: Map<ReconLine, number>, lastRow: number): void {
  const { cfg } = input;
  b.text(top, 0, `Begroot tegenover realisatie en prognose per regel (pro rata: ${input.months}/12 van de begroting; groen gunstig, oranje ongunstig)`, 'subtitle');
  b.row(top + 1, 0, ['Werksoort', 'Onderdeel', 'Begroot', 'Realisatie', 'Prognose', 'Afwijking (prognose − begroot, anders realisatie − pro rata)', 'Status', 'Bron'], 'header');
  const test = (diff: string, base: string) => {
    const eur = `ABS(${diff})>${S(CELL.eur)}`;
    const pct = `ABS(${diff})>${S(CELL.pct)}*ABS(${base})`;
    return `${cfg.explainBoth ? 'AND' : 'OR'}(${eur},${pct})`;
  };
  // Runs of lines with the same good direction, for the colour of the differences.
  const runs: { first: number; last: number; revenue: boolean }[] = [];
  for (const block of blocks) {
    for (const l of block.lines) {
      const r = lineRow.get(l)!;
      const x = r + 1;
      const t = l.table;
      const sv = l.sheet;
      b.text(r, R.section, block.name);
      b.text(r, R.label, l.row.label || `rij ${l.row.row + 1}`);
      b.formula(r, R.begroot, amountRef(t.sheet, l.row.row, t.columns.begroot!, l.begroot), sv.begroot, EUR);
      const tests: string[] = [];
      const hasPrognose = l.prognose !== null && sv.prognose !== null;
      if (l.realisatie && sv.realisatie !== null) {
        b.formula(r, R.real, amountRef(t.sheet, l.row.row, t.columns.realisatie!, l.realisatie), sv.realisatie, EUR);
        const realDiff = `ROUND(D${x}-C${x}*${S(CELL.factor)},2)`;
        if (!hasPrognose) b.formula(r, R.deviation, realDiff, sv.realDiff, EUR);
        if (cfg.explainRealisation) tests.push(test(hasPrognose ? realDiff : `F${x}`, `C${x}*${S(CELL.factor)}`));
      }
      if (hasPrognose) {
        b.formula(r, R.prog, amountRef(t.sheet, l.row.row, t.columns.prognose!, l.prognose!), sv.prognose, EUR);
        b.formula(r, R.deviation, `ROUND(E${x}-C${x},2)`, sv.progDiff, EUR);
        tests.unshift(test(`F${x}`, `C${x}`));
      }
      if (tests.length) {
        const present =
          t.columns.toelichting === undefined
            ? 'FALSE'
            : ((c: string) => `IF(ISTEXT(${c}),AND(LEN(TRIM(${c}))>0,TRIM(${c})<>"-"),NOT(ISBLANK(${c})))`)(ref(t.sheet, l.row.row, t.columns.toelichting));
        b.formula(r, R.status, `IF(OR(${tests.join(',')}),IF(${present},${str(STATUS.explained)},${str(STATUS.missing)}),${str(STATUS.ok)})`, sv.status);
      } else b.value(r, R.status, sv.status);
      const cell = a1(l.row.row, t.labelCol);
      b.link(r, R.source, `${t.sheet}!${cell}`, { sheet: t.sheet, cell });
      const run = runs[runs.length - 1];
      if (run && run.revenue === l.revenue && run.last === r - 1) run.last = r;
      else runs.push({ first: r, last: r, revenue: l.revenue });
    }
  }
  const first = top + 3;
  const last = lastRow + 1;
  b.conditional({ range: `G${first}:G${last}`, rules: [colour(STATUS.ok, 'good'), colour(STATUS.explained, 'warn'), colour(STATUS.missing, 'bad')] });
  // Costs above budget and revenue below it are unfavourable (orange); the other way round favourable (green).
  for (const run of runs) {
    const [bad, good] = run.revenue ? (['lessThan', 'greaterThan'] as const) : (['greaterThan', 'lessThan'] as const);
    b.conditional({
      range: `F${run.first + 1}:F${run.last + 1}`,
      rules: [
        { type: 'cellIs', operator: bad, formula1: '0', ...STATUS_COLOURS.warn },
        { type: 'cellIs', operator: good, formula1: '0', ...STATUS_COLOURS.good },
      ],
    });
  }
}

const CHECK_NAMES: Record<SumCheck['check'], string> = { subtotal: 'Subtotaal', total: 'Totaal', regional: 'Regio = som gemeenten', balance: 'Baten = lasten' };

function colSlug(c: SumCheck): string {
  return c.column.field === 'year' ? slug(c.column.header) : c.column.field;
}

function writeChecks(b: SheetBuilder, keys: Keys, input: BudgetSheetInput, top: number, tally: Tally): number {
  const statuses: string[] = [];
  b.text(top, 0, 'Optellingen: vermeld tegenover berekend', 'subtitle');
  b.row(top + 1, 0, ['Controle', 'Tabel / werksoort', 'Rij', 'Kolom', 'Vermeld', 'Berekend', 'Verschil', 'Marge', 'Status', 'Bron'], 'header');
  let r = top + 2;
  for (const c of input.checks) {
    const x = r + 1;
    const fmt = c.column.unit === 'fte' ? FTE : EUR;
    const sum = sumOf(c.parts);
    b.text(r, 0, CHECK_NAMES[c.check]);
    b.text(r, 1, c.check === 'subtotal' ? (input.multiTable ? `${c.table} — ${c.section}` : c.section) : c.table);
    b.text(r, 2, c.what);
    b.text(r, 3, c.column.header);
    b.formula(r, 4, c.statedAmount ? amountRef(c.sheet, c.row, c.col, c.statedAmount) : num(c.sheet, c.row, c.col), c.statedSheet, fmt);
    const sumSheet = c.sumSheet;
    if (c.check === 'subtotal' || c.check === 'total') {
      const base = c.check === 'subtotal' ? c.section : c.what;
      const key = `budget_${input.multiTable ? `${slug(c.table)}_` : ''}${slug(base)}_${colSlug(c)}_som`;
      if (sum) b.figure(r, 5, sum, sumSheet, { key: keys.take(key), label: `Som van de regels: ${c.what} ${c.section} (${c.column.header})`, unit: c.column.unit === 'fte' ? 'fte' : 'eur' }, fmt);
      else b.value(r, 5, sumSheet, fmt);
    } else if (sum) b.formula(r, 5, sum, sumSheet, fmt);
    else b.value(r, 5, sumSheet, fmt);
    const diff = roundExcel(c.statedSheet - sumSheet, 2);
    b.formula(r, 6, `ROUND(E${x}-F${x},2)`, diff, fmt);
    const tolCell = c.column.unit === 'fte' ? S(CELL.tolFte) : S(CELL.tolEur);
    const tol = c.column.unit === 'fte' ? input.cfg.toleranceFte : input.cfg.toleranceEur;
    const margin = Math.max(tol, c.linesAllowance);
    b.formula(r, 7, `MAX(${tolCell},${c.linesAllowance})`, margin, fmt);
    const status = diff === 0 ? 'Klopt' : Math.abs(diff) <= margin + 0.000001 ? 'Afronding' : 'Fout';
    statuses.push(status);
    b.formula(r, 8, `IF(G${x}=0,"Klopt",IF(ABS(G${x})<=H${x}+0.000001,"Afronding","Fout"))`, status);
    const cell = a1(c.row, c.col);
    b.link(r, 9, `${c.sheet}!${cell}`, { sheet: c.sheet, cell });
    r++;
  }
  for (const u of input.unstated) {
    const end = writeUnstated(b, keys, u, r, input);
    for (; r < end; r++) statuses.push(UNSTATED);
  }
  tally.checks = { first: top + 2, last: r - 1, statuses };
  b.conditional({ range: `I${top + 3}:I${r}`, rules: [colour('Klopt', 'good'), colour('Afronding', 'warn'), colour('Fout', 'bad'), colour(UNSTATED, 'none')] });
  return r;
}

const UNSTATED = 'Niet vermeld';

/** Counts at the top right, beside the settings: the whole sheet on one screen. */
function writeOverview(b: SheetBuilder, keys: Keys, tally: Tally, recon: { first: number; last: number; statuses: string[] } | null): void {
  const L = 4; // label column E
  const V = 6; // value column G
  b.text(3, L, 'Overzicht', 'subtitle');
  const count = (block: { first: number; last: number; statuses: string[] }, c: string, text: string) => ({
    f: `COUNTIF(${c}${block.first + 1}:${c}${block.last + 1},${str(text)})`,
    v: block.statuses.filter((x) => x === text).length,
  });
  const row = (r: number, label: string, parts: { f: string; v: number }[], key?: string) => {
    b.text(r, L, label);
    if (parts.length === 0) {
      b.value(r, V, 0, '0');
      return;
    }
    const f = parts.map((p) => p.f).join('+');
    const v = parts.reduce((a, p) => a + p.v, 0);
    if (key) b.figure(r, V, f, v, { key: keys.take(key), label, unit: 'count' }, '0');
    else b.formula(r, V, f, v, '0');
  };
  const checks = tally.checks ? [tally.checks] : [];
  row(4, 'Optellingen die kloppen', checks.map((c) => count(c, 'I', 'Klopt')));
  row(5, 'Afrondingsverschillen', checks.map((c) => count(c, 'I', 'Afronding')), 'budget_optellingen_afronding');
  row(6, 'Fouten in optellingen', checks.map((c) => count(c, 'I', 'Fout')), 'budget_optellingen_fout');
  row(7, 'Zonder verplichte toelichting', recon ? [count(recon, 'G', STATUS.missing)] : []);
  row(8, 'Fte-regels buiten normprijs', tally.fte.map((c) => count(c, 'E', 'Afwijkend')), 'budget_fte_afwijkend');
  b.conditional({ range: `G7:G9`, rules: [{ type: 'cellIs', operator: 'greaterThan', formula1: '0', ...STATUS_COLOURS.bad }] });
  b.conditional({ range: `G6`, rules: [{ type: 'cellIs', operator: 'greaterThan', formula1: '0', ...STATUS_COLOURS.warn }] });
}

/** The sum of a section that has no subtotal row: for fte and the money column. */
function writeUnstated(b: SheetBuilder, keys: Keys, u: UnstatedSection, top: number, input: BudgetSheetInput): number {
  const t = u.table;
  const money = t.amountColumns.find((c) => c.field === 'begroot') ?? t.amountColumns.find((c) => c.field === 'year');
  const cols = [t.amountColumns.find((c) => c.field === 'fte'), money].filter((c): c is NonNullable<typeof c> => c !== undefined);
  const name = u.section || tableName(t);
  let r = top;
  for (const c of cols) {
    const i = t.amountColumns.indexOf(c);
    if (!u.lines.some((l) => l.amounts[i].value !== null) || u.lines.some((l) => l.amounts[i].source === 'error')) continue;
    const parts = u.lines.map((l) => sumPart(t.sheet, l.row, c.col, l.amounts[i]));
    const sum = sumOf(parts);
    const value = parts.reduce((a, p) => a + p.sheetValue, 0);
    const fmt = c.unit === 'fte' ? FTE : EUR;
    const colKey = c.field === 'year' ? slug(c.header) : c.field;
    b.text(r, 0, 'Subtotaal (niet vermeld)');
    b.text(r, 1, input.multiTable ? `${tableName(t)} — ${name}` : name);
    b.text(r, 2, 'geen subtotaalregel');
    b.text(r, 3, c.header);
    const meta = { key: keys.take(`budget_${input.multiTable ? `${slug(tableName(t))}_` : ''}${slug(name) || 'tabel'}_${colKey}_som`), label: `Som van de regels: ${name} (${c.header})`, unit: c.unit === 'fte' ? ('fte' as const) : ('eur' as const) };
    if (sum) b.figure(r, 5, sum, value, meta, fmt);
    else b.value(r, 5, value, fmt);
    b.text(r, 8, UNSTATED);
    const cell = a1(u.lines[0].row, t.labelCol);
    b.link(r, 9, `${t.sheet}!${cell}`, { sheet: t.sheet, cell });
    r++;
  }
  return r;
}

function writeFte(b: SheetBuilder, keys: Keys, f: FteRate, top: number, input: BudgetSheetInput, tally: Tally): number {
  const statuses: string[] = [];
  b.text(top, 0, `Fte × normprijs — ${f.name}`, 'subtitle');
  const rateRow = top + 1;
  b.text(rateRow, 0, f.source === 'setting' ? 'Normprijs per fte (instelling budget.fteRate)' : `Normprijs per fte (${f.support} van ${f.lines.length} regels)`);
  const w = f.witness;
  const rateFormula = f.source === 'detected' && w ? `ROUND(${ref(f.sheet, w.row.row, w.amountCol)}/${ref(f.sheet, w.row.row, w.fteCol)},2)` : String(f.rate);
  b.figure(rateRow, 1, rateFormula, f.rate, { key: keys.take('budget_fte_rate'), label: `Normprijs per fte (${f.name})`, unit: 'eur' }, EUR);
  const rate = `$B$${rateRow + 1}`;
  // Per line the fte, the difference and the status; the amount itself is on the line's row above (Begroot).
  b.row(top + 2, 0, ['Werksoort', 'Onderdeel', 'Fte', 'Bedrag − fte × normprijs', 'Status', 'Bron'], 'header');
  let r = top + 3;
  for (const l of f.lines) {
    const x = r + 1;
    const priced = roundExcel(l.fteSheet * f.rate!, 2);
    const diff = roundExcel(l.amountSheet - priced, 2);
    b.text(r, 0, l.row.section);
    b.text(r, 1, l.row.label);
    b.formula(r, 2, amountRef(f.sheet, l.row.row, l.fteCol, l.fteCell), l.fteSheet, FTE);
    b.formula(r, 3, `ROUND(${amountRef(f.sheet, l.row.row, l.amountCol, l.amountCell)}-ROUND(C${x}*${rate},2),2)`, diff, EUR);
    const status = diff === 0 ? 'Klopt' : Math.abs(diff) <= input.cfg.toleranceEur + 0.000001 ? 'Afronding' : 'Afwijkend';
    statuses.push(status);
    b.formula(r, 4, `IF(D${x}=0,"Klopt",IF(ABS(D${x})<=${S(CELL.tolEur)}+0.000001,"Afronding","Afwijkend"))`, status);
    const cell = a1(l.row.row, l.amountCol);
    b.link(r, 5, `${f.sheet}!${cell}`, { sheet: f.sheet, cell });
    r++;
  }
  b.conditional({ range: `E${top + 4}:E${r}`, rules: [colour('Klopt', 'good'), colour('Afronding', 'warn'), colour('Afwijkend', 'bad')] });
  tally.fte.push({ first: top + 3, last: r - 1, statuses });
  return r;
}

/** A sum status as the sheet's formula decides it: exact, within the margin, or wrong. */
function sumStatus(diff: number, margin: number): 'Klopt' | 'Afronding' | 'Fout' {
  return diff === 0 ? 'Klopt' : Math.abs(diff) <= margin + 0.000001 ? 'Afronding' : 'Fout';
}

/**
 * The savings task: the stated task, the lines' savings and the stated realised
 * saving, what is left to realise (computed and stated) and the share realised.
 */
function writeSavings(b: SheetBuilder, keys: Keys, s: SavingsTask, top: number, input: BudgetSheetInput): number {
  b.text(top, 0, `Taakstelling en besparingen — ${s.sheet}`, 'subtitle');
  b.row(top + 1, 0, ['Onderdeel', 'Bedrag', 'Controle', 'Bron'], 'header');
  let r = top + 2;
  const cellOf = (row: number) => `B${row + 1}`;
  const source = (row: number, st: { sheet: string; row: number; col: number }) => {
    const cell = a1(st.row, st.col);
    b.link(row, 3, `${st.sheet}!${cell}`, { sheet: st.sheet, cell });
  };
  const stated = (st: SavingsTask['task'] & object, label: string, key: string) => {
    b.text(r, 0, `${label} (vermeld: "${st.label}")`);
    b.figure(r, 1, amountRef(st.sheet, st.row, st.col, st.amount), st.amount.formulaValue, { key: keys.take(key), label, unit: 'eur' }, EUR);
    source(r, st);
    return r++;
  };
  const taskRow = s.task ? stated(s.task, 'Taakstelling', 'budget_taakstelling') : null;
  let sumRow: number | null = null;
  if (s.parts.length) {
    const f = sumOf(s.parts);
    b.text(r, 0, `Besparingen per regel (som van ${s.column})`);
    const meta = { key: keys.take('budget_besparing_regels_som'), label: `Som van de besparingen per regel (${s.column})`, unit: 'eur' as const };
    if (f) b.figure(r, 1, f, s.linesSumSheet, meta, EUR);
    else b.value(r, 1, s.linesSumSheet, EUR);
    source(r, s.parts[0]);
    sumRow = r++;
  }
  let usedRow: number | null = sumRow;
  if (s.realised) {
    const row = stated(s.realised, 'Gerealiseerde besparing', 'budget_besparing_gerealiseerd');
    usedRow = row;
    if (sumRow !== null) {
      const x = row + 1;
      const margin = Math.max(input.cfg.toleranceEur, linesRoundingAllowance(s.parts.map((p) => p.value), s.realised.amount.value!));
      const diff = roundExcel(s.realised.amount.formulaValue - s.linesSumSheet, 2);
      b.formula(
        row,
        2,
        `IF(ROUND(B${x}-${cellOf(sumRow)},2)=0,"Klopt",IF(ABS(ROUND(B${x}-${cellOf(sumRow)},2))<=MAX(${S(CELL.tolEur)},${margin})+0.000001,"Afronding","Fout"))`,
        sumStatus(diff, margin),
      );
    }
  }
  if (taskRow !== null && usedRow !== null && s.realisedSheet !== null) {
    const remaining = roundExcel(s.task!.amount.formulaValue - s.realisedSheet, 2);
    b.text(r, 0, 'Nog te realiseren (taakstelling − gerealiseerd)');
    b.figure(r, 1, `ROUND(${cellOf(taskRow)}-${cellOf(usedRow)},2)`, remaining, { key: keys.take('budget_taakstelling_rest'), label: 'Nog te realiseren van de taakstelling', unit: 'eur' }, EUR);
    const computedRow = r++;
    if (s.remaining) {
      const row = stated(s.remaining, 'Nog te realiseren', 'budget_taakstelling_rest_vermeld');
      const x = row + 1;
      const diff = roundExcel(s.remaining.amount.formulaValue - remaining, 2);
      b.formula(
        row,
        2,
        `IF(ROUND(B${x}-${cellOf(computedRow)},2)=0,"Klopt",IF(ABS(ROUND(B${x}-${cellOf(computedRow)},2))<=${S(CELL.tolEur)}+0.000001,"Afronding","Fout"))`,
        sumStatus(diff, input.cfg.toleranceEur),
      );
    }
    const task = s.task!.amount.formulaValue;
    const share = task === 0 ? '' : s.realisedSheet / task;
    b.text(r, 0, 'Gerealiseerd deel van de taakstelling');
    b.figure(r, 1, `IF(${cellOf(taskRow)}=0,"",${cellOf(usedRow)}/${cellOf(taskRow)})`, share === '' ? null : share, { key: keys.take('budget_taakstelling_pct'), label: 'Gerealiseerd deel van de taakstelling', unit: 'fraction' }, PCT);
    b.formula(r, 2, `IF(B${r + 1}="","",IF(B${r + 1}>=1,"Behaald","Nog niet behaald"))`, share === '' ? '' : share >= 1 ? 'Behaald' : 'Nog niet behaald');
    r++;
  }
  b.conditional({ range: `C${top + 3}:C${r}`, rules: [colour('Klopt', 'good'), colour('Behaald', 'good'), colour('Afronding', 'warn'), colour('Nog niet behaald', 'warn'), colour('Fout', 'bad')] });
  return r;
}
