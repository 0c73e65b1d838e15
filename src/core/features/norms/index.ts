// The norms feature: read the norm definitions (built-in catalogue or the
// user's 'TB Normdefinities'), compute each norm over the trajectory data as a
// live formula and in the engine, read the provider's Indicatoren sheet and
// put it all on 'TB Normen'.

import { columnsToLetters } from '../../detect/mapping';
import type { Finding } from '../../findings/finding';
import type { SettingDef } from '../../settings/settings';
import { getNumber } from '../../settings/settings';
import { a1, columnLetters } from '../../workbook/address';
import type { SheetSnapshot } from '../../workbook/snapshot';
import { cellFormula, cellValue, findSheet, isCellError } from '../../workbook/snapshot';
import type { Detection, Feature, FeatureContext, FeatureOutput } from '../feature';
import { emptyOutput } from '../feature';
import { BUILT_IN_NORMS, OPTIONAL_BUILT_INS } from './catalogue';
import type { CompiledNorm } from './compile';
import { compileNorm, usedColumns } from './compile';
import type { DataTable } from './dataTable';
import { columnLabel, detectRegistrationTables, detectTrajectTables, REGISTRATION_KIND, tableForSheet, tableRange, TRAJECT_FIELDS, TRAJECT_KIND } from './dataTable';
import { groupNorms } from './groups';
import { dataQualityFindings, duplicateHeaderFindings, recordRows, UNCACHED_MESSAGE } from './dataQuality';
import type { DefinitionColumn, DefinitionRow } from './definitionText';
import { DEFINITION_COLUMNS, DEFINITION_HEADERS, describeDefinition, parseDefinitionRow } from './definitionText';
import { buildDefinitionsSheet, DEFINITION_HEADER_ROW, definitionCell, readDefinitionsSheet } from './definitionsSheet';
import { evaluateNorm } from './evaluate';
import type { IndicatorTable } from './indicators';
import { detectIndicatorTables, INDICATOR_FIELDS, INDICATOR_KIND, refersTo } from './indicators';
import type { NormDef } from './model';
import type { NormRow } from './normsSheet';
import { buildNormsSheet } from './normsSheet';
import { settingValueCell } from '../../settings/settingsSheet';
import { appendAll } from '../../util/arrays';
import { DISABLED_SETTING, disabledBySetting, disabledKeyList } from './disabled';

export const NORM_SETTINGS = {
  minPopulation: {
    key: 'norms.minPopulation',
    default: 20,
    label: 'Populatie waaronder een normuitkomst als klein wordt gemarkeerd.',
    labelEn: 'Population size below which a norm result is marked as small.',
  },
  tolerance: {
    key: 'norms.indicatorTolerance',
    default: 0.5,
    label: 'Verschil (procentpunt) tussen gerapporteerde en herberekende indicator dat wordt gemeld.',
    labelEn: 'Difference (percentage points) between reported and recomputed indicator that is reported.',
  },
  disabled: DISABLED_SETTING,
} satisfies Record<string, SettingDef>;

const NO_TRAJECTORIES: Finding = {
  rule: 'norm.no-trajectories',
  severity: 'info',
  kind: 'norm',
  sheet: '',
  cell: '',
  message: 'Geen trajectenblad gevonden (kolommen als Werksoort, Datum aanmelding, Datum eerste gesprek); de ingebouwde normen zijn niet berekend.',
};

interface LoadedDefinition {
  def: NormDef;
  row: DefinitionRow;
  /** Where to point findings about this definition. */
  where: { sheet: string; cell: string };
}

