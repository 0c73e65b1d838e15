// 'TB Normen': per norm the population, the realisation as a live formula,
// the norm and its status; monthly breakdowns; and the provider's own
// Indicatoren lines next to our recomputation.

import { ROW_KIND_NL } from '../../detect/dataRows';
import type { Finding } from '../../findings/finding';
import type { OverviewNorms } from '../../overview/contribution';
import { formatMonthNl } from '../../parse/date';
import { OPERATOR_SYMBOL } from '../../parse/normText';
import type { Figure, FigureUnit } from '../../plan/figure';
import type { SheetSpec } from '../../plan/plan';
import { STATUS_COLOURS } from '../../plan/styles';
import { SheetBuilder } from '../../plan/sheetBuilder';
import { a1 } from '../../workbook/address';
import type { CompiledNorm } from './compile';
import { anchorColumn, arrayEnd } from './compile';
import type { DataTable } from './dataTable';
import type { NormValues } from './evaluate';
import { shareParts } from './evaluate';
import { beyondRangeFormula, monthFormula, populationFormula, realisationFormula } from './formulas';
import type { IndicatorTable } from './indicators';
import { describeValue, matchIndicator, refersTo, tolerance } from './indicators';
import { unitOf } from './model';
import type { StatusText } from './status';
import { combinedFormula, combinedStatus, STATUS, statusColours, statusFormula, statusOf } from './status';

export interface NormRow {
  norm: CompiledNorm;
  values: NormValues;
  /** Dutch description of how it is computed. */
  description: string;
  /** Tier rows (second tier etc.) shown right below. */
  tiers: NormRow[];
  /** "per <kolom>": one row per group value; this row is their total. */
  groups: NormRow[];
  /** Not computed (its input holds formulas without a cached value): no formulas, status "Geen gegevens". */
  blocked?: boolean;
}

export interface NormsSheetResult {
  sheet: SheetSpec;
  figures: Figure[];
  findings: Finding[];
  /** Status per norm key, for the pane. */
  statuses: Record<string, StatusText | 'Geen norm'>;
  /** The cells the overview (TB Overzicht) points at. */
  overview: OverviewNorms;
}

/** What a reader needs first; the internal key last, narrow and grey. */
export const NORM_COLUMNS = { label: 0, kernbeding: 1, population: 2, value: 3, op: 4, norm: 5, margin: 6, status: 7, verdict: 8, how: 9, key: 10 } as const;
const COL = NORM_COLUMNS;

export function formatFor(unit: FigureUnit): string {
  if (unit === 'fraction') return '0.0%';
  if (unit === 'count') return '0';
  return '0.00';
}

export interface NormsSheetInput {
  name: string;
  rows: NormRow[];
  tables: DataTable[];
  indicators: IndicatorTable[];
  minPopulation: number;
  /** Percentage points of difference between reported and recomputed that is flagged. */
  tolerancePoints: number;
}

