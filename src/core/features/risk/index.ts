// The risk feature: detect registers, check them, and (heatmapSheet.ts) draw
// the kans × schade map.

import type { Finding } from '../../findings/finding';
import type { SettingDef, Settings } from '../../settings/settings';
import { getString } from '../../settings/settings';
import { a1 } from '../../workbook/address';
import { columnsToLetters } from '../../detect/mapping';
import type { Detection, Feature, FeatureContext, FeatureOutput } from '../feature';
import { emptyOutput } from '../feature';
import type { Band } from './bands';
import { bandsFor, defaultThresholds, parseThresholds } from './bands';
import type { RegisterCheck, ScaleChoice } from './checks';
import { checkRegister, chooseScale } from './checks';
import type { RiskRegister } from './register';
import { detectRiskRegisters, registerRange, RISK_KIND } from './register';
import { RISK_FIELDS } from './schema';
import type { HeatmapInput } from './heatmapSheet';
import { buildHeatmapSheet, emptyHeatmapSheet } from './heatmapSheet';
import { isGeneratedSheet } from '../../generatedSheets';
import { findSheet } from '../../workbook/snapshot';
import { hasNetScores, netAboveGrossFindings, netIncompleteFinding } from './netRisk';
import { compareRegisters, splitByPeriod, trendAssumption, trendSkipped } from './trend';
import { appendAll } from '../../util/arrays';

export const RISK_SETTINGS = {
  scale: { key: 'risk.scale', default: 'auto', label: 'Schaal van kans en schade: auto, 3 (1-3) of 5 (1-5).', labelEn: 'Scale of likelihood and impact: auto, 3 or 5.' },
  bands: {
    key: 'risk.bands',
    default: 'auto',
    label: 'Ondergrenzen van de banden midden;hoog;zeer hoog (effect), bijv. 3;6;9. "auto" past bij de schaal.',
    labelEn: 'Lower bounds of the medium;high;very high bands (effect), e.g. 3;6;9.',
  },
  requiredFromBand: {
    key: 'risk.requiredFromBand',
    default: 'zeer hoog',
    label: 'Vanaf welke band een randvoorwaarde en verantwoordelijke verplicht zijn: hoog of zeer hoog.',
    labelEn: 'From which band a mitigating condition and owner are required: hoog or zeer hoog.',
  },
} satisfies Record<string, SettingDef>;

export interface AnalysedRegister {
  register: RiskRegister;
  scale: ScaleChoice;
  bands: Band[];
  check: RegisterCheck;
}

function scaleSetting(settings: Settings): number | null {
  const v = getString(settings, RISK_SETTINGS.scale);
  const n = Number(v);
  return Number.isInteger(n) && n >= 2 && n <= 10 ? n : null;
}

export function bandsForScale(settings: Settings, scale: number): Band[] {
  return bandsFor(parseThresholds(getString(settings, RISK_SETTINGS.bands)) ?? defaultThresholds(scale));
}

export function analyseRegisters(ctx: FeatureContext): { registers: AnalysedRegister[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const registers: AnalysedRegister[] = [];
  const requiredFrom = /^zeer/i.test(getString(ctx.settings, RISK_SETTINGS.requiredFromBand)) ? 3 : 2;
  for (const register of detectRiskRegisters(ctx.wb, ctx.settings)) {
    const scale = chooseScale(register, scaleSetting(ctx.settings));
    const bands = bandsForScale(ctx.settings, scale.scale);
    const check = checkRegister(register, scale.scale, bands, requiredFrom);
    if (scale.source === 'data') {
      findings.push({
        rule: 'risk.scale-assumed',
        severity: 'info',
        kind: 'risk',
        sheet: register.sheet,
        cell: a1(register.headerRow, register.columns.kans!),
        message: `De schaal van dit risicoregister staat er niet bij; Toetsblad neemt 1-${scale.scale} aan op grond van de scores${scale.ambiguous ? ' (onzeker: weinig of afwijkende scores)' : ''}. Pas dit zo nodig aan in de instellingen (risk.scale).`,
      });
    }
    appendAll(findings, check.findings);
    registers.push({ register, scale, bands, check });
  }
  return { registers, findings };
}

export function riskDetection(reg: RiskRegister): Detection {
  return {
    feature: 'risk',
    kind: RISK_KIND,
    sheet: reg.sheet,
    range: registerRange(reg),
    headerRow: reg.headerRow + 1,
    confidence: reg.confidence,
    columns: columnsToLetters(reg.columns),
    fields: [...RISK_FIELDS],
  };
}

export const riskFeature: Feature = {
  id: 'risk',
  label: { nl: 'Risicokaart', en: 'Risk map' },
  settings: Object.values(RISK_SETTINGS),
  detect: (ctx) => detectRiskRegisters(ctx.wb, ctx.settings).map(riskDetection),
  run(ctx): FeatureOutput {
    const out = emptyOutput();
    const { registers, findings } = analyseRegisters(ctx);
    appendAll(out.findings, findings);
    for (const a of registers) {
      if (hasNetScores(a.register)) appendAll(out.findings, netAboveGrossFindings(a.register, a.check.risks));
      const incomplete = netIncompleteFinding(a.register);
      if (incomplete) out.findings.push(incomplete);
    }
    out.detections.push(...registers.map((r) => riskDetection(r.register)));
    if (registers.length === 0) {
      // A map from an earlier refresh must not stay behind looking current.
      const name = ctx.sheetName('risk');
      const old = findSheet(ctx.fullWb, name);
      if (old && isGeneratedSheet(old)) out.sheets.push(emptyHeatmapSheet(name));
      return out;
    }
    const split = splitByPeriod(registers, (a) => a.register);
    const input: HeatmapInput = { registers: split.current };
    if (split.trend) {
      const { current, previous, currentPeriod, previousPeriod } = split.trend;
      out.findings.push(trendAssumption(current.register, previous.register, currentPeriod, previousPeriod));
      input.trend = { rows: compareRegisters(current.register, previous.register), current: currentPeriod, previous: previousPeriod };
    } else if (split.ambiguous) {
      out.findings.push(trendSkipped(split.current[0].register, split.ambiguous.latest, split.ambiguous.registers));
    }
    try {
      const { sheet, figures, overview } = buildHeatmapSheet(ctx.sheetName('risk'), input);
      out.sheets.push(sheet);
      if (overview) out.overview = { risk: overview };
      appendAll(out.figures, figures);
    } catch (e) {
      // A fault in drawing the map must not cost the controller the register's findings.
      out.findings.push({
        rule: 'risk.map-failed',
        severity: 'error',
        kind: 'risk',
        sheet: input.registers[0].register.sheet,
        cell: '',
        message: `De risicokaart kon niet worden gemaakt (${e instanceof Error ? e.message : String(e)}); de bevindingen over het register staan er wel. Meld dit aan de beheerder van Toetsblad.`,
      });
    }
    return out;
  },
};
