// The one entry point both hosts call: snapshot in, plan + findings + figures out.

import { cellValueFindings } from './detect/cellChecks';
import { mappingFindings } from './detect/mapping';
import type { Detection, FeatureContext, FeatureId } from './features/feature';
import { FEATURES } from './features';
import { redactPersonalData } from './features/privacy/redact';
import type { Finding } from './findings/finding';
import { buildFindingsSheet } from './findings/findingsSheet';
import { generatedSheetNames, isGeneratedSheet, SHEET, userSheets } from './generatedSheets';
import type { Figure } from './plan/figure';
import type { Plan, SheetSpec } from './plan/plan';
import type { SettingDef, Settings } from './settings/settings';
import { buildSettingsSheet, readSettings } from './settings/settingsSheet';
import type { WorkbookSnapshot } from './workbook/snapshot';
import { findSheet } from './workbook/snapshot';
import { appendAll } from './util/arrays';
import type { OverviewContribution } from './overview/contribution';
import { buildOverviewSheet } from './overview/overviewSheet';
import { OVERVIEW_SETTINGS, overviewSource } from './overview/source';
import { dutchDate, withPrintSetup } from './plan/pageSetup';
import { findingMessageCell } from './findings/findingsSheet';
import { sortFindings } from './findings/finding';
import { acceptanceFor } from './settings/settings';

export interface ReportOptions {
  /** Features to run; all by default. The findings sheet is always written. */
  features?: FeatureId[];
  /** Settings to use instead of the workbook's own (the pane passes unsaved edits). */
  settings?: Settings;
  /** Rewrite the settings sheet from `settings` (after the user changed them in the pane). */
  writeSettings?: boolean;
  /** The date printed in every sheet's footer and on the overview; today by default. */
  runDate?: Date;
}

export interface ReportResult {
  plan: Plan;
  findings: Finding[];
  figures: Figure[];
  detections: Detection[];
  generatedSheets: string[];
  settings: Settings;
}

export function allSettingDefs(): SettingDef[] {
  return [...Object.values(OVERVIEW_SETTINGS), ...FEATURES.flatMap((f) => f.settings)];
}

/**
 * The name to write a generated sheet under: the default, unless the user has
 * a sheet of their own with that name, which we must not overwrite.
 */
function sheetNamer(wb: WorkbookSnapshot) {
  return (id: keyof typeof SHEET): string => {
    const base = SHEET[id];
    let name: string = base;
    for (let i = 2; ; i++) {
      const existing = findSheet(wb, name);
      if (!existing || isGeneratedSheet(existing)) return name;
      name = `${base} (${i})`;
    }
  };
}

export function featureContext(wb: WorkbookSnapshot, settings?: Settings): FeatureContext {
  const resolved = settings ?? readSettings(wb);
  return { wb: { sheets: userSheets(wb) }, fullWb: wb, settings: resolved, sheetName: sheetNamer(wb) };
}

/** Detection only, for the pane's scan view. */
export function scanWorkbook(wb: WorkbookSnapshot, settings?: Settings): { detections: Detection[]; findings: Finding[] } {
  const ctx = featureContext(wb, settings);
  const detections: Detection[] = [];
  const findings: Finding[] = [];
  for (const f of FEATURES) {
    try {
      appendAll(detections, f.detect(ctx));
    } catch (e) {
      findings.push(internalFinding(f.label.nl, e));
    }
  }
  return { detections, findings };
}

function internalFinding(what: string, e: unknown): Finding {
  return {
    rule: 'internal.feature-failed',
    severity: 'error',
    kind: 'input',
    sheet: '',
    cell: '',
    message: `Onderdeel ${what} kon niet worden uitgevoerd (${e instanceof Error ? e.message : String(e)}). De andere onderdelen zijn wel gemaakt; meld dit aan de beheerder van Toetsblad.`,
  };
}

const CELL_CHECKED_FEATURES: ReadonlySet<string> = new Set(['budget', 'risk']);