/** The norm definitions: the user's sheet when it exists, else the built-in catalogue (and the sheet is written). */
export function loadDefinitions(ctx: FeatureContext): { defs: LoadedDefinition[]; findings: Finding[]; writeSheet: boolean } {
  const name = ctx.sheetName('normDefinitions');
  const sheet = findSheet(ctx.fullWb, name);
  const findings: Finding[] = [];
  const builtInKeys = new Set(BUILT_IN_NORMS.map((r) => String(r.sleutel)));
  const defs: LoadedDefinition[] = [];
  const read = sheet ? readDefinitionsSheet(sheet) : null;
  if (sheet && !read) {
    findings.push({
      rule: 'norm.definitions-unreadable',
      severity: 'error',
      kind: 'norm',
      sheet: name,
      cell: '',
      message: `Op "${name}" staat geen kopregel met "${DEFINITION_HEADERS.sleutel}" en "${DEFINITION_HEADERS.meting}"; Toetsblad gebruikt de ingebouwde normen. Verwijder het blad om het opnieuw te laten maken.`,
    });
  }
  const rows = read
    ? read.rows.map((d) => ({ row: d.row, sheetRow: d.sheetRow, cell: (c: DefinitionColumn) => definitionCell(d, c) }))
    : // Point at the cells where the first run writes the catalogue, so findings keep their address on later runs.
      BUILT_IN_NORMS.map((row, i) => {
        const sheetRow = DEFINITION_HEADER_ROW + 1 + i;
        return { row, sheetRow, cell: (c: DefinitionColumn) => a1(sheetRow, DEFINITION_COLUMNS.indexOf(c)) };
      });
  const seen = new Set<string>();
  for (const r of rows) {
    const key = String(r.row.sleutel ?? '').trim();
    const parsed = parseDefinitionRow(r.row, builtInKeys.has(key) ? 'builtin' : 'user', r.sheetRow);
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        findings.push({
          rule: 'norm.definition-invalid',
          severity: 'error',
          kind: 'norm',
          sheet: name,
          cell: r.cell(e.column),
          message: `Normdefinitie ${key || `op rij ${(r.sheetRow ?? 0) + 1}`}: ${e.message}. Deze norm wordt overgeslagen.`,
        });
      }
      continue;
    }
    if (seen.has(parsed.def.key)) {
      findings.push({ rule: 'norm.duplicate-key', severity: 'error', kind: 'norm', sheet: name, cell: r.cell('sleutel'), message: `De sleutel ${parsed.def.key} komt twee keer voor; alleen de eerste wordt berekend.` });
      continue;
    }
    seen.add(parsed.def.key);
    defs.push({ def: parsed.def, row: r.row, where: { sheet: name, cell: r.cell('sleutel') } });
  }
  return { defs, findings, writeSheet: !sheet };
}

/** One norm as the pane's on/off list shows it. */
export interface NormListing {
  key: string;
  label: string;
  /** Column Aan of 'TB Normdefinities' (or the catalogue) has it on. */
  onInDefinitions: boolean;
  /** The setting norms.disabled has it off. */
  offBySetting: boolean;
}

/** The norms the definitions hold (valid rows only), in their order, with what switches them off. */
export function listNorms(ctx: FeatureContext): NormListing[] {
  const off = disabledBySetting(ctx.settings);
  return loadDefinitions(ctx).defs.map(({ def }) => ({ key: def.key, label: def.label, onInDefinitions: def.enabled, offBySetting: off(def.key) }));
}

/** Keys in norms.disabled that name no definition: probably a typo, so the user hears of it. */
function unknownDisabledKeys(ctx: FeatureContext, defs: LoadedDefinition[]): Finding[] {
  const known = new Set(defs.map((d) => d.def.key.toLowerCase()));
  const unknown = disabledKeyList(ctx.settings).filter((k) => !known.has(k.toLowerCase()));
  if (unknown.length === 0) return [];
  const name = ctx.sheetName('settings');
  const sheet = findSheet(ctx.fullWb, name);
  return [
    {
      rule: 'norm.disabled-unknown',
      severity: 'warning',
      kind: 'norm',
      sheet: name,
      cell: sheet ? settingValueCell(sheet, DISABLED_SETTING.key) : '',
      message: `De instelling ${DISABLED_SETTING.key} noemt ${unknown.length === 1 ? 'een norm die' : 'normen die'} niet in "${ctx.sheetName('normDefinitions')}" ${unknown.length === 1 ? 'staat' : 'staan'}: ${unknown.join(', ')}. Controleer de sleutel.`,
    },
  ];
}

