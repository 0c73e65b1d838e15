// What every TB Regio sheet builder shares: the sheet names, the source data,
// the batch, and how to refer to a source's (editable) name.

import type { FigureUnit } from '../plan/figure';
import type { ConditionalFormat } from '../plan/plan';
import { STATUS_COLOURS } from '../plan/styles';
import { quoteSheet } from '../workbook/address';
import type { BatchSource } from './batch';
import { SOURCES_NAME_COL } from './layout';
import type { SourceData } from './sourceData';

export const REGIO_SHEET = {
  sources: 'TB Regio Bronnen',
  norms: 'TB Regio Normen',
  budget: 'TB Regio Begroting',
  risk: "TB Regio Risico's",
  findings: 'TB Regio Bevindingen',
  data: 'TB Regio Brondata',
} as const;

export type RegioSheetId = keyof typeof REGIO_SHEET;

export interface RegioContext {
  names: Record<RegioSheetId, string>;
  data: SourceData;
  batch: BatchSource[];
  /** Sources that count in the regional figures, in batch order. */
  counting: BatchSource[];
  /** Prefix of a source's own figure keys ("welzijn_de_meierij"), unique in the batch. */
  slugs: Map<string, string>;
  toleranceEur: number;
  toleranceFte: number;
}

/** A reference to the source's name cell on TB Regio Bronnen, so a renamed source is renamed everywhere. */
export function nameRef(ctx: RegioContext, b: BatchSource): { f: string; v: string } {
  return { f: `${quoteSheet(ctx.names.sources)}!$${String.fromCharCode(65 + SOURCES_NAME_COL)}$${b.row + 1}`, v: b.source.name };
}

export function formatOf(unit: FigureUnit): string {
  if (unit === 'fraction') return '0.0%';
  if (unit === 'count') return '0';
  if (unit === 'eur') return '#,##0.00';
  return '0.00';
}

/** A key as it can stand in a SUMIFS criterion: no wildcards, quotes or comparison signs. */
export function criterionKey(key: string): string {
  return key.replace(/[*?~"<>=]/g, '_');
}

export function statusColours(range: string): ConditionalFormat {
  const rule = (text: string, c: { fill: string; font: string }) => ({ type: 'cellIs' as const, operator: 'equal' as const, formula1: `"${text}"`, fill: c.fill, font: c.font });
  return {
    range,
    rules: [
      rule('Behaald', STATUS_COLOURS.good),
      rule('Bijna', STATUS_COLOURS.warn),
      rule('Niet behaald', STATUS_COLOURS.bad),
      rule('Geen gegevens', STATUS_COLOURS.none),
    ],
  };
}
