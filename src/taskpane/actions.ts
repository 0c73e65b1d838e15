// What each button does, as plain async functions over a WorkbookHost: read a
// fresh snapshot, let the core build a plan, apply only Toetsblad's sheets.

import type { Detection, FeatureId } from '../core/features/feature';
import type { Finding } from '../core/findings/finding';
import { generatedSheetNames, SHEET } from '../core/generatedSheets';
import type { Plan } from '../core/plan/plan';
import type { ReportResult } from '../core/report';
import { buildReport, featureContext, removalPlan, scanWorkbook } from '../core/report';
import { featureById } from '../core/features';
import type { NormListing } from '../core/features/norms';
import { listNorms } from '../core/features/norms';
import type { NormStatusLine } from '../core/features/norms/summary';
import { normStatuses } from '../core/features/norms/summary';
import type { Settings } from '../core/settings/settings';
import { readSettings } from '../core/settings/settingsSheet';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import type { ApplyStats, SheetShape } from '../hosts/office';
import { CancelledError } from '../hosts/office/errors';
import type { WorkbookHost } from './host';

export interface ScanResult {
  snapshot: WorkbookSnapshot;
  detections: Detection[];
  findings: Finding[];
  settings: Settings;
  /** The norms the definitions hold, for the settings tab's switches. */
  norms: NormListing[];
}

/** The definitions' norms; a failure here must not cost the scan (the report turns it into a finding). */
function normListing(snapshot: WorkbookSnapshot, settings: Settings | undefined): NormListing[] {
  try {
    return listNorms(featureContext(snapshot, settings));
  } catch {
    return [];
  }
}

export async function scan(host: WorkbookHost, control: RunControl = {}): Promise<ScanResult> {
  const snapshot = await host.read(reading(control));
  const settings = readSettings(snapshot);
  const { detections, findings } = scanWorkbook(snapshot, settings);
  return { snapshot, detections, findings, settings, norms: normListing(snapshot, settings) };
}

/** "all", the findings sheet only, or one feature's sheets. */
export type GenerateTarget = 'all' | 'findings' | FeatureId;

export type Phase = 'read' | 'write';

export interface RunControl {
  onProgress?: (done: number, total: number, phase: Phase) => void;
  signal?: AbortSignal;
}

/** The user's sheets as the snapshot saw them, so the write can tell whether the workbook changed since. */
function userShapes(snapshot: WorkbookSnapshot): SheetShape[] {
  const generated = new Set(generatedSheetNames(snapshot));
  return snapshot.sheets.filter((s) => !generated.has(s.name)).map((s) => ({ name: s.name, rowCount: s.rowCount, colCount: s.colCount }));
}

const reading = (c: RunControl) => ({ signal: c.signal, onProgress: c.onProgress && ((d: number, n: number) => c.onProgress!(d, n, 'read')) });
const writing = (c: RunControl) => ({ signal: c.signal, onProgress: c.onProgress && ((d: number, n: number) => c.onProgress!(d, n, 'write')) });

export interface GenerateResult {
  report: ReportResult;
  stats: ApplyStats;
  written: string[];
  norms: NormListing[];
  /** The norms with their status as written on the norms sheet; null when this run did not write that sheet. */
  normStatuses: NormStatusLine[] | null;
}

/**
 * Which of the report's sheets an action writes. A feature's button writes
 * that feature's sheets; a feature without sheets of its own (privacy)
 * reports through the findings sheet, so its button refreshes that one.
 * The settings sheet is added when the workbook does not have one yet.
 */
export function sheetsFor(report: ReportResult, target: GenerateTarget, snapshot: WorkbookSnapshot, featureSheets?: ReadonlySet<string>): Plan {
  // The overview points at every other sheet, so only "all" rewrites it.
  if (target === 'all') return report.plan;
  const findingsName = featureContext(snapshot).sheetName('findings');
  const hasSettings = snapshot.sheets.some((s) => s.name === SHEET.settings);
  const own = target === 'findings' ? [] : report.plan.sheets.filter((s) => s.name !== findingsName && featureSheets?.has(s.name));
  const keep = report.plan.sheets.filter((s) => {
    if (s.name === SHEET.settings) return !hasSettings;
    if (s.name === findingsName) return own.length === 0;
    return own.includes(s);
  });
  return { sheets: keep, removeSheets: [] };
}

/** Names of the sheets one feature generates on this workbook. */
function featureSheetNames(snapshot: WorkbookSnapshot, target: FeatureId, settings: Settings | undefined): Set<string> {
  const feature = featureById(target);
  try {
    return new Set(feature ? feature.run(featureContext(snapshot, settings)).sheets.map((s) => s.name) : []);
  } catch {
    // The full report already turned this failure into a finding; the findings sheet shows it.
    return new Set();
  }
}

export async function generate(host: WorkbookHost, target: GenerateTarget, settings: Settings | undefined, control: RunControl = {}): Promise<GenerateResult> {
  const snapshot = await host.read(reading(control));
  // Always the full report: the findings (sheet and pane) reflect every feature, whichever button was pressed.
  const report = buildReport(snapshot, { settings });
  const own = target === 'all' || target === 'findings' ? undefined : featureSheetNames(snapshot, target, settings);
  const plan = sheetsFor(report, target, snapshot, own);
  const stats = await host.apply(plan, { ownedSheets: generatedSheetNames(snapshot), expectedShapes: userShapes(snapshot), ...writing(control) });
  const normsSheet = featureContext(snapshot, settings).sheetName('norms');
  const written = plan.sheets.map((s) => s.name);
  return {
    report,
    stats,
    written,
    norms: normListing(snapshot, report.settings),
    // A run meant to refresh the norms that wrote no norms sheet (no trajectory data) leaves an empty list, not the previous one.
    normStatuses: written.includes(normsSheet) ? normStatuses(report.plan, report.figures, normsSheet) : target === 'all' || target === 'norms' ? [] : null,
  };
}

/** Store edited settings, mappings or acceptances in the workbook, and refresh the findings sheet to show them. */
export async function saveSettings(host: WorkbookHost, settings: Settings, control: RunControl = {}): Promise<GenerateResult> {
  const snapshot = await host.read(reading(control));
  const report = buildReport(snapshot, { settings, writeSettings: true });
  const findingsName = featureContext(snapshot, settings).sheetName('findings');
  const plan: Plan = { sheets: report.plan.sheets.filter((s) => s.name === findingsName || s.name === SHEET.settings), removeSheets: [] };
  const stats = await host.apply(plan, { ownedSheets: generatedSheetNames(snapshot), expectedShapes: userShapes(snapshot), ...writing(control) });
  return { report, stats, written: plan.sheets.map((s) => s.name), norms: normListing(snapshot, report.settings), normStatuses: null };
}

export async function removeAll(host: WorkbookHost, keepSettings: boolean, control: RunControl = {}): Promise<string[]> {
  const snapshot = await host.read(reading(control));
  // Deleting cannot be undone, so a cancel that arrives while reading stops here.
  if (control.signal?.aborted) throw new CancelledError();
  const plan = removalPlan(snapshot, keepSettings);
  if (plan.removeSheets.length > 0) await host.remove(plan.removeSheets);
  return plan.removeSheets;
}
