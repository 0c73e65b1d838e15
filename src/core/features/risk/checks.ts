// Checks on a risk register; every problem becomes a finding at its cell.

import type { Finding } from '../../findings/finding';
import { parseNumberCell } from '../../parse/number';
import { a1 } from '../../workbook/address';
import type { CellValue } from '../../workbook/snapshot';
import { cellText, isBlank, isCellError } from '../../workbook/snapshot';
import type { Band } from './bands';
import { bandIndex } from './bands';
import type { RiskRegister, RiskRow } from './register';
import { riskId } from './register';
import type { RiskField } from './schema';
import { RISK_FIELD_LABELS } from './schema';

export type ScoreStatus = 'ok' | 'text' | 'missing' | 'not-number' | 'not-integer' | 'off-scale';

export interface Score {
  value: number | null;
  status: ScoreStatus;
}

/** A kans or schade cell read against the scale. "text" means a valid score stored as text. */
export function readScore(v: CellValue, scale: number): Score {
  if (isBlank(v)) return { value: null, status: 'missing' };
  if (isCellError(v)) return { value: null, status: 'not-number' };
  const p = parseNumberCell(v);
  if (!p || p.percent) return { value: null, status: 'not-number' };
  if (!Number.isInteger(p.value)) return { value: p.value, status: 'not-integer' };
  if (p.value < 1 || p.value > scale) return { value: p.value, status: 'off-scale' };
  return { value: p.value, status: p.source === 'number' ? 'ok' : 'text' };
}

/** A usable score: whole, on the scale (text-stored scores count; they get their own finding). */
export function usable(s: Score): s is { value: number; status: 'ok' | 'text' } {
  return s.status === 'ok' || s.status === 'text';
}

export interface ScaleChoice {
  scale: number;
  /** Why: "stated" in the text above the table, "data", "setting". */
  source: 'stated' | 'data' | 'setting';
  ambiguous: boolean;
}

/** 1–3 or 1–5: from the setting, the text above the header, or the data. */
export function chooseScale(reg: RiskRegister, setting: number | null): ScaleChoice {
  if (setting) return { scale: setting, source: 'setting', ambiguous: false };
  if (reg.statedScale && reg.statedScale >= 2) return { scale: reg.statedScale, source: 'stated', ambiguous: false };
  let max = 0;
  let count = 0;
  let high = 0;
  for (const r of reg.rows) {
    for (const f of ['kans', 'schade', 'kansNetto', 'schadeNetto'] as RiskField[]) {
      const p = parseNumberCell(r.cells[f] ?? null);
      if (!p || !Number.isInteger(p.value) || p.value < 1 || p.value > 10) continue;
      count++;
      if (p.value > 3) high++;
      max = Math.max(max, p.value);
    }
  }
  if (max <= 3) return { scale: 3, source: 'data', ambiguous: count < 6 };
  // A single 4 among many 1–3 scores is more likely a typo on a 1–3 scale.
  return { scale: 5, source: 'data', ambiguous: max === 4 || high / count < 0.1 };
}

const field = (reg: RiskRegister, r: RiskRow, f: RiskField) => a1(r.row, reg.columns[f]!);

function scoreFindings(reg: RiskRegister, r: RiskRow, f: RiskField, s: Score, scale: number): Finding[] {
  const id = riskId(reg, r);
  const name = RISK_FIELD_LABELS[f];
  const base = { kind: 'risk' as const, sheet: reg.sheet, cell: field(reg, r, f) };
  const raw = cellText(r.cells[f] ?? null);
  switch (s.status) {
    case 'missing':
      return [{ ...base, rule: 'risk.score-missing', severity: 'error', message: `${name} ontbreekt bij risico ${id}.` }];
    case 'not-number':
      return [{ ...base, rule: 'risk.score-not-number', severity: 'error', actual: raw, message: `${name} van risico ${id} is geen getal ("${raw}"); verwacht een heel getal van 1 tot en met ${scale}.` }];
    case 'not-integer':
      return [{ ...base, rule: 'risk.score-not-integer', severity: 'error', actual: s.value!, message: `${name} van risico ${id} is geen heel getal (${raw}); verwacht 1 tot en met ${scale}.` }];
    case 'off-scale':
      return [{ ...base, rule: 'risk.score-off-scale', severity: 'error', actual: s.value!, expected: `1-${scale}`, message: `${name} van risico ${id} is ${s.value}, buiten de schaal 1-${scale}.` }];
    case 'text':
      return [{ ...base, rule: 'risk.number-as-text', severity: 'warning', actual: raw, message: `${name} van risico ${id} staat als tekst in de cel ("${raw}"); Excel rekent er niet mee en de risicokaart telt dit risico niet in het kans × schade-raster. Maak er een getal van.` }];
    default:
      return [];
  }
}

export interface CheckedRisk {
  row: RiskRow;
  id: string;
  kans: Score;
  schade: Score;
  kansNetto?: Score;
  schadeNetto?: Score;
  /** kans × schade when both are usable. */
  effect: number | null;
  effectNetto: number | null;
}

export interface RegisterCheck {
  risks: CheckedRisk[];
  findings: Finding[];
}

