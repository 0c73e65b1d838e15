// Norm status, as a formula and as the engine computes it: Behaald, Bijna
// (not met but within the warning margin), Niet behaald, or Geen gegevens.

import type { NormOperator } from '../../parse/normText';
import { meets } from '../../parse/normText';
import type { ConditionalFormat } from '../../plan/plan';
import { STATUS_COLOURS } from '../../plan/styles';

export const STATUS = {
  met: 'Behaald',
  near: 'Bijna',
  notMet: 'Niet behaald',
  noData: 'Geen gegevens',
} as const;

export type StatusText = (typeof STATUS)[keyof typeof STATUS];

/** The "almost" test: within `margin` on the wrong side of the norm. */
function nearFormula(r: string, op: NormOperator, norm: string, margin: string): string {
  switch (op) {
    case '>=':
      return `${r}>=${norm}-${margin}`;
    case '>':
      return `${r}>${norm}-${margin}`;
    case '<=':
      return `${r}<=${norm}+${margin}`;
    case '<':
      return `${r}<${norm}+${margin}`;
    default:
      return `ABS(${r}-${norm})<=${margin}`;
  }
}

function metFormula(r: string, op: NormOperator, norm: string): string {
  return op === '=' ? `ABS(${r}-${norm})<1E-9` : `${r}${op}${norm}`;
}

/** Status formula over the realisation, norm and margin cells. */
export function statusFormula(r: string, op: NormOperator, norm: string, margin: string): string {
  return `IF(${r}="","${STATUS.noData}",IF(${metFormula(r, op, norm)},"${STATUS.met}",IF(${nearFormula(r, op, norm, margin)},"${STATUS.near}","${STATUS.notMet}")))`;
}

export function statusOf(value: number | null, op: NormOperator, norm: number, margin: number): StatusText {
  if (value === null) return STATUS.noData;
  if (meets(value, op, norm)) return STATUS.met;
  let near: boolean;
  switch (op) {
    case '>=':
      near = value >= norm - margin;
      break;
    case '>':
      near = value > norm - margin;
      break;
    case '<=':
      near = value <= norm + margin;
      break;
    case '<':
      near = value < norm + margin;
      break;
    default:
      near = Math.abs(value - norm) <= margin;
  }
  return near ? STATUS.near : STATUS.notMet;
}

/** Overall verdict of a norm with tiers: the worst of its statuses. */
export function combinedFormula(range: string): string {
  return `IF(COUNTIF(${range},"${STATUS.notMet}")>0,"${STATUS.notMet}",IF(COUNTIF(${range},"${STATUS.near}")>0,"${STATUS.near}",IF(COUNTIF(${range},"${STATUS.noData}")>0,"${STATUS.noData}","${STATUS.met}")))`;
}

export function combinedStatus(statuses: StatusText[]): StatusText {
  for (const s of [STATUS.notMet, STATUS.near, STATUS.noData]) if (statuses.includes(s)) return s;
  return STATUS.met;
}

/** Native conditional formatting that colours a status column. */
export function statusColours(range: string): ConditionalFormat {
  const rule = (text: string, c: { fill: string; font: string }) => ({ type: 'cellIs' as const, operator: 'equal' as const, formula1: `"${text}"`, fill: c.fill, font: c.font });
  return {
    range,
    rules: [
      rule(STATUS.met, STATUS_COLOURS.good),
      rule(STATUS.near, STATUS_COLOURS.warn),
      rule(STATUS.notMet, STATUS_COLOURS.bad),
      rule(STATUS.noData, STATUS_COLOURS.none),
    ],
  };
}
