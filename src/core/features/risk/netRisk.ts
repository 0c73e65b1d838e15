// Gross versus net risk: when a register also scores kans and schade after
// the randvoorwaarde, how many risks do the conditions move down a band?

import type { Finding } from '../../findings/finding';
import { a1 } from '../../workbook/address';
import type { Band } from './bands';
import { bandIndex } from './bands';
import type { CheckedRisk } from './checks';
import { arrayConstant } from './criteria';
import { GROSS, gridPosition, NET, registerColumn } from './grid';
import type { RiskRegister } from './register';

export function hasNetScores(reg: RiskRegister): boolean {
  return reg.columns.kansNetto !== undefined && reg.columns.schadeNetto !== undefined;
}

interface Combo {
  k: number;
  s: number;
  kn: number;
  sn: number;
}

/** Every gross/net score combination whose net band is lower than its gross band. */
export function loweringCombos(scale: number, bands: Band[]): Combo[] {
  const out: Combo[] = [];
  for (let k = 1; k <= scale; k++)
    for (let s = 1; s <= scale; s++)
      for (let kn = 1; kn <= scale; kn++)
        for (let sn = 1; sn <= scale; sn++) if (bandIndex(kn * sn, bands) < bandIndex(k * s, bands)) out.push({ k, s, kn, sn });
  return out;
}

/** Risks whose net scores sit in a lower band than their gross scores, counted as COUNTIFS would. */
export function countLowered(reg: RiskRegister, scale: number, bands: Band[]): number {
  let n = 0;
  for (const r of reg.rows) {
    const g = gridPosition(r.cells.kans ?? null, r.cells.schade ?? null, scale);
    const net = gridPosition(r.cells.kansNetto ?? null, r.cells.schadeNetto ?? null, scale);
    if (g && net && bandIndex(net.k * net.s, bands) < bandIndex(g.k * g.s, bands)) n++;
  }
  return n;
}

/** Excel's limit on formula length is 8,192 characters; keep a margin. */
const MAX_FORMULA_LENGTH = 8000;

/**
 * One aggregate formula: the combinations as parallel array constants. Null
 * when the scale has too many combinations for one formula (above 1–7).
 */
export function loweredFormula(reg: RiskRegister, scale: number, bands: Band[]): string | null {
  const combos = loweringCombos(scale, bands);
  if (combos.length === 0) return '0';
  const arr = (f: keyof Combo) => arrayConstant(combos.map((c) => c[f]));
  const f =
    `SUMPRODUCT(COUNTIFS(${registerColumn(reg, GROSS.kans)},${arr('k')},${registerColumn(reg, GROSS.schade)},${arr('s')},` +
    `${registerColumn(reg, NET.kans)},${arr('kn')},${registerColumn(reg, NET.schade)},${arr('sn')}))`;
  return f.length <= MAX_FORMULA_LENGTH ? f : null;
}

/** A net effect above the gross effect means the condition makes things worse: likely a mistake. */
export function netAboveGrossFindings(reg: RiskRegister, risks: CheckedRisk[]): Finding[] {
  const out: Finding[] = [];
  for (const r of risks) {
    if (r.effect === null || r.effectNetto === null || r.effectNetto <= r.effect) continue;
    out.push({
      rule: 'risk.net-above-gross',
      severity: 'warning',
      kind: 'risk',
      sheet: reg.sheet,
      cell: a1(r.row.row, reg.columns.kansNetto!),
      expected: `≤ ${r.effect}`,
      actual: r.effectNetto,
      message: `Risico ${r.id} is na de randvoorwaarde hoger ingeschat (${r.effectNetto}) dan ervoor (${r.effect}); controleer de netto kans en schade.`,
    });
  }
  return out;
}

/** Only one of the two net columns was found: no net grid, and the user should know why. */
export function netIncompleteFinding(reg: RiskRegister): Finding | null {
  const k = reg.columns.kansNetto;
  const s = reg.columns.schadeNetto;
  if ((k === undefined) === (s === undefined)) return null;
  const found = k !== undefined ? 'netto kans' : 'netto schade';
  const missing = k !== undefined ? 'netto schade' : 'netto kans';
  return {
    rule: 'risk.net-incomplete',
    severity: 'info',
    kind: 'risk',
    sheet: reg.sheet,
    cell: a1(reg.headerRow, (k ?? s)!),
    message: `Dit risicoregister heeft een kolom ${found} maar geen kolom ${missing}; Toetsblad tekent daarom geen netto kaart. Wijs de kolom zo nodig aan in de instellingen (kolomtoewijzing).`,
  };
}
