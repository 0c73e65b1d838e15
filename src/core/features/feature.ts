// The contract every capability (risk heatmap, budget, norms, privacy) meets.
// A feature reads the snapshot and settings and returns data only: generated
// sheets, findings and figures. It never talks to a host.

import type { Finding } from '../findings/finding';
import type { Figure } from '../plan/figure';
import type { SheetSpec } from '../plan/plan';
import type { SettingDef, Settings } from '../settings/settings';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { GeneratedSheetId } from '../generatedSheets';
import type { OverviewContribution } from '../overview/contribution';

export type FeatureId = 'risk' | 'budget' | 'norms' | 'privacy';

/** What detection recognised, for the pane's scan view and the mapping editor. */
export interface Detection {
  feature: FeatureId;
  /** e.g. "risk-register", "budget-table", "indicators", "trajectories". */
  kind: string;
  sheet: string;
  /** A1 range including the header row. */
  range: string;
  /** 1-based header row, the key for mapping overrides. */
  headerRow: number;
  /** 0..1: how sure detection is. */
  confidence: number;
  /** Field -> column letter, as detected or overridden. */
  columns: Record<string, string>;
  /** Fields the kind knows, so the mapping editor can offer them. */
  fields: string[];
}

export interface FeatureContext {
  /** The workbook with Toetsblad's own sheets left out. */
  wb: WorkbookSnapshot;
  /** The full workbook, for features that read their own user-editable sheets. */
  fullWb: WorkbookSnapshot;
  settings: Settings;
  /** Names to use for generated sheets (a user's sheet may hold the default name). */
  sheetName(id: GeneratedSheetId): string;
}

export interface FeatureOutput {
  sheets: SheetSpec[];
  findings: Finding[];
  figures: Figure[];
  detections: Detection[];
  /** Cells the one-page overview (TB Overzicht) points at. */
  overview?: OverviewContribution;
}

export interface Feature {
  id: FeatureId;
  /** Dutch and English action names. */
  label: { nl: string; en: string };
  settings: SettingDef[];
  /** Detect only: cheap, for the scan view. */
  detect(ctx: FeatureContext): Detection[];
  /** Detect, check and build the generated sheets. */
  run(ctx: FeatureContext): FeatureOutput;
}

export function emptyOutput(): FeatureOutput {
  return { sheets: [], findings: [], figures: [], detections: [] };
}