function trajectDetection(t: DataTable): Detection {
  return {
    feature: 'norms',
    kind: TRAJECT_KIND,
    sheet: t.sheet.name,
    range: tableRange(t),
    headerRow: t.headerRow + 1,
    confidence: t.confidence,
    columns: columnsToLetters(t.fields),
    fields: [...TRAJECT_FIELDS],
  };
}

function registrationDetection(t: DataTable): Detection {
  return {
    feature: 'norms',
    kind: REGISTRATION_KIND,
    sheet: t.sheet.name,
    range: tableRange(t),
    headerRow: t.headerRow + 1,
    confidence: t.confidence,
    columns: {},
    fields: [],
  };
}

function indicatorDetection(t: IndicatorTable): Detection {
  return {
    feature: 'norms',
    kind: INDICATOR_KIND,
    sheet: t.sheet,
    range: t.range,
    headerRow: t.headerRow + 1,
    confidence: 1,
    columns: columnsToLetters(t.columns),
    fields: [...INDICATOR_FIELDS],
  };
}

/** Norms whose per-row arithmetic is on dates (the message then asks for a real date). */
function dateMeasure(n: CompiledNorm): boolean {
  const k = n.measure.kind;
  return k === 'withinDays' || k === 'withinMonths' || k === 'countOverDays';
}

/** Formula cells without a cached value in the record rows of the columns a norm reads. */
function uncachedCells(n: CompiledNorm): string[] {
  const cols = usedColumns(n);
  const out: string[] = [];
  for (const r of recordRows(n.table)) {
    for (const c of cols) {
      if (cellFormula(n.table.sheet, r, c) && cellValue(n.table.sheet, r, c) === null) out.push(a1(r, c));
    }
  }
  return out;
}

