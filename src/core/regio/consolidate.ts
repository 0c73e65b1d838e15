// The regional overview: per-source contributions in, a plan with the TB Regio
// sheets, findings and figures out. Pure: the hosts read the files (in worker
// threads, or in the pane) and apply the plan.

import type { Finding } from '../findings/finding';
import { isGeneratedSheet } from '../generatedSheets';
import type { Period } from '../parse/period';
import type { Figure } from '../plan/figure';
import type { Plan } from '../plan/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellText, findSheet, rowValues } from '../workbook/snapshot';
import { checkBatch } from './batch';
import { buildBudgetSheet } from './budgetSheet';
import type { RegioContext, RegioSheetId } from './context';
import { criterionKey, REGIO_SHEET } from './context';
import { buildFindingsSheet } from './findingsSheet';
import { nameSlug } from './identity';
import { buildNormsSheet } from './normsSheet';
import { findRegionalChecks } from './regionalChecks';
import { buildRiskSheet } from './riskSheet';
import type { SourceContribution } from './source';
import { SourceData } from './sourceData';
import { buildSourcesSheet } from './sourcesSheet';
import { SOURCES_HEADER_ROW, SOURCES_NAME_COL } from './layout';

export interface ConsolidateOptions {
  /** The workbook the sheets go into (the pane): a user's sheet with one of our names is never overwritten. */
  existing?: WorkbookSnapshot;
  /** Sum differences up to this many euro / fte count as rounding (the budget settings' defaults). */
  toleranceEur?: number;
  toleranceFte?: number;
}

export interface RegioSourceLine {
  id: string;
  file: string;
  name: string;
  status: SourceContribution['status'];
  counts: boolean;
  remark: string;
}

export interface RegioResult {
  plan: Plan;
  findings: Finding[];
  figures: Figure[];
  generatedSheets: string[];
  sources: RegioSourceLine[];
  period: Period | null;
}

function sheetNames(existing?: WorkbookSnapshot): Record<RegioSheetId, string> {
  const out = {} as Record<RegioSheetId, string>;
  for (const id of Object.keys(REGIO_SHEET) as RegioSheetId[]) {
    let name: string = REGIO_SHEET[id];
    for (let i = 2; existing; i++) {
      const s = findSheet(existing, name);
      if (!s || isGeneratedSheet(s)) break;
      name = `${REGIO_SHEET[id]} (${i})`;
    }
    out[id] = name;
  }
  return out;
}

/** Every figure a source contributes, as a row on TB Regio Brondata. */
/** The risk scale of a source: the largest kans or schade in its map (3 for 1-3), or 0 without a map. */
export function riskScale(s: SourceContribution): number {
  let scale = 0;
  for (const k of Object.keys(s.riskCells)) {
    const m = /^K(\d+)S(\d+)$/.exec(k);
    if (m) scale = Math.max(scale, Number(m[1]), Number(m[2]));
  }
  return scale;
}