export function buildNormsSheet(input: NormsSheetInput): NormsSheetResult {
  const b = new SheetBuilder(input.name, { tabColor: '548235' });
  const findings: Finding[] = [];
  const statuses: NormsSheetResult['statuses'] = {};
  b.header('Normen en kernbedingen', 'Realisaties zijn formules over de gegevens: ze rekenen mee als er rijen bijkomen.');
  let row = 2;
  // One check line per data table that SUMPRODUCT formulas read with a bounded range.
  const arrayTables = new Map<DataTable, CompiledNorm>();
  for (const r of flatten(input.rows)) if (r.norm.mode === 'array' && !r.norm.structured && !arrayTables.has(r.norm.table)) arrayTables.set(r.norm.table, r.norm);
  for (const t of input.tables) {
    const n = arrayTables.get(t);
    const source = t.excel ? `tabel ${t.excel.name} op blad "${t.sheet.name}"` : `blad "${t.sheet.name}"`;
    b.text(row, 0, `Gegevens: ${source}, ${t.dataRowCount} ${t.dataRowCount === 1 ? 'rij' : 'rijen'} (rij ${t.firstRow + 1} t/m ${t.lastRow + 1})${skippedNote(t)}.`, 'note');
    // A closed table ends at its last record (a total or note sits below): appended rows cannot join it, so there is no range to check.
    if (n && !t.closed) {
      b.text(row, COL.value - 1, `Rijen onder rij ${arrayEnd(t) + 1}:`, 'muted');
      b.formula(row, COL.value, beyondRangeFormula(n, anchorColumn(t)), 0, '0');
      b.formula(row, COL.op, `IF(${a1(row, COL.value)}>0,"Vernieuw de normen: nieuwe rijen vallen buiten het rekenbereik","Rekenbereik in orde")`, 'Rekenbereik in orde');
    }
    row++;
  }
  row++;
  const headerRow = row;
  b.row(headerRow, 0, ['Indicator', 'Kernbeding', 'Populatie (n)', 'Realisatie', 'Operator', 'Norm', 'Marge (bijna)', 'Status', 'Oordeel', 'Berekening', 'Sleutel'], 'header');
  row++;
  const firstNormRow = row;
  const realisationCell = new Map<string, string>();
  const overview: OverviewNorms = { texts: STATUS, rows: [] };
  const monthly: { r: NormRow; cell: string }[] = [];
  /** One norm line; returns its status when it has a norm. */
  const normRow = (r: NormRow, row: number, label: string): StatusText | null => {
    let rowStatus: StatusText | null = null;
    const def = r.norm.def;
    const unit = unitOf(def.measure);
    const fmt = formatFor(unit);
    const popCell = a1(row, COL.population, true);
    b.text(row, COL.key, def.key, 'muted');
    b.value(row, COL.label, label);
    b.value(row, COL.kernbeding, def.kernbeding);
    if (r.blocked) {
      b.text(row, COL.status, STATUS.noData);
      b.text(row, COL.how, 'Niet berekend: de gegevens bevatten formules zonder berekende waarde (zie Bevindingen).', 'muted');
      statuses[def.key] = STATUS.noData;
      return STATUS.noData;
    }
    b.formula(row, COL.population, populationFormula(r.norm), r.values.population, '0');
    b.figure(row, COL.value, realisationFormula(r.norm, popCell), r.values.value, { key: def.key, label: def.label, unit, parts: shareParts(r.norm, r.values) }, fmt);
    realisationCell.set(def.key, a1(row, COL.value));
    const shown: OverviewNorms['rows'][number] = { label: def.label, unit, realisation: { sheet: input.name, cell: a1(row, COL.value), value: r.values.value } };
    overview.rows.push(shown);
    if (def.target) {
      b.text(row, COL.op, OPERATOR_SYMBOL[def.target.op]);
      b.value(row, COL.norm, def.target.value, fmt);
      b.value(row, COL.margin, def.margin, fmt);
      const status = statusOf(r.values.value, def.target.op, def.target.value, def.margin);
      b.formula(row, COL.status, statusFormula(a1(row, COL.value), def.target.op, a1(row, COL.norm), a1(row, COL.margin)), status);
      rowStatus = status;
      statuses[def.key] = status;
      shown.norm = { sheet: input.name, cell: a1(row, COL.norm), value: def.target.value };
      shown.status = { sheet: input.name, cell: a1(row, COL.status), text: status };
      if (status === STATUS.notMet || status === STATUS.near) {
        findings.push({
          rule: status === STATUS.notMet ? 'norm.not-met' : 'norm.nearly-met',
          severity: status === STATUS.notMet ? 'warning' : 'info',
          kind: 'norm',
          sheet: input.name,
          cell: a1(row, COL.value),
          expected: `${OPERATOR_SYMBOL[def.target.op]} ${describeValue(def.target.value, unit === 'fraction')}`,
          actual: r.values.value ?? '',
          unit,
          message: `Norm "${def.label}" ${status === STATUS.notMet ? 'niet behaald' : 'bijna behaald'}: ${describeValue(r.values.value!, unit === 'fraction')} (norm ${OPERATOR_SYMBOL[def.target.op]} ${describeValue(def.target.value, unit === 'fraction')}, n = ${r.values.population}).`,
        });
      }
    } else {
      b.text(row, COL.status, 'Geen norm', 'muted');
      statuses[def.key] = 'Geen norm';
    }
    if (r.values.population > 0 && r.values.population < input.minPopulation && unit !== 'count') {
      findings.push({
        rule: 'norm.small-population',
        severity: 'info',
        kind: 'norm',
        sheet: input.name,
        cell: a1(row, COL.population),
        actual: r.values.population,
        unit: 'count',
        message: `Norm "${def.label}" rust op ${r.values.population} rijen; lees de uitkomst met voorzichtigheid.`,
      });
    }
    b.value(row, COL.how, r.description);
    if (r.norm.perMonth !== undefined) monthly.push({ r, cell: a1(row, COL.value) });
    return rowStatus;
  };
  for (const parent of input.rows) {
    const group = [parent, ...parent.tiers];
    const groupStart = row;
    const groupStatuses: StatusText[] = [];
    for (const r of group) {
      const status = normRow(r, row, r === parent ? r.norm.def.label : `↳ ${r.norm.def.label}`);
      if (status) groupStatuses.push(status);
      row++;
    }
    if (groupStatuses.length > 0) {
      const range = `${a1(groupStart, COL.status)}:${a1(row - 1, COL.status)}`;
      b.formula(groupStart, COL.verdict, group.length === 1 ? a1(groupStart, COL.status) : combinedFormula(range), group.length === 1 ? groupStatuses[0] : combinedStatus(groupStatuses));
    }
    // The breakdown per group value under its norm (and its tiers); the verdict above is the total's.
    for (const r of group) {
      for (const g of r.groups) {
        normRow(g, row, `   • ${g.norm.def.label}`);
        row++;
      }
    }
  }
  const lastNormRow = row - 1;
  if (lastNormRow >= firstNormRow) {
    b.conditional(statusColours(`${a1(firstNormRow, COL.status)}:${a1(lastNormRow, COL.verdict)}`));
    b.conditional({
      range: `${a1(firstNormRow, COL.population)}:${a1(lastNormRow, COL.population)}`,
      rules: [{ type: 'cellIs', operator: 'lessThan', formula1: String(input.minPopulation), fill: STATUS_COLOURS.warn.fill, font: STATUS_COLOURS.warn.font }],
    });
  }
  row++;
  for (const { r, cell } of monthly) row = monthlySection(b, r, cell, row);
  for (const t of input.indicators) row = indicatorSection(b, t, realisationCell, input, row, findings);
  [48, 40, 13, 12, 9, 10, 12, 14, 14, 60, 12].forEach((w, i) => b.width(i, w));
  b.freeze(headerRow + 1, 1);
  return { sheet: b.build(), figures: b.figures, findings, statuses, overview };
}

