// TB Regio Begroting: begroot / realisatie / prognose per werksoort and source
// with the regional sums and where the prognosis runs over the budget; then
// the regional agreement in one source against the municipal tables in the
// others, with the rounding rule used inside one workbook.

import type { Finding } from '../findings/finding';
import { formatDutch } from '../parse/number';
import type { Figure } from '../plan/figure';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { STATUS_COLOURS } from '../plan/styles';
import { cents, classify } from '../rounding';
import { a1, columnLetters } from '../workbook/address';
import type { RegioContext } from './context';
import { formatOf, nameRef } from './context';
import type { RegionalCheck } from './regionalChecks';

const ID_ROW = 3;
const NAME_ROW = 4;
const SUB_ROW = 5;
const FIRST = 6;
const FIELDS = ['begroot', 'realisatie', 'prognose'] as const;
const FIELD_LABEL = { begroot: 'Begroot', realisatie: 'Realisatie', prognose: 'Prognose' } as const;
const EUR = formatOf('eur');
const C = { key: 0, name: 1, regio: 2, over: 5, sources: 6 } as const;

export const VERDICT_TEXT = { exact: 'Gelijk', rounding: 'Afronding', error: 'Verschil' } as const;

export function buildBudgetSheet(ctx: RegioContext, checks: RegionalCheck[]): { sheet: SheetSpec; figures: Figure[]; findings: Finding[] } {
  const b = new SheetBuilder(ctx.names.budget, { tabColor: 'BF8F00' });
  b.header('Toetsblad — regio-overzicht: begroting', 'Per werksoort en bron; rood: de prognose komt boven de begroting uit.');
  const { data } = ctx;
  const sources = ctx.counting.filter((x) => x.source.werksoorten.length > 0 || x.source.budgetTotals.begroot !== null);
  const werksoorten = new Map<string, string>();
  for (const x of sources) for (const w of x.source.werksoorten) if (!werksoorten.has(w.key)) werksoorten.set(w.key, w.name);
  [26, 34, 15, 15, 15, 15].forEach((w, i) => b.width(i, w));
  if (sources.length) b.row(SUB_ROW, 0, ['Sleutel', 'Werksoort', 'Begroot regio', 'Realisatie regio', 'Prognose regio', 'Prognose − begroot'], 'header');
  sources.forEach((x, j) => {
    const name = nameRef(ctx, x);
    FIELDS.forEach((field, k) => {
      const col = C.sources + 3 * j + k;
      b.width(col, 14);
      b.text(ID_ROW, col, x.id, 'muted');
      b.text(SUB_ROW, col, FIELD_LABEL[field], 'header');
    });
    b.set(NAME_ROW, C.sources + 3 * j, { f: name.f, v: name.v, style: 'subtitle' });
  });
  b.freeze(FIRST, 2);
  let r = FIRST;
  const overruns: { name: string; werksoort: string; begroot: number; prognose: number; cell: string }[] = [];
  if (sources.length === 0) b.text(r++, 0, 'Geen begroting per werksoort in de bronnen die meetellen.', 'note');
  const rows = [...werksoorten.entries()].map(([key, name]) => ({ key: `budget_${key}`, name, total: false }));
  if (sources.length) rows.push({ key: 'budget', name: 'Totaal', total: true });
  for (const row of rows) {
    const keyOf = (field: string) => (row.total ? `budget_${field}_totaal` : `${row.key}_${field}`);
    const keyExpr = (field: string) => (row.total ? `"budget_${field}_totaal"` : `$A${r + 1}&"_${field}"`);
    const style = row.total ? ('total' as const) : undefined;
    b.text(r, C.key, row.key, style ?? 'muted');
    b.text(r, C.name, row.name, style);
    const regio: Record<string, number> = {};
    FIELDS.forEach((field, k) => {
      const crit = { key: keyOf(field), counts: 1 };
      const v = data.sum('value', crit);
      regio[field] = v;
      const key = row.total ? `regio_budget_${field}_totaal` : `regio_${row.key}_${field}`;
      b.figure(r, C.regio + k, `SUMIFS(${data.range('value')},${data.criteriaText({ key: keyExpr(field), counts: '1' })})`, v, { key, label: `Regio: ${FIELD_LABEL[field]} ${row.name}`, unit: 'eur' }, EUR, style);
      sources.forEach((x, j) => {
        const col = C.sources + 3 * j + k;
        const look = data.lookup({ source: `${columnLetters(col)}$${ID_ROW + 1}`, key: keyExpr(field) }, { source: x.id, key: keyOf(field) });
        b.figure(r, col, look.f, look.v, { key: `${ctx.slugs.get(x.id)}.${keyOf(field)}`, label: `${x.source.name}: ${FIELD_LABEL[field]} ${row.name}`, unit: 'eur' }, EUR, style);
      });
    });
    b.formula(r, C.over, `${a1(r, C.regio + 2)}-${a1(r, C.regio)}`, regio.prognose - regio.begroot, EUR, style);
    // Where the budget runs over: each source's werksoort whose prognosis exceeds its budget, largest first below.
    if (!row.total) {
      sources.forEach((x, j) => {
        const w = x.source.werksoorten.find((ws) => `budget_${ws.key}` === row.key);
        const begroot = w?.begroot.value;
        const prognose = w?.prognose.value;
        if (typeof begroot === 'number' && typeof prognose === 'number' && cents(prognose) > cents(begroot)) {
          overruns.push({ name: x.source.name, werksoort: row.name, begroot, prognose, cell: a1(r, C.sources + 3 * j + 2) });
        }
      });
    }
    r++;
  }
  if (rows.length) {
    const last = r - 1;
    b.conditional({ range: `${a1(FIRST, C.over)}:${a1(last, C.over)}`, rules: [{ type: 'cellIs', operator: 'greaterThan', formula1: '0.005', fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font }] });
    sources.forEach((_, j) => {
      const bc = columnLetters(C.sources + 3 * j);
      const pc = columnLetters(C.sources + 3 * j + 2);
      b.conditional({
        range: `${pc}${FIRST + 1}:${pc}${last + 1}`,
        rules: [{ type: 'expression', formula: `AND(ISNUMBER(${pc}${FIRST + 1}),ISNUMBER(${bc}${FIRST + 1}),${pc}${FIRST + 1}>${bc}${FIRST + 1}+0.005)`, fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font }],
      });
    });
  }

  const findings: Finding[] = [];
  const eur = (v: number) => `€ ${formatDutch(v, 2)}`;
  for (const o of overruns.sort((a, b) => b.prognose - b.begroot - (a.prognose - a.begroot))) {
    const over = o.prognose - o.begroot;
    findings.push({
      rule: 'regio.budget-overrun',
      severity: 'info',
      kind: 'budget',
      sheet: ctx.names.budget,
      cell: o.cell,
      message: `${o.name}, ${o.werksoort}: de prognose (${eur(o.prognose)}) ligt ${eur(over)}${o.begroot > 0 ? ` (${formatDutch((over / o.begroot) * 100, 1)}%)` : ''} boven de begroting (${eur(o.begroot)}).`,
      expected: o.begroot,
      actual: o.prognose,
    });
  }

  // The regional agreement against the municipal parts, across files.
  r += 2;
  b.text(r++, 0, 'Regionale afspraak tegenover de gemeenten', 'subtitle');
  if (checks.length === 0) {
    b.text(r++, 0, 'Geen regionale tabel ("TOTAAL REGIO") met gemeentelijke tabellen in andere bestanden gevonden.', 'note');
  }
  const verdictRanges: string[] = [];
  for (const group of checks) {
    const m = group.municipalities.length;
    b.set(r++, 0, { v: `${group.regional.title} in ${group.regionalSource.source.file} tegenover ${m} gemeenten`, style: 'section' });
    const head = ['Regel', 'Kolom', 'Regio'];
    b.row(r, 0, head, 'header');
    group.municipalities.forEach((mu, i) => {
      const name = nameRef(ctx, mu.source);
      b.set(r, 3 + i, { f: name.f, v: name.v, style: 'header', wrap: true });
      b.width(3 + i, 14);
    });
    const sumCol = 3 + m;
    b.row(r, sumCol, ['Som gemeenten', 'Verschil', 'Marge', 'Oordeel'], 'header');
    [15, 11, 9, 11].forEach((w, i) => b.width(sumCol + i, w));
    r++;
    const first = r;
    for (const line of group.lines) {
      const fmt = line.unit === 'fte' ? formatOf('fte') : EUR;
      b.text(r, 0, line.label);
      b.text(r, 1, line.column);
      b.formula(r, 2, `SUMIFS(${data.range('value')},${data.range('key')},"${line.regionalKey}")`, line.stated, fmt);
      line.parts.forEach((p, i) => {
        if (p) b.formula(r, 3 + i, `SUMIFS(${data.range('value')},${data.range('key')},"${p.key}")`, p.value, fmt);
      });
      const span = `${a1(r, 3)}:${a1(r, 2 + m)}`;
      b.formula(r, sumCol, `SUM(${span})`, line.sum, fmt);
      const diffCell = a1(r, sumCol + 1);
      b.formula(r, sumCol + 1, `(ROUND(${a1(r, 2)}*100,0)-ROUND(${a1(r, sumCol)}*100,0))/100`, line.diff, fmt);
      b.value(r, sumCol + 2, line.allowance, fmt);
      const verdict = classify(line.diff, line.allowance);
      const cents = `ROUND(ABS(${diffCell})*100,0)`;
      b.formula(r, sumCol + 3, `IF(${cents}=0,"${VERDICT_TEXT.exact}",IF(${cents}<=ROUND(${a1(r, sumCol + 2)}*100,0),"${VERDICT_TEXT.rounding}","${VERDICT_TEXT.error}"))`, VERDICT_TEXT[verdict]);
      if (verdict !== 'exact') {
        const unit = (v: number) => (line.unit === 'fte' ? `${formatDutch(v, 2)} fte` : `€ ${formatDutch(v, 2)}`);
        findings.push({
          rule: verdict === 'rounding' ? 'regio.regional-rounding' : 'regio.regional-mismatch',
          severity: verdict === 'rounding' ? 'info' : 'error',
          kind: 'budget',
          sheet: ctx.names.budget,
          cell: a1(r, sumCol + 3),
          message: `${line.label} (kolom ${line.column}) in ${group.regional.title} (${group.regionalSource.source.file}): ${unit(line.stated)} is ${unit(Math.abs(line.diff))} ${line.diff < 0 ? 'lager' : 'hoger'} dan de som van de gemeenten (${unit(line.sum)})${verdict === 'rounding' ? '; een afrondingsverschil' : ''}.`,
          expected: Number(line.sum.toFixed(2)),
          actual: line.stated,
        });
      }
      r++;
    }
    const rng = `${a1(first, sumCol + 3)}:${a1(r - 1, sumCol + 3)}`;
    if (group.lines.length) verdictRanges.push(rng);
    b.conditional({
      range: rng,
      rules: [
        { type: 'cellIs', operator: 'equal', formula1: `"${VERDICT_TEXT.exact}"`, fill: STATUS_COLOURS.good.fill, font: STATUS_COLOURS.good.font },
        { type: 'cellIs', operator: 'equal', formula1: `"${VERDICT_TEXT.rounding}"`, fill: STATUS_COLOURS.warn.fill, font: STATUS_COLOURS.warn.font },
        { type: 'cellIs', operator: 'equal', formula1: `"${VERDICT_TEXT.error}"`, fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font },
      ],
    });
    r++;
  }
  if (verdictRanges.length) {
    const countOf = (text: string) => verdictRanges.map((rg) => `COUNTIF(${rg},"${text}")`).join('+');
    const byVerdict = (v: keyof typeof VERDICT_TEXT) => checks.flatMap((g) => g.lines).filter((l) => classify(l.diff, l.allowance) === v).length;
    b.text(r, 0, 'Afrondingsverschillen');
    b.figure(r, 1, countOf(VERDICT_TEXT.rounding), byVerdict('rounding'), { key: 'regio_regionaal_afrondingen', label: 'Regio: afrondingsverschillen regio tegenover gemeenten', unit: 'count' }, '0');
    b.text(r + 1, 0, 'Verschillen');
    b.figure(r + 1, 1, countOf(VERDICT_TEXT.error), byVerdict('error'), { key: 'regio_regionaal_verschillen', label: 'Regio: verschillen regio tegenover gemeenten', unit: 'count' }, '0');
  }
  return { sheet: b.build(), figures: b.figures, findings };
}
