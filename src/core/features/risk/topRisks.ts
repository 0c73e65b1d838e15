// The top-risks table: the highest effects first, each linked back to its
// register row. The order is fixed at refresh; the scores stay live.

import type { CfRule } from '../../plan/plan';
import type { SheetBuilder } from '../../plan/sheetBuilder';
import { a1, rangeA1 } from '../../workbook/address';
import { cellText } from '../../workbook/snapshot';
import type { Band } from './bands';
import type { CheckedRisk } from './checks';
import { GROSS, NET } from './grid';
import { hasNetScores } from './netRisk';
import { bandLabelFormula, effectFormula, filledFormula, referenceFormula } from './liveEffect';
import type { RiskRegister } from './register';

const SCORE_FORMAT = '0';

export const TOP_RISK_COUNT = 10;

export interface RankedRisk {
  reg: RiskRegister;
  bands: Band[];
  risk: CheckedRisk;
}

/** Highest effect first; ties keep register order. Risks without a usable effect are left out. */
export function rankRisks(items: { reg: RiskRegister; bands: Band[]; risks: CheckedRisk[] }[], limit = TOP_RISK_COUNT): RankedRisk[] {
  const all: RankedRisk[] = [];
  for (const { reg, bands, risks } of items) for (const risk of risks) if (risk.effect !== null) all.push({ reg, bands, risk });
  return all
    .map((x, i) => ({ x, i }))
    .sort((a, b) => b.x.risk.effect! - a.x.risk.effect! || a.i - b.i)
    .slice(0, limit)
    .map((e) => e.x);
}

/** Writes the table from `top`; returns the next free row. */
export function writeTopRisks(b: SheetBuilder, top: number, ranked: RankedRisk[], showRegister: boolean): number {
  b.text(top, 0, `Top ${ranked.length} risico's naar effect`, 'subtitle');
  b.text(top + 1, 0, 'Volgorde bij laatste vernieuwen; kans, schade en effect zijn live (bruto). Klik op een nummer om naar het register te gaan.', 'note');
  const net = ranked.some((x) => hasNetScores(x.reg));
  const head = ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Band', 'Randvoorwaarde', 'Verantwoordelijke'];
  if (net) head.push('Netto effect', 'Netto band');
  if (showRegister) head.push('Register');
  b.row(top + 2, 0, head, 'header');
  const first = top + 3;
  ranked.forEach(({ reg, bands, risk }, i) => {
    const row = first + i;
    const r = risk.row;
    b.link(row, 0, risk.id, { sheet: reg.sheet, cell: a1(r.row, reg.columns.nr ?? reg.columns.kans!) });
    b.text(row, 1, cellText(r.cells.werksoort ?? null));
    b.set(row, 2, { v: cellText(r.cells.risico ?? null), wrap: true });
    const k = referenceFormula(reg, r, 'kans');
    const s = referenceFormula(reg, r, 'schade');
    // An explicit number format: a copied score must not take over a date format from the register.
    b.formula(row, 3, k.f, k.v, SCORE_FORMAT);
    b.formula(row, 4, s.f, s.v, SCORE_FORMAT);
    const e = effectFormula(reg, r, GROSS);
    b.formula(row, 5, e.f, e.v, SCORE_FORMAT);
    const band = bandLabelFormula(a1(row, 5), e.v, bands);
    b.formula(row, 6, band.f, band.v);
    // Whether a condition and an owner are named, not who: owners can be people.
    (['randvoorwaarde', 'verantwoordelijk'] as const).forEach((f, j) => {
      if (reg.columns[f] === undefined) b.text(row, 7 + j, 'geen kolom', 'muted');
      else {
        const filled = filledFormula(reg, r, f);
        b.formula(row, 7 + j, filled.f, filled.v);
      }
    });
    if (net && hasNetScores(reg)) {
      const en = effectFormula(reg, r, NET);
      b.formula(row, 9, en.f, en.v, SCORE_FORMAT);
      const bn = bandLabelFormula(a1(row, 9), en.v, bands);
      b.formula(row, 10, bn.f, bn.v);
    }
    if (showRegister) b.text(row, net ? 11 : 9, reg.sheet);
  });
  if (ranked.length) {
    const last = first + ranked.length - 1;
    // Labels are the same for every band set, so one rule set colours all rows.
    const bandRules: CfRule[] = [...ranked[0].bands].reverse().map((band) => ({ type: 'cellIs', operator: 'equal', formula1: `"${band.label}"`, fill: band.fill, font: band.font }));
    b.conditional({ range: rangeA1({ top: first, left: 6, bottom: last, right: 6 }), rules: bandRules });
    if (net) b.conditional({ range: rangeA1({ top: first, left: 10, bottom: last, right: 10 }), rules: bandRules });
    b.conditional({
      range: rangeA1({ top: first, left: 7, bottom: last, right: 8 }),
      rules: [{ type: 'cellIs', operator: 'equal', formula1: '"Nee"', fill: 'FFC7CE', font: '9C0006' }],
    });
  }
  return first + Math.max(ranked.length, 1) + 1;
}