/** ", niet meegeteld: 1 totaalregel (rij 40), 2 voetnoten of tussenkoppen (rij 42, 43)". */
function skippedNote(t: DataTable): string {
  if (t.skipped.length === 0) return '';
  const byKind = new Map<string, number[]>();
  for (const s of t.skipped) byKind.set(ROW_KIND_NL[s.kind], [...(byKind.get(ROW_KIND_NL[s.kind]) ?? []), s.row + 1]);
  const parts = [...byKind].map(([kind, rows]) => `${kind} (${rows.length === 1 ? 'rij' : 'rijen'} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ' …' : ''})`);
  return `; niet meegeteld: ${parts.join(', ')}`;
}

function flatten(rows: NormRow[]): NormRow[] {
  return rows.flatMap((r) => [r, ...r.groups, ...r.tiers.flatMap((t) => [t, ...t.groups])]);
}

function monthlySection(b: SheetBuilder, r: NormRow, totalCell: string, start: number): number {
  const def = r.norm.def;
  let row = start;
  b.text(row, 0, `Per maand: ${def.label}`, 'subtitle');
  row++;
  b.row(row, 0, ['Maand', 'Sleutel', '', 'Aantal'], 'header');
  row++;
  const first = row;
  for (const m of r.values.months) {
    b.value(row, 0, formatMonthNl(m.key));
    b.text(row, 1, `${def.key}_${m.key}`, 'muted');
    b.figure(row, 3, monthFormula(r.norm, m.start, m.end), m.count, { key: `${def.key}_${m.key}`, label: `${def.label}, ${formatMonthNl(m.key)}`, unit: 'count' }, '0');
    row++;
  }
  if (row > first) {
    const total = r.values.months.some((m) => m.count === null) ? null : r.values.months.reduce((s, m) => s + (m.count ?? 0), 0);
    b.text(row, 0, 'Totaal', 'total');
    b.formula(row, 3, `IF(COUNT(${a1(first, 3)}:${a1(row - 1, 3)})=0,"",SUM(${a1(first, 3)}:${a1(row - 1, 3)}))`, total, '0', 'total');
    b.text(row, 4, `Gelijk aan de realisatie in ${totalCell}.`, 'note');
    row++;
  }
  return row + 1;
}

