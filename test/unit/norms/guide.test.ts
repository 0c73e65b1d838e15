// docs/normen.md cannot drift from the code: its example blocks are parsed out
// of the markdown and computed on the trajectory monitor, and it names every
// measure and column the definitions sheet knows.

import * as fs from 'fs';
import * as path from 'path';
import type { DefinitionColumn, DefinitionRow } from '../../../src/core/features/norms/definitionText';
import { DEFINITION_COLUMNS, DEFINITION_HEADERS, MEASURE_NAMES, parseDefinitionRow } from '../../../src/core/features/norms/definitionText';
import { buildDefinitionsSheet } from '../../../src/core/features/norms/definitionsSheet';
import { buildReport } from '../../../src/core/report';
import { emptyPlan } from '../../../src/core/plan/plan';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { trajectoryMonitor } from '../../support/shapes/trajectoryMonitor';

const GUIDE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'normen.md'), 'utf8');
const byHeader = new Map(DEFINITION_COLUMNS.map((c) => [DEFINITION_HEADERS[c].toLowerCase(), c] as const));

/** Every ```normdefinitie block as a definitions row ("Kolomkop: waarde" per line). */
function examples(): DefinitionRow[] {
  return [...GUIDE.matchAll(/```normdefinitie\n([\s\S]*?)```/g)].map((m) => {
    const row: DefinitionRow = {};
    for (const line of m[1].split('\n').filter((l) => l.trim())) {
      const i = line.indexOf(':');
      const column = byHeader.get(line.slice(0, i).trim().toLowerCase());
      if (!column) throw new Error(`Unknown column in docs/normen.md: ${line}`);
      row[column as DefinitionColumn] = line.slice(i + 1).trim();
    }
    return row;
  });
}

describe('docs/normen.md', () => {
  const rows = examples();

  it('has worked examples of every norm kind the seeds ask for', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const measures = rows.map((r) => String(r.meting));
    for (const m of ['aandeel', 'gemiddelde', 'gemiddeld verschil', 'aantal', 'som']) expect(measures).toContain(m);
    expect(rows.some((r) => r.per || /\bper\b/.test(String(r.meting)))).toBe(true);
    expect(rows.some((r) => /≥ .+ \+ \d/.test(String(r.voorwaarde ?? '')))).toBe(true);
    expect(rows.some((r) => /tussen/.test(String(r.voorwaarde ?? '')))).toBe(true);
  });

  it('names every measure and every column of TB Normdefinities', () => {
    for (const name of Object.values(MEASURE_NAMES)) expect([name, GUIDE.includes(`**${name}**`)]).toEqual([name, true]);
    for (const c of DEFINITION_COLUMNS) expect([c, GUIDE.includes(`**${DEFINITION_HEADERS[c]}**`)]).toEqual([c, true]);
  });

  it('every example parses without errors', () => {
    for (const r of rows) expect([r.sleutel, parseDefinitionRow(r, 'user')]).toEqual([r.sleutel, expect.objectContaining({ ok: true })]);
  });

  it('every example computes on the trajectory monitor, without a finding about its definition', () => {
    const m = trajectoryMonitor({ planted: false });
    const plan = emptyPlan();
    plan.sheets.push(buildDefinitionsSheet('TB Normdefinities', rows));
    applyPlan(m.workbook, plan);
    const result = buildReport(readWorkbook(m.workbook), { features: ['norms'] });
    expect(result.findings.filter((f) => f.sheet === 'TB Normdefinities')).toEqual([]);
    const figures = new Map(result.figures.map((f) => [f.key, f.value]));
    for (const r of rows) {
      const key = String(r.sleutel);
      expect([key, typeof figures.get(key)]).toEqual([key, 'number']);
    }
    // The per-institution example gives a row per institution under its total.
    expect([...figures.keys()].filter((k) => k.startsWith('trajecten_per_instelling.')).length).toBe(3);
    // Every formula is from the Excel 2016 set that LibreOffice 7.4 evaluates: no LET, FILTER, XLOOKUP or dynamic arrays.
    const allowed = new Set(['IF', 'IFERROR', 'COUNTIFS', 'COUNTIF', 'SUMIFS', 'SUMPRODUCT', 'ISNUMBER', 'YEAR', 'MONTH', 'DAY', 'DATE', 'COUNTA', 'COUNT', 'ABS', 'SUM', 'OR']);
    const formulas = result.plan.sheets.find((s) => s.name === 'TB Normen')!.cells.flatMap((c) => (c.f ? [c.f] : []));
    const used = new Set(formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, '').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((x) => x[1])));
    expect([...used].filter((fn) => !allowed.has(fn))).toEqual([]);
  });
});

describe('the guide is reachable', () => {
  it('from the pane\'s help page (shipped as normen.html by the build) and from a note on TB Normdefinities', () => {
    const root = path.join(__dirname, '..', '..', '..');
    expect(fs.readFileSync(path.join(root, 'src', 'taskpane', 'help.html'), 'utf8')).toMatch(/<a href="normen\.html">/);
    expect(fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8')).toMatch(/from: 'docs\/normen\.md',\s*to: 'normen\.html'/);
    const sheet = buildDefinitionsSheet('TB Normdefinities');
    expect(sheet.cells.some((c) => typeof c.v === 'string' && c.v.includes('docs/normen.md'))).toBe(true);
  });
});