/** Compile and evaluate every enabled norm; what cannot be computed becomes a finding. */
function computeNorms(ctx: FeatureContext, defs: LoadedDefinition[], trajects: DataTable[]): { rows: NormRow[]; findings: Finding[]; tables: DataTable[] } {
  const findings: Finding[] = [];
  const computed: { norm: CompiledNorm; loaded: LoadedDefinition }[] = [];
  const blocked: { norm: CompiledNorm; loaded: LoadedDefinition }[] = [];
  let noTrajects = false;
  const offBySetting = disabledBySetting(ctx.settings);
  const generic = new Map<SheetSnapshot, DataTable | null>();
  for (const loaded of defs) {
    const { def, where } = loaded;
    if (!def.enabled || offBySetting(def.key)) continue;
    const optional = def.source === 'builtin' && OPTIONAL_BUILT_INS.has(def.key);
    const table = tableForSheet(ctx.wb, def.sheet, trajects, generic);
    if (!table) {
      if (!def.sheet && def.source === 'builtin') noTrajects = true;
      else {
        findings.push({ rule: 'norm.sheet-missing', severity: 'error', kind: 'norm', ...where, message: `Norm ${def.key}: het gegevensblad "${def.sheet || 'trajecten'}" is niet gevonden.` });
      }
      continue;
    }
    const compiled = compileNorm(def, table);
    if (!compiled.ok) {
      // A built-in norm whose columns this provider's data does not have is no problem in the data: an info with
      // what to do. An own norm that names a column that is not there is an error in its definition.
      findings.push({
        rule: 'norm.columns-missing',
        severity: def.source === 'builtin' || optional ? 'info' : 'error',
        kind: 'norm',
        ...where,
        message: `Norm ${def.key} is niet berekend: ${compiled.missing.map((c) => `kolom "${c}"`).join(', ')} ontbreekt op blad "${table.sheet.name}".${def.source === 'builtin' ? ' Wijs de kolom toe in TB Instellingen, of zet de norm uit in kolom Aan van TB Normdefinities als hij niet bij deze opdracht hoort.' : ''}`,
      });
      continue;
    }
    // A formula without a cached value is not 0 and not empty: the spreadsheet computes it on opening, so our
    // figure would differ from its own. The norm waits until the workbook has been saved by Excel.
    const uncached = uncachedCells(compiled.norm);
    if (uncached.length > 0) {
      findings.push({
        rule: 'norm.uncached-input',
        severity: 'error',
        kind: 'norm',
        ...where,
        message: `Norm ${def.key} is niet berekend: ${uncached.length === 1 ? 'cel' : 'cellen'} ${uncached.slice(0, 6).map((c) => `${table.sheet.name}!${c}`).join(', ')}${uncached.length > 6 ? ' …' : ''} ${uncached.length === 1 ? 'bevat een' : 'bevatten'} ${UNCACHED_MESSAGE}.`,
      });
      blocked.push({ norm: compiled.norm, loaded });
      continue;
    }
    computed.push({ norm: compiled.norm, loaded });
  }
  const groupsByKey = new Map<string, NormRow[]>();
  for (const { norm, loaded } of computed) {
    if (!norm.def.groupBy) continue;
    const split = groupNorms(norm, loaded.where);
    appendAll(findings, split.findings);
    groupsByKey.set(norm.def.key, split.norms.map((g) => ({ norm: g, values: evaluateNorm(g), description: describeDefinition(loaded.row), tiers: [], groups: [] })));
  }
  if (noTrajects && trajects.length === 0) findings.push({ ...NO_TRAJECTORIES });
  const rowsByKey = new Map<string, NormRow>();
  const top: NormRow[] = [];
  for (const { norm, loaded } of computed) {
    const values = evaluateNorm(norm);
    if (values.failedAt) {
      const { row, col } = values.failedAt;
      findings.push({
        rule: 'norm.date-not-computable',
        severity: 'error',
        kind: 'norm',
        sheet: norm.table.sheet.name,
        cell: a1(row, col),
        message: dateMeasure(norm)
          ? `Norm ${norm.def.key} kan niet rekenen: in kolom "${columnLabel(norm.table, col)}" staat tekst die geen datum is (cel ${columnLetters(col)}${row + 1}). Maak er een echte datum van; tot dan is de uitkomst leeg.`
          : `Norm ${norm.def.key} kan niet rekenen: in kolom "${columnLabel(norm.table, col)}" staat ${isCellError(cellValue(norm.table.sheet, row, col)) ? 'een foutwaarde' : 'tekst waarmee niet te rekenen is'} (cel ${columnLetters(col)}${row + 1}). Maak er een echt getal van; tot dan is de uitkomst leeg.`,
      });
    }
    const r: NormRow = { norm, values, description: describeDefinition(loaded.row), tiers: [], groups: groupsByKey.get(norm.def.key) ?? [] };
    rowsByKey.set(norm.def.key, r);
  }
  for (const { norm, loaded } of computed) {
    const r = rowsByKey.get(norm.def.key)!;
    const parent = norm.def.tierOf ? rowsByKey.get(norm.def.tierOf) : undefined;
    if (parent && parent !== r && !parent.norm.def.tierOf) parent.tiers.push(r);
    else {
      if (norm.def.tierOf) {
        findings.push({ rule: 'norm.tier-parent-missing', severity: 'warning', kind: 'norm', ...loaded.where, message: `Norm ${norm.def.key} is een tweede trede van ${norm.def.tierOf}, maar die norm wordt niet berekend; hij staat nu los.` });
      }
      top.push(r);
    }
  }
  for (const { norm, loaded } of blocked) {
    top.push({ norm, values: { population: 0, hits: 0, value: null, months: [], failedAt: null }, description: describeDefinition(loaded.row), tiers: [], groups: [], blocked: true });
  }
  const tables = [...new Set([...computed, ...blocked].map((c) => c.norm.table))];
  return { rows: top, findings, tables };
}

