// Switching norms off through the setting norms.disabled (the task pane's
// switches): the norm leaves TB Normen and the summary, switching it back on
// restores the very same sheet, and column Aan still works alongside.

import type { Workbook } from 'exceljs';
import { DISABLED_SETTING, withNormDisabled } from '../../../src/core/features/norms/disabled';
import { listNorms } from '../../../src/core/features/norms';
import { normStatuses } from '../../../src/core/features/norms/summary';
import { SHEET } from '../../../src/core/generatedSheets';
import type { ReportResult } from '../../../src/core/report';
import { buildReport, featureContext } from '../../../src/core/report';
import type { Settings } from '../../../src/core/settings/settings';
import { emptySettings } from '../../../src/core/settings/settings';
import { readSettings } from '../../../src/core/settings/settingsSheet';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { BUILT_IN_KEYS } from '../../support/normKeys';
import { EXAMPLE, loadXlsx } from '../../support/workbooks';

const OFF = 'isw_afgesloten_binnen_6mnd_pct';
const withDisabled = (value: string): Settings => ({ ...emptySettings(), values: { [DISABLED_SETTING.key]: value } });
const normsSheet = (r: ReportResult) => r.plan.sheets.find((s) => s.name === SHEET.norms)!;
const sheetTexts = (r: ReportResult) => normsSheet(r).cells.map((c) => c.v);

let wb: Workbook;
let baseline: ReportResult;
beforeAll(async () => {
  wb = await loadXlsx(EXAMPLE);
  baseline = buildReport(readWorkbook(wb), { features: ['norms'] });
});

describe('norms.disabled', () => {
  it('is a norms setting, so it is listed in TB Instellingen with an empty default', () => {
    const full = buildReport(readWorkbook(wb));
    const settings = full.plan.sheets.find((s) => s.name === SHEET.settings)!;
    const keyCell = settings.cells.find((c) => c.v === 'norms.disabled')!;
    expect(keyCell.col).toBe(2);
    expect(settings.cells.find((c) => c.row === keyCell.row && c.col === 1)?.v).toBe('');
  });

  it('takes a switched-off norm off TB Normen and out of the summary; the other norms stay', () => {
    const off = buildReport(readWorkbook(wb), { features: ['norms'], settings: withDisabled(OFF) });
    expect(baseline.figures.map((f) => f.key)).toContain(OFF);
    expect(off.figures.map((f) => f.key)).not.toContain(OFF);
    expect(sheetTexts(baseline)).toContain(OFF);
    expect(sheetTexts(off)).not.toContain(OFF);
    const lines = normStatuses(off.plan, off.figures, SHEET.norms).map((l) => l.key);
    expect(lines).toEqual(BUILT_IN_KEYS.filter((k) => k !== OFF));
    // Nothing on the sheet still points at the dropped norm's row: the remaining figures are the same numbers.
    const value = (r: ReportResult, key: string) => r.figures.find((f) => f.key === key)?.value;
    for (const key of lines) expect([key, value(off, key)]).toEqual([key, value(baseline, key)]);
    expect(off.findings.filter((f) => f.rule === 'norm.disabled-unknown')).toEqual([]);
  });

  it('switching the norm back on gives exactly the sheet and figures of before', () => {
    const off = withNormDisabled(emptySettings(), OFF, true, BUILT_IN_KEYS);
    expect(off.values[DISABLED_SETTING.key]).toBe(OFF);
    const on = withNormDisabled(off, OFF, false, BUILT_IN_KEYS);
    expect(on.values[DISABLED_SETTING.key]).toBe('');
    const again = buildReport(readWorkbook(wb), { features: ['norms'], settings: on });
    expect(normsSheet(again)).toEqual(normsSheet(baseline));
    expect(again.figures).toEqual(baseline.figures);
  });

  it('reads keys separated by ; , or line breaks, case-insensitively, with spaces around them', () => {
    const r = buildReport(readWorkbook(wb), { features: ['norms'], settings: withDisabled(` ISW_TERUGKEER_PCT ;\n${OFF}, gem_cijfer_eind;`) });
    const keys = r.figures.map((f) => f.key);
    for (const k of ['isw_terugkeer_pct', OFF, 'gem_cijfer_eind']) expect(keys).not.toContain(k);
    expect(keys).toContain('gem_cijfer_stijging');
  });

  it('switching off a norm with a second tier leaves the tier standing alone, with a warning', () => {
    const r = buildReport(readWorkbook(wb), { features: ['norms'], settings: withDisabled('isw_eerste_gesprek_binnen_28d_pct') });
    expect(normStatuses(r.plan, r.figures, SHEET.norms).map((l) => l.key)).toContain('isw_eerste_gesprek_binnen_42d_pct');
    expect(r.findings.find((f) => f.rule === 'norm.tier-parent-missing')?.message).toContain('isw_eerste_gesprek_binnen_42d_pct');
  });

  it('a key that names no norm is a warning pointing at the setting in TB Instellingen', async () => {
    // Store the setting in the workbook, as the pane does, so the finding can name its cell.
    const copy = await loadXlsx(EXAMPLE);
    const saved = buildReport(readWorkbook(copy), { settings: withDisabled('bestaat_niet'), writeSettings: true });
    applyPlan(copy, saved.plan);
    const settingsSpec = saved.plan.sheets.find((s) => s.name === SHEET.settings)!;
    const row = settingsSpec.cells.find((c) => c.v === DISABLED_SETTING.key)!.row;
    const snap = readWorkbook(copy);
    expect(readSettings(snap).values[DISABLED_SETTING.key]).toBe('bestaat_niet');
    const r = buildReport(snap, { features: ['norms'] });
    expect(r.findings.filter((f) => f.rule === 'norm.disabled-unknown')).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: SHEET.settings, cell: `B${row + 1}`, message: expect.stringContaining('bestaat_niet') }),
    ]);
    // Every built-in norm is still computed.
    expect(normStatuses(r.plan, r.figures, SHEET.norms).map((l) => l.key)).toEqual(BUILT_IN_KEYS);
  });
});