export function checkRegister(reg: RiskRegister, scale: number, bands: Band[], requiredFromBand: number): RegisterCheck {
  const findings: Finding[] = [];
  const risks: CheckedRisk[] = [];
  const hasNet = reg.columns.kansNetto !== undefined && reg.columns.schadeNetto !== undefined;
  const seenIds = new Map<string, RiskRow>();
  const seenTexts = new Map<string, Map<string, RiskRow>>();
  for (const r of reg.rows) {
    const id = riskId(reg, r);
    const kans = readScore(r.cells.kans ?? null, scale);
    const schade = readScore(r.cells.schade ?? null, scale);
    findings.push(...scoreFindings(reg, r, 'kans', kans, scale), ...scoreFindings(reg, r, 'schade', schade, scale));
    const effect = usable(kans) && usable(schade) ? kans.value * schade.value : null;
    const checked: CheckedRisk = { row: r, id, kans, schade, effect, effectNetto: null };
    if (hasNet) {
      checked.kansNetto = readScore(r.cells.kansNetto ?? null, scale);
      checked.schadeNetto = readScore(r.cells.schadeNetto ?? null, scale);
      findings.push(
        ...scoreFindings(reg, r, 'kansNetto', checked.kansNetto, scale),
        ...scoreFindings(reg, r, 'schadeNetto', checked.schadeNetto, scale),
      );
      if (usable(checked.kansNetto) && usable(checked.schadeNetto)) checked.effectNetto = checked.kansNetto.value * checked.schadeNetto.value;
    }
    findings.push(...effectFindings(reg, r, 'effect', effect, id));
    if (hasNet && reg.columns.effectNetto !== undefined) findings.push(...effectFindings(reg, r, 'effectNetto', checked.effectNetto, id));
    if (effect !== null && bandIndex(effect, bands) >= requiredFromBand) {
      const band = bands[bandIndex(effect, bands)].label.toLowerCase();
      for (const f of ['randvoorwaarde', 'verantwoordelijk'] as const) {
        if (reg.columns[f] === undefined || !isBlank(r.cells[f] ?? null)) continue;
        findings.push({
          rule: f === 'randvoorwaarde' ? 'risk.high-without-condition' : 'risk.high-without-owner',
          severity: 'warning',
          kind: 'risk',
          sheet: reg.sheet,
          cell: field(reg, r, f),
          message:
            f === 'randvoorwaarde'
              ? `Risico ${id} heeft effect ${effect} (${band}) maar geen randvoorwaarde.`
              : `Risico ${id} heeft effect ${effect} (${band}) maar niemand is verantwoordelijk gesteld.`,
        });
      }
    }
    findings.push(...duplicateFindings(reg, r, id, seenIds, seenTexts));
    risks.push(checked);
  }
  return { risks, findings };
}

function effectFindings(reg: RiskRegister, r: RiskRow, f: 'effect' | 'effectNetto', computed: number | null, id: string): Finding[] {
  if (reg.columns[f] === undefined || computed === null) return [];
  const v = r.cells[f] ?? null;
  const cell = field(reg, r, f);
  const what = f === 'effect' ? 'kans × schade' : 'netto kans × netto schade';
  if (isBlank(v)) {
    return [{ rule: 'risk.effect-missing', severity: 'info', kind: 'risk', sheet: reg.sheet, cell, expected: computed, message: `Effect ontbreekt bij risico ${id}; ${what} = ${computed}.` }];
  }
  const p = parseNumberCell(v);
  if (!p) {
    return [{ rule: 'risk.effect-mismatch', severity: 'error', kind: 'risk', sheet: reg.sheet, cell, expected: computed, actual: cellText(v), message: `Effect van risico ${id} is geen getal ("${cellText(v)}"); ${what} = ${computed}.` }];
  }
  const out: Finding[] = [];
  if (Math.abs(p.value - computed) > 1e-9) {
    out.push({ rule: 'risk.effect-mismatch', severity: 'error', kind: 'risk', sheet: reg.sheet, cell, expected: computed, actual: p.value, message: `Effect van risico ${id} is ${p.value}, maar ${what} = ${computed}.` });
  } else if (p.source !== 'number') {
    out.push({ rule: 'risk.number-as-text', severity: 'warning', kind: 'risk', sheet: reg.sheet, cell, actual: cellText(v), message: `Effect van risico ${id} staat als tekst in de cel ("${cellText(v)}").` });
  }
  return out;
}

/** Risk texts as compared for duplicates, by the cell's own string: a text repeated in every row is normalised once. */
const comparableTexts = new Map<string, string>();

function comparableText(raw: string): string {
  let t = comparableTexts.get(raw);
  if (t === undefined) {
    if (comparableTexts.size > 10_000) comparableTexts.clear();
    t = raw.toLowerCase().replace(/\s+/g, ' ');
    comparableTexts.set(raw, t);
  }
  return t;
}

/** Seen risk texts per werksoort; nested maps, so a long text is not copied into a new key for every row. */
function duplicateFindings(reg: RiskRegister, r: RiskRow, id: string, ids: Map<string, RiskRow>, texts: Map<string, Map<string, RiskRow>>): Finding[] {
  const out: Finding[] = [];
  const nr = cellText(r.cells.nr ?? null);
  if (nr && reg.columns.nr !== undefined) {
    const first = ids.get(nr.toLowerCase());
    if (first) {
      out.push({ rule: 'risk.duplicate-id', severity: 'error', kind: 'risk', sheet: reg.sheet, cell: field(reg, r, 'nr'), message: `Risiconummer ${nr} komt twee keer voor (ook op rij ${first.row + 1}).` });
    } else ids.set(nr.toLowerCase(), r);
  }
  const text = comparableText(cellText(r.cells.risico ?? null));
  if (text && reg.columns.risico !== undefined) {
    const werksoort = cellText(r.cells.werksoort ?? null).toLowerCase();
    const seen = texts.get(werksoort) ?? texts.set(werksoort, new Map()).get(werksoort)!;
    const first = seen.get(text);
    if (first) {
      out.push({ rule: 'risk.duplicate-risk', severity: 'warning', kind: 'risk', sheet: reg.sheet, cell: field(reg, r, 'risico'), message: `Risico ${id} staat er dubbel in: dezelfde omschrijving als rij ${first.row + 1}.` });
    } else seen.set(text, r);
  }
  return out;
}
