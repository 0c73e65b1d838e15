import { BUILT_IN_NORMS } from '../../../src/core/features/norms/catalogue';
import type { DefinitionRow } from '../../../src/core/features/norms/definitionText';
import { parseClauses, parseDefinitionRow } from '../../../src/core/features/norms/definitionText';
import { buildDefinitionsSheet, readDefinitionsSheet } from '../../../src/core/features/norms/definitionsSheet';
import { emptyPlan } from '../../../src/core/plan/plan';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { findSheet } from '../../../src/core/workbook/snapshot';
import { workbookFrom } from '../../support/workbooks';
import { BUILT_IN_KEYS } from '../../support/normKeys';

const KEYS = BUILT_IN_KEYS;

describe('built-in catalogue', () => {
  it('holds every required key, each parsing without errors and naming its kernbeding', () => {
    const parsed = BUILT_IN_NORMS.map((r) => parseDefinitionRow(r, 'builtin'));
    for (const p of parsed) expect(p).toMatchObject({ ok: true });
    const defs = parsed.map((p) => (p.ok ? p.def : null)!);
    expect(defs.map((d) => d.key)).toEqual(expect.arrayContaining(KEYS));
    for (const d of defs) expect(d.kernbeding.length).toBeGreaterThan(10);
  });

  it('encodes the two-tier norm: 90% within 28 days and 100% within 42 days', () => {
    const defs = BUILT_IN_NORMS.map((r) => parseDefinitionRow(r, 'builtin')).map((p) => (p.ok ? p.def : null)!);
    const t1 = defs.find((d) => d.key === 'isw_eerste_gesprek_binnen_28d_pct')!;
    const t2 = defs.find((d) => d.key === 'isw_eerste_gesprek_binnen_42d_pct')!;
    expect(t1.measure).toEqual({ kind: 'withinDays', from: 'Datum aanmelding', to: 'Datum eerste gesprek', limit: 28 });
    expect(t1.target).toEqual({ op: '>=', value: 0.9 });
    expect(t1.margin).toBeCloseTo(0.05, 12);
    expect(t2.tierOf).toBe(t1.key);
    expect(t2.target).toEqual({ op: '>=', value: 1 });
  });

  it('survives a round trip through the definitions sheet', () => {
    const wb = workbookFrom({ Data: [['x']] });
    const plan = emptyPlan();
    plan.sheets.push(buildDefinitionsSheet('TB Normdefinities'));
    applyPlan(wb, plan);
    const read = readDefinitionsSheet(findSheet(readWorkbook(wb), 'TB Normdefinities')!)!;
    expect(read.rows).toHaveLength(BUILT_IN_NORMS.length);
    const again = read.rows.map((r) => parseDefinitionRow(r.row, 'builtin')).map((p) => (p.ok ? p.def : null));
    const original = BUILT_IN_NORMS.map((r) => parseDefinitionRow(r, 'builtin')).map((p) => (p.ok ? p.def : null));
    expect(again).toEqual(original);
  });
});

describe('parseClauses', () => {
  it('reads =, alternatives, <>, gevuld, leeg and is datum', () => {
    expect(parseClauses('Werksoort = Jeugd (CJG); Uitstroom naar = Zelfstandig | Sociaal netwerk; Wijk <> Lith; Datum afsluiting is datum; Toelichting gevuld; Cijfer leeg; Aantal = 3')).toEqual([
      { column: 'Werksoort', kind: 'eq', values: ['Jeugd (CJG)'] },
      { column: 'Uitstroom naar', kind: 'eq', values: ['Zelfstandig', 'Sociaal netwerk'] },
      { column: 'Wijk', kind: 'ne', values: ['Lith'] },
      { column: 'Datum afsluiting', kind: 'number', values: [] },
      { column: 'Toelichting', kind: 'filled', values: [] },
      { column: 'Cijfer', kind: 'empty', values: [] },
      { column: 'Aantal', kind: 'eq', values: [3] },
    ]);
    expect(parseClauses('')).toEqual([]);
  });

  it('explains text it cannot read', () => {
    expect(parseClauses('Werksoort Jeugd')).toMatch(/geen voorwaarde/);
  });
});

describe('invalid user definitions', () => {
  const base: DefinitionRow = { sleutel: 'eigen', meting: 'gemiddelde', kolommen: 'Cijfer eind', norm: '≥ 6' };

  it.each([
    [{ meting: 'mediaan' }, 'meting'],
    [{ sleutel: 'met spatie' }, 'sleutel'],
    [{ sleutel: '' }, 'sleutel'],
    [{ kolommen: 'A; B' }, 'kolommen'],
    [{ norm: 'veel' }, 'norm'],
    [{ operator: '≈', norm: '5' }, 'operator'],
    [{ operator: '≥', norm: '' }, 'norm'],
    [{ filter: 'Werksoort Jeugd' }, 'filter'],
    [{ meting: 'aandeel binnen dagen', kolommen: 'Datum aanmelding; Datum eerste gesprek' }, 'grens'],
    [{ meting: 'aandeel', kolommen: '' }, 'voorwaarde'],
    [{ perMaand: 'Datum aanmelding' }, 'perMaand'],
    [{ marge: 'bijna' }, 'marge'],
  ] as [DefinitionRow, string][])('%p is an error in column %s', (change, column) => {
    const p = parseDefinitionRow({ ...base, ...change }, 'user');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.map((e) => e.column)).toContain(column);
  });

  it('accepts a norm text with the operator in it, and a margin in points next to a percentage', () => {
    const p = parseDefinitionRow({ sleutel: 'x', meting: 'aandeel', voorwaarde: 'Terugkeer = Ja', norm: 'max. 10%', marge: 2, aan: 'Nee' }, 'user');
    expect(p.ok && p.def).toMatchObject({ target: { op: '<=', value: 0.1 }, margin: 0.02, enabled: false });
  });
});