/** The scale most sources' risk maps use; ties go to the larger. */
function commonScale(sources: SourceContribution[]): number {
  const n = new Map<number, number>();
  for (const s of sources) {
    const k = riskScale(s);
    if (k) n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function addSourceRows(data: SourceData, id: string, s: SourceContribution, counts: 0 | 1, mapScale: number): void {
  const base = { source: id, counts, file: s.file };
  for (const n of s.norms) {
    data.add({ ...base, kind: 'Norm', key: criterionKey(n.key), label: n.label, value: n.value, unit: n.unit, numerator: n.parts?.numerator, denominator: n.parts?.denominator, sheet: n.sheet, cell: n.cell });
  }
  for (const w of s.werksoorten) {
    for (const field of ['begroot', 'realisatie', 'prognose'] as const) {
      const a = w[field];
      if (a.cell) data.add({ ...base, kind: 'Begroting', key: `budget_${w.key}_${field}`, label: `${field[0].toUpperCase()}${field.slice(1)} ${w.name}`, value: a.value, unit: 'eur', sheet: a.sheet, cell: a.cell });
    }
  }
  for (const field of ['begroot', 'realisatie', 'prognose'] as const) {
    const a = s.budgetTotals[field];
    if (a) data.add({ ...base, kind: 'Begroting', key: `budget_${field}_totaal`, label: `${field[0].toUpperCase()}${field.slice(1)} totaal`, value: a.value, unit: 'eur', sheet: a.sheet, cell: a.cell });
  }
  for (const [band, a] of Object.entries(s.riskBands)) data.add({ ...base, kind: 'Risico', key: `risk_band_${band}_count`, label: `Risico's in band ${band}`, value: a.value, unit: 'count', sheet: a.sheet, cell: a.cell });
  // A map on another scale (1-5 among 1-3) does not add up cell by cell; its band counts still do.
  if (riskScale(s) === mapScale) for (const [cell, a] of Object.entries(s.riskCells)) data.add({ ...base, kind: 'Risico', key: `risk_count_${cell}`, label: `Risico's in ${cell}`, value: a.value, unit: 'count', sheet: a.sheet, cell: a.cell });
}

/**
 * Names the user typed over ours on an earlier TB Regio Bronnen in this workbook, by file name:
 * the sheet is rebuilt on every run, the user's naming is kept.
 */
function editedNames(existing: WorkbookSnapshot | undefined, sheetName: string): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = existing ? findSheet(existing, sheetName) : undefined;
  if (!sheet || !isGeneratedSheet(sheet)) return out;
  const header = rowValues(sheet, SOURCES_HEADER_ROW);
  if (cellText(header[1] ?? null) !== 'Bestand' || cellText(header[SOURCES_NAME_COL] ?? null) !== 'Aanbieder of gemeente') return out;
  for (let r = SOURCES_HEADER_ROW + 1; r < sheet.rowCount; r++) {
    const row = rowValues(sheet, r);
    const file = cellText(row[1] ?? null).trim();
    const name = cellText(row[SOURCES_NAME_COL] ?? null).trim();
    if (!file) break;
    if (name) out.set(file, name);
  }
  return out;
}

export function consolidate(sources: SourceContribution[], opts: ConsolidateOptions = {}): RegioResult {
  const names = sheetNames(opts.existing);
  const edited = editedNames(opts.existing, names.sources);
  sources = sources.map((s) => (edited.has(s.file) && edited.get(s.file) !== s.name ? { ...s, name: edited.get(s.file)!, nameFrom: 'edited' as const } : s));
  const { batch, findings: batchFindings, period } = checkBatch(sources, SOURCES_HEADER_ROW + 1);
  const counting = batch.filter((x) => x.counts);
  const slugs = new Map<string, string>();
  const taken = new Set<string>(['regio']);
  for (const x of batch) {
    let slug = nameSlug(x.source.name);
    for (let i = 2; taken.has(slug); i++) slug = `${nameSlug(x.source.name)}_${i}`;
    taken.add(slug);
    slugs.set(x.id, slug);
  }
  const data = new SourceData(names.data);
  const mapScale = commonScale(counting.map((x) => x.source));
  for (const x of batch) if (x.source.status !== 'unreadable') addSourceRows(data, x.id, x.source, x.counts ? 1 : 0, mapScale);
  for (const x of counting) {
    const scale = riskScale(x.source);
    if (scale && scale !== mapScale) {
      batchFindings.push({
        index: batch.indexOf(x),
        severity: 'warning',
        rule: 'regio.risk-scale-differs',
        kind: 'risk',
        message: `${x.source.file} scoort kans en schade op een schaal van 1-${scale}, de meeste bronnen op 1-${mapScale}; de risico's van deze bron tellen mee per band, maar niet in de gezamenlijke kans × schade-kaart.`,
      });
    }
  }
  const ctx: RegioContext = { names, data, batch, counting, slugs, toleranceEur: opts.toleranceEur ?? 1, toleranceFte: opts.toleranceFte ?? 0.01 };
  // Every data row must be in place before a formula takes the data sheet's ranges.
  const checks = findRegionalChecks(counting, data, { eur: ctx.toleranceEur, fte: ctx.toleranceFte });

  const sourcesSheet = buildSourcesSheet(ctx, batchFindings);
  const normsSheet = buildNormsSheet(ctx);
  const budgetSheet = buildBudgetSheet(ctx, checks);
  const riskSheet = buildRiskSheet(ctx);
  const regional = [...sourcesSheet.findings, ...normsSheet.findings, ...budgetSheet.findings];
  const findingsSheet = buildFindingsSheet(ctx, regional);
  const plan: Plan = {
    sheets: [sourcesSheet.sheet, normsSheet.sheet, budgetSheet.sheet, riskSheet.sheet, findingsSheet.sheet, data.build()],
    removeSheets: [],
  };
  return {
    plan,
    findings: [...regional, ...findingsSheet.listed],
    figures: [...sourcesSheet.figures, ...normsSheet.figures, ...budgetSheet.figures, ...riskSheet.figures, ...findingsSheet.figures],
    generatedSheets: plan.sheets.map((s) => s.name),
    sources: batch.map((x) => ({ id: x.id, file: x.source.file, name: x.source.name, status: x.source.status, counts: x.counts, remark: x.remark })),
    period,
  };
}
