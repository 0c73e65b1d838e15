// "TB Overzicht": the one page a controller hands to a director. Every
// number on it is a live formula over the other TB sheets (never over the
// user's data directly, so it adds almost nothing to recalculation), written
// with the engine's value and listed as a figure. Three native charts point
// at its own cells.

import type { Finding, Severity } from '../findings/finding';
import { SEVERITY_LABEL } from '../findings/labels';
import type { Figure, FigureUnit } from '../plan/figure';
import { wrappedLineCount } from '../plan/layout';
import type { ChartSpec, SheetSpec } from '../plan/plan';
import { SheetBuilder } from '../plan/sheetBuilder';
import { STATUS_COLOURS } from '../plan/styles';
import { a1, columnLetters, quoteSheet, rangeA1 } from '../workbook/address';
import type { CellValueRef, OverviewContribution, OverviewNorm } from './contribution';

export interface OverviewInput {
  name: string;
  provider: string;
  period: string;
  runDate: string;
  contribution: OverviewContribution;
  /** The findings sheet's count figures (findings_<severity>_count / _open). */
  findingFigures: Figure[];
  /** Open findings, most important first, with the cell of their row on the findings sheet. */
  topFindings: { finding: Finding; messageCell: string; sheet: string }[];
}

export const EUR = '"€" #,##0';
const PCT = '0.0%';
/** Columns A–G hold the tables; the charts sit in I–Q. */
const CHART_LEFT = 8;
const CHART_RIGHT = 17;
const CHART_HEIGHT = 15;
const COLOURS = { begroot: '2F5597', realisatie: 'ED7D31', prognose: 'A5A5A5', norm: '7F7F7F' };

const ref = (c: { sheet: string; cell: string }) => `${quoteSheet(c.sheet)}!${c.cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`;

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'x'
  );
}