function indicatorSection(
  b: SheetBuilder,
  t: IndicatorTable,
  realisationCell: Map<string, string>,
  input: NormsSheetInput,
  start: number,
  findings: Finding[],
): number {
  const values = new Map<string, number | null>();
  for (const r of flatten(input.rows)) values.set(r.norm.def.key, r.values.value);
  let row = start;
  b.text(row, 0, `Indicatoren van de aanbieder (blad "${t.sheet}")`, 'subtitle');
  row++;
  b.row(row, 0, ['Werksoort', 'Indicator', 'Norm (tekst)', 'Operator', 'Normwaarde', 'Gerapporteerd', 'Status', 'Herberekend', 'Verschil', 'Controle', 'Bron'], 'header');
  row++;
  const first = row;
  for (const ind of t.rows) {
    const percent = ind.percent;
    const fmt = percent ? '0.0%' : '0.00';
    b.value(row, 0, ind.werksoort);
    b.value(row, 1, ind.indicator);
    b.value(row, 2, ind.normText);
    if (ind.norm) {
      b.text(row, 3, OPERATOR_SYMBOL[ind.norm.op]);
      b.value(row, 4, ind.norm.value, fmt);
    } else b.text(row, 3, 'Onleesbaar', 'muted');
    b.value(row, 5, ind.realisation, fmt);
    if (ind.norm) {
      b.formula(row, 6, statusFormula(a1(row, 5), ind.norm.op, a1(row, 4), '0'), statusOf(ind.realisation, ind.norm.op, ind.norm.value, 0));
    }
    // An own norm that names this line wins over recognising it by its wording.
    const own = flatten(input.rows).find((r) => r.norm.def.indicatorRef !== undefined && refersTo(r.norm.def.indicatorRef, ind));
    const match = own ? { key: own.norm.def.key, complement: false } : matchIndicator(ind);
    const key = match && 'key' in match && realisationCell.has(match.key) ? match.key : null;
    if (key) {
      const complement = match !== null && 'complement' in match && match.complement;
      const ours = values.get(key) ?? null;
      // "Niet terug binnen 3 maanden" reports the opposite of our return share: compare with 1 − share.
      const recomputed = ours === null ? null : complement ? 1 - ours : ours;
      const source = realisationCell.get(key)!;
      b.formula(row, 7, complement ? `IF(${source}="","",1-${source})` : source, recomputed, fmt);
      const diff = recomputed === null || ind.realisation === null ? null : recomputed - ind.realisation;
      b.formula(row, 8, `IF(OR(${a1(row, 5)}="",${a1(row, 7)}=""),"",${a1(row, 7)}-${a1(row, 5)})`, diff, percent ? '+0.0%;-0.0%;0.0%' : '+0.00;-0.00;0.00');
      const tol = tolerance(percent, input.tolerancePoints);
      const differs = diff !== null && Math.abs(diff) > tol;
      b.formula(row, 9, `IF(${a1(row, 8)}="","",IF(ABS(${a1(row, 8)})>${tol},"Wijkt af","Klopt"))`, diff === null ? '' : differs ? 'Wijkt af' : 'Klopt');
      if (differs) {
        findings.push({
          rule: 'indicator.differs-from-data',
          severity: 'warning',
          kind: 'indicator',
          sheet: ind.sheet,
          cell: ind.realisationCell,
          expected: recomputed!,
          actual: ind.realisation!,
          unit: percent ? 'fraction' : 'number',
          message: `De aanbieder rapporteert ${describeValue(ind.realisation!, percent)} voor "${ind.indicator}", maar de eigen trajectgegevens geven ${describeValue(recomputed!, percent)} (verschil ${percent ? `${describeValue(Math.abs(diff!), true).replace('%', '')} procentpunt` : describeValue(Math.abs(diff!), false)}).`,
        });
      }
    } else {
      b.text(row, 7, match && 'elsewhere' in match ? match.elsewhere : 'Niet herberekenbaar uit de gegevens', 'muted');
    }
    b.link(row, 10, `${t.sheet}!${ind.realisationCell}`, { sheet: t.sheet, cell: ind.realisationCell });
    row++;
  }
  if (row > first) {
    b.conditional(statusColours(`${a1(first, 6)}:${a1(row - 1, 6)}`));
    b.conditional({
      range: `${a1(first, 9)}:${a1(row - 1, 9)}`,
      rules: [
        { type: 'cellIs', operator: 'equal', formula1: '"Wijkt af"', fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font },
        { type: 'cellIs', operator: 'equal', formula1: '"Klopt"', fill: STATUS_COLOURS.good.fill, font: STATUS_COLOURS.good.font },
      ],
    });
  }
  return row + 1;
}