export function buildReport(wb: WorkbookSnapshot, opts: ReportOptions = {}): ReportResult {
  const ctx = featureContext(wb, opts.settings);
  const wanted = new Set(opts.features ?? FEATURES.map((f) => f.id));
  const sheets: SheetSpec[] = [];
  const findings: Finding[] = [];
  const figures: Figure[] = [];
  const detections: Detection[] = [];
  const contribution: OverviewContribution = {};
  for (const feature of FEATURES) {
    if (!wanted.has(feature.id)) continue;
    try {
      const out = feature.run(ctx);
      Object.assign(contribution, out.overview ?? {});
      appendAll(sheets, out.sheets);
      appendAll(findings, out.findings);
      appendAll(figures, out.figures);
      appendAll(detections, out.detections);
    } catch (e) {
      // Bad input must give a finding, not a crash; a bug in one feature must not cost the others.
      findings.push(internalFinding(feature.label.nl, e));
    }
  }
  // The mapping is checked against every table, so only when every feature ran.
  if (FEATURES.every((f) => wanted.has(f.id))) appendAll(findings, mappingFindings(ctx.wb, ctx.settings, detections, ctx.sheetName('settings')));
  for (const id of Object.keys(SHEET) as (keyof typeof SHEET)[]) {
    if (ctx.sheetName(id) !== SHEET[id]) {
      findings.push({
        rule: 'input.sheet-name-taken',
        severity: 'info',
        kind: 'input',
        sheet: SHEET[id],
        cell: '',
        message: `Er bestaat al een eigen blad "${SHEET[id]}"; Toetsblad laat het ongemoeid en schrijft naar "${ctx.sheetName(id)}".`,
      });
    }
  }
  // Formulas without a cached value, error values and doubled headers in the budget and risk tables, where those
  // features did not already report the cell (the norms feature checks its own data tables).
  appendAll(findings, cellValueFindings(ctx.wb, detections, findings, CELL_CHECKED_FEATURES));
  // Findings quote user cells; personal data among them must not travel into the report.
  redactPersonalData(ctx.wb, findings, sheets);
  const findingsName = ctx.sheetName('findings');
  const findingsSheet = buildFindingsSheet(findingsName, findings, ctx.settings);
  const runDate = opts.runDate ?? new Date();
  // The overview is built last, from what the features handed it, and comes first.
  const overview = buildOverview(wb, ctx.settings, ctx.sheetName('overview'), contribution, findings, findingsName, findingsSheet.figures, runDate);
  let plan: Plan = { sheets: [overview.sheet, findingsSheet.sheet, ...sheets], removeSheets: [], activeSheet: overview.sheet.name };
  appendAll(figures, findingsSheet.figures);
  appendAll(figures, overview.figures);
  const settingsName = ctx.sheetName('settings');
  if (opts.writeSettings || !findSheet(wb, settingsName)) plan.sheets.push(buildSettingsSheet(ctx.settings, allSettingDefs()));
  plan = withPrintSetup(plan, runDate);
  return {
    plan,
    findings,
    figures,
    detections,
    generatedSheets: plan.sheets.map((s) => s.name),
    settings: ctx.settings,
  };
}

const TOP_FINDINGS = 5;

function buildOverview(
  wb: WorkbookSnapshot,
  settings: Settings,
  name: string,
  contribution: OverviewContribution,
  findings: Finding[],
  findingsName: string,
  findingFigures: Figure[],
  runDate: Date,
) {
  const sorted = sortFindings(findings);
  const topFindings = sorted
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => !acceptanceFor(settings, finding))
    .slice(0, TOP_FINDINGS)
    .map(({ finding, index }) => ({ finding, sheet: findingsName, messageCell: findingMessageCell(index) }));
  const { provider, period } = overviewSource(wb, settings);
  return buildOverviewSheet({ name, provider, period, runDate: dutchDate(runDate), contribution, findingFigures, topFindings });
}

/** The plan for "Verwijder Toetsblad-bladen": every generated sheet, optionally keeping settings. */
export function removalPlan(wb: WorkbookSnapshot, keepSettings = false): Plan {
  const keep = new Set<string>(keepSettings ? [SHEET.settings, SHEET.normDefinitions] : []);
  return { sheets: [], removeSheets: generatedSheetNames(wb).filter((n) => !keep.has(n)) };
}