export const normsFeature: Feature = {
  id: 'norms',
  label: { nl: 'Normen', en: 'Norms' },
  settings: Object.values(NORM_SETTINGS),
  detect: (ctx) => {
    const trajects = detectTrajectTables(ctx.wb, ctx.settings);
    const indicators = detectIndicatorTables(ctx.wb, ctx.settings);
    const registrations = detectRegistrationTables(ctx.wb, ctx.settings, new Set([...trajects.map((t) => t.sheet.name), ...indicators.map((t) => t.sheet)]));
    return [...trajects.map(trajectDetection), ...indicators.map(indicatorDetection), ...registrations.map(registrationDetection)];
  },
  run(ctx): FeatureOutput {
    const out = emptyOutput();
    const trajects = detectTrajectTables(ctx.wb, ctx.settings);
    const indicators = detectIndicatorTables(ctx.wb, ctx.settings);
    const registrations = detectRegistrationTables(ctx.wb, ctx.settings, new Set([...trajects.map((t) => t.sheet.name), ...indicators.map((t) => t.sheet)]));
    out.detections.push(...trajects.map(trajectDetection), ...indicators.map(indicatorDetection), ...registrations.map(registrationDetection));
    // A workbook without trajectories, indicators or norm definitions gets no norm sheets, just a note.
    if (trajects.length === 0 && indicators.length === 0 && !findSheet(ctx.fullWb, ctx.sheetName('normDefinitions'))) {
      out.findings.push({ ...NO_TRAJECTORIES });
      return out;
    }
    const loaded = loadDefinitions(ctx);
    appendAll(out.findings, loaded.findings);
    appendAll(out.findings, unknownDisabledKeys(ctx, loaded.defs));
    const { rows, findings, tables } = computeNorms(ctx, loaded.defs, trajects);
    appendAll(out.findings, findings);
    // Every data table in play gets the data-quality checks: the ones norms read, the trajectories and registration tables found.
    const checked = new Set<string>();
    for (const t of [...tables, ...trajects, ...registrations]) {
      const id = `${t.sheet.name}!${t.headerRow}`;
      if (checked.has(id)) continue;
      checked.add(id);
      appendAll(out.findings, duplicateHeaderFindings(t));
      appendAll(out.findings, dataQualityFindings(t));
    }
    for (const t of indicators) appendAll(out.findings, t.findings);
    for (const { def, where } of loaded.defs) {
      if (!def.indicatorRef || !def.enabled) continue;
      if (indicators.some((t) => t.rows.some((r) => refersTo(def.indicatorRef!, r)))) continue;
      const lines = indicators.flatMap((t) => t.rows.map((r) => `"${r.indicator}" (${r.sheet}!${r.realisationCell})`)).slice(0, 6);
      out.findings.push({
        rule: 'norm.indicator-ref-unknown',
        severity: 'warning',
        kind: 'norm',
        ...where,
        message: `Norm ${def.key} verwijst naar indicatorregel "${def.indicatorRef}", maar die regel is niet gevonden${lines.length ? `; bestaande regels: ${lines.join(', ')}` : ' (geen indicatorenblad gevonden)'}.`,
      });
    }
    const sheet = buildNormsSheet({
      name: ctx.sheetName('norms'),
      rows,
      tables,
      indicators,
      minPopulation: getNumber(ctx.settings, NORM_SETTINGS.minPopulation),
      tolerancePoints: getNumber(ctx.settings, NORM_SETTINGS.tolerance),
    });
    out.sheets.push(sheet.sheet);
    out.overview = { norms: sheet.overview };
    appendAll(out.figures, sheet.figures);
    appendAll(out.findings, sheet.findings);
    if (loaded.writeSheet) out.sheets.push(buildDefinitionsSheet(ctx.sheetName('normDefinitions')));
    return out;
  },
};