function formatFor(unit: FigureUnit): string {
  if (unit === 'fraction') return PCT;
  if (unit === 'eur') return EUR;
  if (unit === 'count') return '0';
  return '0.0';
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

export function buildOverviewSheet(input: OverviewInput): { sheet: SheetSpec; figures: Figure[] } {
  const b = new SheetBuilder(input.name, { tabColor: '1F3864' });
  const keys = new Keys();
  const { contribution: c } = input;
  b.header(`Halfjaaroverzicht${input.provider ? ` — ${input.provider}` : ''}`, 'Alle getallen zijn formules op de andere TB-bladen.');
  b.text(2, 0, `Aanbieder: ${input.provider || '(niet vermeld; vul overzicht.aanbieder in op TB Instellingen)'}   ·   Periode: ${input.period || '(niet gevonden)'}   ·   Gemaakt: ${input.runDate}`, 'muted');
  b.width(0, 34);
  for (let col = 1; col <= 6; col++) b.width(col, 13);
  b.width(7, 2);
  for (let col = CHART_LEFT; col <= CHART_RIGHT; col++) b.width(col, 10);

  let row = 4;
  const normsEnd = writeNormCounts(b, keys, row, c);
  const findingsEnd = writeFindingCounts(b, keys, row, input.findingFigures);
  row = Math.max(normsEnd, findingsEnd) + 1;
  const budget = c.budget?.length ? writeBudget(b, keys, row, c) : null;
  if (budget) row = budget.end + 1;
  const risk = c.risk ? writeRisk(b, keys, row, c) : null;
  if (risk) row = risk.end + 1;
  const norms = c.norms?.rows.length ? writeNormTable(b, keys, row, c.norms.rows) : null;
  if (norms) row = norms.end + 1;
  row = writeTopFindings(b, row, input.topFindings);

  // Charts on the right, one under the other.
  const charts: ChartSpec[] = [];
  if (budget) charts.push(budget.chart);
  if (norms?.chart) charts.push(norms.chart);
  if (risk) charts.push(risk.chart);
  charts.forEach((chart, i) => {
    chart.from = { row: 3 + i * (CHART_HEIGHT + 1), col: CHART_LEFT };
    chart.to = { row: 3 + i * (CHART_HEIGHT + 1) + CHART_HEIGHT, col: CHART_RIGHT + 1 };
    b.chart(chart);
  });
  // One A4 landscape page: scaled to fit both ways.
  b.page({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
  return { sheet: b.build(), figures: b.figures };
}

function writeNormCounts(b: SheetBuilder, keys: Keys, top: number, c: OverviewContribution): number {
  b.text(top, 0, 'Normen', 'subtitle');
  b.row(top + 1, 0, ['Status', 'Aantal'], 'header');
  const norms = c.norms;
  const withStatus = norms?.rows.filter((r) => r.status) ?? [];
  if (!norms || withStatus.length === 0) {
    b.text(top + 2, 0, 'Geen normen berekend.', 'note');
    return top + 3;
  }
  // The status cells sit in one column of the norms sheet: count over its span.
  const cells = withStatus.map((r) => r.status!);
  const colLetters = cells[0].cell.replace(/\d+$/, '');
  const rows = cells.map((x) => Number(x.cell.replace(/^[A-Z]+/, '')));
  const span = `${quoteSheet(cells[0].sheet)}!$${colLetters}$${Math.min(...rows)}:$${colLetters}$${Math.max(...rows)}`;
  const t = norms.texts;
  const list: [string, string, 'good' | 'warn' | 'bad' | 'none'][] = [
    [t.met, 'met', 'good'],
    [t.near, 'near', 'warn'],
    [t.notMet, 'not_met', 'bad'],
    [t.noData, 'no_data', 'none'],
  ];
  list.forEach(([text, id, tone], i) => {
    const r = top + 2 + i;
    b.text(r, 0, text);
    const n = cells.filter((x) => x.text === text).length;
    b.figure(r, 1, `COUNTIF(${span},"${text}")`, n, { key: keys.take(`overview_norms_${id}`), label: `Normen: ${text.toLowerCase()}`, unit: 'count' }, '0');
    b.conditional({ range: a1(r, 0), rules: [{ type: 'expression', formula: 'TRUE', fill: STATUS_COLOURS[tone].fill, font: STATUS_COLOURS[tone].font }] });
  });
  return top + 2 + list.length;
}

function writeFindingCounts(b: SheetBuilder, keys: Keys, top: number, figures: Figure[]): number {
  const L = 3;
  b.text(top, L, 'Bevindingen', 'subtitle');
  b.row(top + 1, L, ['Ernst', 'Aantal', 'Open'], 'header');
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const tones: Record<Severity, 'bad' | 'warn' | 'none'> = { error: 'bad', warning: 'warn', info: 'none' };
  (['error', 'warning', 'info'] as Severity[]).forEach((s, i) => {
    const r = top + 2 + i;
    b.text(r, L, SEVERITY_LABEL[s]);
    b.conditional({ range: a1(r, L), rules: [{ type: 'expression', formula: 'TRUE', fill: STATUS_COLOURS[tones[s]].fill, font: STATUS_COLOURS[tones[s]].font }] });
    (['count', 'open'] as const).forEach((what, j) => {
      const f = byKey.get(`findings_${s}_${what}`);
      if (!f) return;
      b.figure(r, L + 1 + j, ref(f), f.value, { key: keys.take(`overview_findings_${s}_${what}`), label: `${what === 'open' ? 'Open bevindingen' : 'Bevindingen'}: ${SEVERITY_LABEL[s]}`, unit: 'count' }, '0');
    });
  });
  return top + 5;
}

function writeBudget(b: SheetBuilder, keys: Keys, top: number, c: OverviewContribution): { end: number; chart: ChartSpec } {
  const lines = c.budget!;
  b.text(top, 0, 'Begroting per werksoort', 'subtitle');
  b.row(top + 1, 0, ['Werksoort', 'Begroot', 'Realisatie', 'Prognose', 'Prognose − begroot', '%', 'Open toelichtingen'], 'header');
  const first = top + 2;
  const totals = { begroot: 0, realisatie: 0, prognose: 0, open: 0 };
  const put = (r: number, col: number, src: CellValueRef, key: string, label: string, unit: FigureUnit) =>
    b.figure(r, col, ref(src), src.value, { key: keys.take(key), label, unit }, unit === 'eur' ? EUR : '0');
  lines.forEach((l, i) => {
    const r = first + i;
    const s = slug(l.werksoort);
    b.text(r, 0, l.werksoort);
    put(r, 1, l.begroot, `overview_budget_${s}_begroot`, `Begroot ${l.werksoort}`, 'eur');
    put(r, 2, l.realisatie, `overview_budget_${s}_realisatie`, `Realisatie ${l.werksoort}`, 'eur');
    put(r, 3, l.prognose, `overview_budget_${s}_prognose`, `Prognose ${l.werksoort}`, 'eur');
    varianceCells(b, keys, r, { begroot: l.begroot.value ?? 0, prognose: l.prognose.value ?? 0 }, s, l.werksoort);
    put(r, 6, l.openExplanations, `overview_budget_${s}_open`, `Open toelichtingen ${l.werksoort}`, 'count');
    totals.begroot += l.begroot.value ?? 0;
    totals.realisatie += l.realisatie.value ?? 0;
    totals.prognose += l.prognose.value ?? 0;
    totals.open += l.openExplanations.value ?? 0;
  });
  const last = first + lines.length - 1;
  const t = last + 1;
  const sum = (col: number) => `SUM(${a1(first, col)}:${a1(last, col)})`;
  b.text(t, 0, 'Totaal', 'total');
  b.figure(t, 1, sum(1), totals.begroot, { key: keys.take('overview_budget_begroot_totaal'), label: 'Begroot totaal', unit: 'eur' }, EUR, 'total');
  b.figure(t, 2, sum(2), totals.realisatie, { key: keys.take('overview_budget_realisatie_totaal'), label: 'Realisatie totaal', unit: 'eur' }, EUR, 'total');
  b.figure(t, 3, sum(3), totals.prognose, { key: keys.take('overview_budget_prognose_totaal'), label: 'Prognose totaal', unit: 'eur' }, EUR, 'total');
  varianceCells(b, keys, t, totals, 'totaal', 'totaal', 'total');
  b.figure(t, 6, sum(6), totals.open, { key: keys.take('overview_budget_open_totaal'), label: 'Open toelichtingen totaal', unit: 'count' }, '0', 'total');
  b.conditional({ range: `${a1(first, 6)}:${a1(t, 6)}`, rules: [{ type: 'cellIs', operator: 'greaterThan', formula1: '0', ...STATUS_COLOURS.bad }] });
  const col = (c2: number) => `$${columnLetters(c2)}$${first + 1}:$${columnLetters(c2)}$${last + 1}`;
  const series = (name: string, c2: number, colour: string, values: (number | null)[]) => ({ name, colour, values: { sheet: b.name, range: col(c2), values } });
  const chart: ChartSpec = {
    kind: 'column',
    title: 'Begroot, realisatie en prognose per werksoort',
    categories: { sheet: b.name, range: col(0), values: lines.map((l) => l.werksoort) },
    series: [
      series('Begroot', 1, COLOURS.begroot, lines.map((l) => l.begroot.value)),
      series('Realisatie', 2, COLOURS.realisatie, lines.map((l) => l.realisatie.value)),
      series('Prognose', 3, COLOURS.prognose, lines.map((l) => l.prognose.value)),
    ],
    valueFormat: EUR,
    from: { row: 0, col: 0 },
    to: { row: 0, col: 0 },
  };
  return { end: t + 1, chart };
}

/** Prognose − begroot and its share of the budget. */
function varianceCells(b: SheetBuilder, keys: Keys, r: number, v: { begroot: number; prognose: number }, s: string, label: string, style?: 'total'): void {
  const x = r + 1;
  const diff = v.prognose - v.begroot;
  b.figure(r, 4, `D${x}-B${x}`, diff, { key: keys.take(`overview_budget_${s}_verschil`), label: `Prognose − begroot ${label}`, unit: 'eur' }, EUR, style);
  if (v.begroot === 0) b.formula(r, 5, `IF(B${x}=0,"",E${x}/B${x})`, '', PCT, style);
  else b.figure(r, 5, `IF(B${x}=0,"",E${x}/B${x})`, diff / v.begroot, { key: keys.take(`overview_budget_${s}_verschil_pct`), label: `Prognose − begroot ${label} (%)`, unit: 'fraction' }, PCT, style);
}

function writeRisk(b: SheetBuilder, keys: Keys, top: number, c: OverviewContribution): { end: number; chart: ChartSpec } {
  const risk = c.risk!;
  const n = risk.scale;
  b.text(top, 0, `Risico's: kans × schade (register "${risk.register}")`, 'subtitle');
  // The small map: kans from high to low down, schade 1..n across; cells coloured by band.
  const small = n <= 6;
  let end = top + 1;
  if (small) {
    b.text(top + 1, 0, 'Kans ↓  ·  schade →', 'muted');
    for (let s = 1; s <= n; s++) b.value(top + 1, s, s, undefined, 'header');
    for (let i = 0; i < n; i++) {
      const k = n - i;
      const r = top + 2 + i;
      b.value(r, 0, k, undefined, 'header');
      for (let s = 1; s <= n; s++) {
        const src = risk.grid[k - 1][s - 1];
        b.figure(r, s, ref(src), src.value, { key: keys.take(`overview_risk_K${k}S${s}`), label: `Risico's met kans ${k} en schade ${s}`, unit: 'count' }, '0');
        const band = risk.bands[risk.band[k - 1][s - 1]];
        b.conditional({ range: a1(r, s), rules: [{ type: 'expression', formula: 'TRUE', fill: band.fill, font: band.font }] });
      }
    }
    end = top + 2 + n;
  }
  // Band totals beside the map (or alone for a large scale).
  const L = small ? n + 2 : 0;
  const bandTop = small ? top + 1 : end;
  b.row(bandTop, L, ['Band', 'Aantal'], 'header');
  risk.bands.forEach((band, i) => {
    const r = bandTop + 1 + i;
    b.text(r, L, band.label);
    b.conditional({ range: a1(r, L), rules: [{ type: 'expression', formula: 'TRUE', fill: band.fill, font: band.font }] });
    b.figure(r, L + 1, ref(band.count), band.count.value, { key: keys.take(`overview_risk_band_${slug(band.label)}`), label: `Risico's in band ${band.label.toLowerCase()}`, unit: 'count' }, '0');
  });
  end = Math.max(end, bandTop + 1 + risk.bands.length);
  const rangeOf = (col: number) => `$${columnLetters(col)}$${bandTop + 2}:$${columnLetters(col)}$${bandTop + 1 + risk.bands.length}`;
  const chart: ChartSpec = {
    kind: 'column',
    title: "Risico's per band",
    categories: { sheet: b.name, range: rangeOf(L), values: risk.bands.map((bd) => bd.label) },
    series: [{ name: 'Aantal risico\'s', colour: 'C00000', values: { sheet: b.name, range: rangeOf(L + 1), values: risk.bands.map((bd) => bd.count.value) } }],
    valueFormat: '0',
    from: { row: 0, col: 0 },
    to: { row: 0, col: 0 },
  };
  return { end, chart };
}

function writeNormTable(b: SheetBuilder, keys: Keys, top: number, rows: OverviewNorm[]): { end: number; chart: ChartSpec | null } {
  b.text(top, 0, 'Normen: realisatie tegenover norm', 'subtitle');
  b.row(top + 1, 0, ['Indicator', 'Realisatie', 'Norm', 'Status'], 'header');
  // Percentages first: they share one axis, so the chart takes just those rows.
  const ordered = [...rows.filter((r) => r.unit === 'fraction'), ...rows.filter((r) => r.unit !== 'fraction')];
  const first = top + 2;
  ordered.forEach((n, i) => {
    const r = first + i;
    const s = slug(n.label);
    b.set(r, 0, { v: n.label, wrap: true });
    b.figure(r, 1, ref(n.realisation), n.realisation.value, { key: keys.take(`overview_norm_${s}`), label: `Realisatie: ${n.label}`, unit: n.unit }, formatFor(n.unit));
    if (n.norm) b.figure(r, 2, ref(n.norm), n.norm.value, { key: keys.take(`overview_norm_${s}_norm`), label: `Norm: ${n.label}`, unit: n.unit }, formatFor(n.unit));
    if (n.status) b.formula(r, 3, ref(n.status), n.status.text);
  });
  const last = first + ordered.length - 1;
  b.conditional({
    range: `${a1(first, 3)}:${a1(last, 3)}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formula1: '"Behaald"', ...STATUS_COLOURS.good },
      { type: 'cellIs', operator: 'equal', formula1: '"Bijna"', ...STATUS_COLOURS.warn },
      { type: 'cellIs', operator: 'equal', formula1: '"Niet behaald"', ...STATUS_COLOURS.bad },
    ],
  });
  const fractions = ordered.filter((r) => r.unit === 'fraction');
  if (fractions.length === 0) return { end: last + 1, chart: null };
  const span = (col: number) => `$${columnLetters(col)}$${first + 1}:$${columnLetters(col)}$${first + fractions.length}`;
  const chart: ChartSpec = {
    kind: 'bar',
    title: 'Normen: realisatie tegenover norm',
    categories: { sheet: b.name, range: span(0), values: fractions.map((r) => r.label) },
    series: [
      { name: 'Realisatie', colour: COLOURS.begroot, values: { sheet: b.name, range: span(1), values: fractions.map((r) => r.realisation.value) } },
      { name: 'Norm', colour: COLOURS.norm, values: { sheet: b.name, range: span(2), values: fractions.map((r) => r.norm?.value ?? null) } },
    ],
    valueFormat: '0%',
    from: { row: 0, col: 0 },
    to: { row: 0, col: 0 },
  };
  return { end: last + 1, chart };
}

/** The five most important open findings: severity, the message (live from the findings sheet) and a link to the cell. */
function writeTopFindings(b: SheetBuilder, top: number, items: OverviewInput['topFindings']): number {
  b.text(top, 0, 'Belangrijkste bevindingen', 'subtitle');
  b.row(top + 1, 0, ['Ernst', 'Melding', '', '', '', '', 'Cel'], 'header');
  b.merge(rangeA1({ top: top + 1, left: 1, bottom: top + 1, right: 5 }));
  if (items.length === 0) {
    b.text(top + 2, 0, 'Geen open bevindingen.', 'note');
    return top + 3;
  }
  items.forEach(({ finding, messageCell, sheet }, i) => {
    const r = top + 2 + i;
    b.text(r, 0, SEVERITY_LABEL[finding.severity]);
    const cell = { f: ref({ sheet, cell: messageCell }), v: finding.message, wrap: true };
    b.set(r, 1, cell);
    b.merge(rangeA1({ top: r, left: 1, bottom: r, right: 5 }));
    // A merged cell's wrapped text needs its height set here: the layout leaves merged cells alone.
    const lines = wrappedLineCount({ row: r, col: 1, ...cell }, 13 * 5);
    if (lines > 1) b.rowHeight(r, lines * 15);
    if (finding.cell) b.link(r, 6, `${finding.sheet}!${finding.cell}`, { sheet: finding.sheet, cell: finding.cell });
  });
  const last = top + 1 + items.length;
  b.conditional({
    range: `${a1(top + 2, 0)}:${a1(last, 0)}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formula1: `"${SEVERITY_LABEL.error}"`, ...STATUS_COLOURS.bad },
      { type: 'cellIs', operator: 'equal', formula1: `"${SEVERITY_LABEL.warning}"`, ...STATUS_COLOURS.warn },
    ],
  });
  return last + 1;
}