describe('withNormDisabled', () => {
  it('keeps the definitions order whatever order the switches were flipped in, and keeps unknown keys at the end', () => {
    let s = withDisabled('mijn_oude_norm');
    s = withNormDisabled(s, 'gem_cijfer_eind', true, BUILT_IN_KEYS);
    s = withNormDisabled(s, 'isw_terugkeer_pct', true, BUILT_IN_KEYS);
    s = withNormDisabled(s, 'isw_terugkeer_pct', true, BUILT_IN_KEYS);
    expect(s.values[DISABLED_SETTING.key]).toBe('isw_terugkeer_pct;gem_cijfer_eind;mijn_oude_norm');
    s = withNormDisabled(s, 'GEM_CIJFER_EIND', false, BUILT_IN_KEYS);
    expect(s.values[DISABLED_SETTING.key]).toBe('isw_terugkeer_pct;mijn_oude_norm');
  });

  it('leaves the other settings, mappings and acceptances as they were', () => {
    const s: Settings = { values: { 'budget.explainEur': 20000 }, mappings: [{ sheet: 'A', headerRow: 1, kind: 'ignore', field: '', column: '' }], acceptances: [{ rule: 'r', sheet: 'A', cell: 'B2', reason: 'ok' }] };
    const next = withNormDisabled(s, OFF, true, BUILT_IN_KEYS);
    expect(next).toEqual({ ...s, values: { 'budget.explainEur': 20000, [DISABLED_SETTING.key]: OFF } });
    expect(s.values[DISABLED_SETTING.key]).toBeUndefined();
  });
});

describe('listNorms', () => {
  it('lists the built-in norms with their labels when the workbook has no definitions sheet yet', () => {
    const list = listNorms(featureContext(readWorkbook(wb), withDisabled(OFF)));
    // The optional built-in the example cannot compute is listed too: it can be switched off like the others.
    expect(list.map((n) => n.key)).toEqual([...BUILT_IN_KEYS, 'clienttevredenheid_gem']);
    expect(list.find((n) => n.key === 'gem_cijfer_eind')).toEqual({ key: 'gem_cijfer_eind', label: 'Waardering eigen leven na afronding (rapportcijfer)', onInDefinitions: true, offBySetting: false });
    expect(list.find((n) => n.key === OFF)?.offBySetting).toBe(true);
  });

  it('reads column Aan of TB Normdefinities: a norm off there is off whatever the setting says', async () => {
    const copy = await loadXlsx(EXAMPLE);
    applyPlan(copy, buildReport(readWorkbook(copy), { features: ['norms'] }).plan);
    const defs = copy.getWorksheet(SHEET.normDefinitions)!;
    let aanColumn = 0;
    let keyRow = 0;
    defs.eachRow((row, r) => row.eachCell((cell, c) => {
      if (cell.value === 'Aan') aanColumn = c;
      if (cell.value === 'gem_cijfer_stijging') keyRow = r;
    }));
    defs.getCell(keyRow, aanColumn).value = 'Nee';
    const snap = readWorkbook(copy);
    const list = listNorms(featureContext(snap));
    expect(list.find((n) => n.key === 'gem_cijfer_stijging')).toMatchObject({ onInDefinitions: false, offBySetting: false });
    const r = buildReport(snap, { features: ['norms'], settings: withDisabled(OFF) });
    const keys = r.figures.map((f) => f.key);
    expect(keys).not.toContain('gem_cijfer_stijging');
    expect(keys).not.toContain(OFF);
    expect(keys).toContain('gem_cijfer_eind');
  });
});
