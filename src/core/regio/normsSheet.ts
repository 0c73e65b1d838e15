// TB Regio Normen: every norm down, every counting source across, with the
// lowest, the highest and the regional figure. A share's regional figure is
// the sum of the numerators over the sum of the denominators — never an
// average of percentages; a count adds up; a mean without its counts has no
// regional figure.

import type { Finding } from '../findings/finding';
import type { NormOperator } from '../parse/normText';
import { meets, OPERATOR_SYMBOL } from '../parse/normText';
import type { Figure, FigureUnit } from '../plan/figure';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { a1, columnLetters } from '../workbook/address';
import type { RegioContext } from './context';
import { criterionKey, formatOf, nameRef, statusColours } from './context';
import type { SourceNorm } from './source';

const ID_ROW = 3;
const HEAD_ROW = 4;
const FIRST = 5;
const C = { key: 0, label: 1, op: 2, norm: 3, min: 4, max: 5, regio: 6, status: 7, note: 8, sources: 9 } as const;

interface NormLine {
  key: string;
  label: string;
  unit: FigureUnit;
  norm: { op: NormOperator; value: number } | null;
  /** Per counting source (same order), its norm line or undefined. */
  per: (SourceNorm | undefined)[];
}

function metFormula(r: string, op: NormOperator, norm: string): string {
  return op === '=' ? `ABS(${r}-${norm})<1E-9` : `${r}${op}${norm}`;
}

/** Norms in first-seen order; the norm value the most sources use. */
function normLines(ctx: RegioContext): NormLine[] {
  const lines = new Map<string, NormLine>();
  ctx.counting.forEach((b, j) => {
    for (const n of b.source.norms) {
      const line = lines.get(n.key) ?? { key: n.key, label: n.label, unit: n.unit, norm: null, per: ctx.counting.map(() => undefined) };
      line.per[j] = n;
      lines.set(n.key, line);
    }
  });
  for (const line of lines.values()) {
    const tally = new Map<string, { norm: NonNullable<NormLine['norm']>; n: number }>();
    for (const n of line.per) {
      if (!n?.norm) continue;
      const k = `${n.norm.op}${n.norm.value}`;
      const e = tally.get(k) ?? { norm: n.norm, n: 0 };
      e.n++;
      tally.set(k, e);
    }
    line.norm = [...tally.values()].sort((a, b) => b.n - a.n)[0]?.norm ?? null;
  }
  return [...lines.values()];
}

export function buildNormsSheet(ctx: RegioContext): { sheet: SheetSpec; figures: Figure[]; findings: Finding[] } {
  const b = new SheetBuilder(ctx.names.norms, { tabColor: '548235' });
  b.header('Toetsblad — regio-overzicht: normen', 'Per norm de realisatie van elke bron; het regionale cijfer van een percentage is de som van de tellers gedeeld door de som van de noemers.');
  const n = ctx.counting.length;
  const valueCol = (j: number) => C.sources + j;
  const statusCol = (j: number) => C.sources + n + j;
  [32, 46, 4, 9, 9, 9, 9, 13, 26].forEach((w, i) => b.width(i, w));
  for (let j = 0; j < 2 * n; j++) b.width(C.sources + j, 14);
  b.row(HEAD_ROW, 0, ['Sleutel', 'Norm', '', 'Norm', 'Laagste', 'Hoogste', 'Regio', 'Status regio', 'Toelichting'], 'header');
  ctx.counting.forEach((x, j) => {
    const name = nameRef(ctx, x);
    for (const col of [valueCol(j), statusCol(j)]) {
      b.text(ID_ROW, col, x.id, 'muted');
      b.set(HEAD_ROW, col, { f: name.f, v: name.v, style: 'header', wrap: true });
    }
  });
  if (n > 0) {
    b.text(ID_ROW - 1, valueCol(0), 'Realisatie per bron', 'subtitle');
    b.text(ID_ROW - 1, statusCol(0), 'Status per bron (zoals in de eigen rapportage)', 'subtitle');
  }
  b.freeze(FIRST, 2);
  const lines = normLines(ctx);
  const findings: Finding[] = [];
  if (lines.length === 0) b.text(FIRST, 0, 'Geen normen in de bronnen die meetellen.', 'note');
  const { data } = ctx;
  lines.forEach((line, i) => {
    const r = FIRST + i;
    const fmt = formatOf(line.unit);
    const keyText = criterionKey(line.key);
    b.text(r, C.key, keyText);
    b.text(r, C.label, line.label);
    if (line.norm) {
      b.text(r, C.op, OPERATOR_SYMBOL[line.norm.op]);
      b.value(r, C.norm, line.norm.value, fmt);
    }
    const values: number[] = [];
    line.per.forEach((sn, j) => {
      const x = ctx.counting[j];
      const col = valueCol(j);
      const look = data.lookup({ source: `${columnLetters(col)}$${ID_ROW + 1}`, key: `$A${r + 1}` }, { source: x.id, key: keyText });
      b.figure(r, col, look.f, look.v, { key: `${ctx.slugs.get(x.id)}.${line.key}`, label: `${x.source.name}: ${line.label}`, unit: line.unit }, fmt);
      if (look.v !== null) values.push(look.v);
      if (sn) {
        b.text(r, statusCol(j), sn.status);
        if (sn.norm && line.norm && (sn.norm.op !== line.norm.op || Math.abs(sn.norm.value - line.norm.value) > 1e-9)) {
          findings.push({
            rule: 'regio.norm-differs',
            severity: 'warning',
            kind: 'norm',
            sheet: ctx.names.norms,
            cell: a1(r, statusCol(j)),
            message: `${x.source.name} (${x.source.file}) toetst ${line.label} aan ${OPERATOR_SYMBOL[sn.norm.op]} ${sn.norm.value}, de meeste bronnen aan ${OPERATOR_SYMBOL[line.norm.op]} ${line.norm.value}; de regionale status gebruikt de laatste.`,
          });
        }
      }
    });
    if (n > 0) {
      const span = `${a1(r, valueCol(0))}:${a1(r, valueCol(n - 1))}`;
      b.formula(r, C.min, `IF(COUNT(${span})=0,"",MIN(${span}))`, values.length ? Math.min(...values) : null, fmt);
      b.formula(r, C.max, `IF(COUNT(${span})=0,"",MAX(${span}))`, values.length ? Math.max(...values) : null, fmt);
    }
    // The regional figure: pooled from numerators and denominators, a sum of counts, or none.
    const present = line.per.filter((sn): sn is SourceNorm => sn !== undefined && sn.value !== null);
    const pooled = present.length > 0 && present.every((sn) => sn.parts !== undefined);
    const key = { key: keyText, counts: 1 };
    const crit = data.criteriaText({ key: `$A${r + 1}`, counts: '1' });
    const meta = { key: `regio_${line.key}`, label: `Regio: ${line.label}`, unit: line.unit };
    let regio: number | null = null;
    if (pooled) {
      const num = data.sum('numerator', key);
      const den = data.sum('denominator', key);
      regio = den === 0 ? null : num / den;
      b.figure(r, C.regio, `IF(SUMIFS(${data.range('denominator')},${crit})=0,"",SUMIFS(${data.range('numerator')},${crit})/SUMIFS(${data.range('denominator')},${crit}))`, regio, meta, fmt);
      b.text(r, C.note, `Σ tellers / Σ noemers, ${present.length} bron${present.length === 1 ? '' : 'nen'}`, 'muted');
    } else if (line.unit === 'count' && present.length > 0) {
      regio = data.sum('value', key);
      b.figure(r, C.regio, `SUMIFS(${data.range('value')},${crit})`, regio, meta, fmt);
      b.text(r, C.note, 'Σ van de bronnen', 'muted');
    } else if (present.length > 0) {
      b.text(r, C.note, line.unit === 'fraction' ? 'Geen regionaal cijfer: niet elke bron levert teller en noemer' : 'Geen regionaal cijfer: een gemiddelde zonder aantallen is niet op te tellen', 'muted');
    }
    if (line.norm && (pooled || (line.unit === 'count' && present.length > 0))) {
      const rc = a1(r, C.regio);
      const op = line.norm.op;
      const status = regio === null ? 'Geen gegevens' : meets(regio, op, line.norm.value) ? 'Behaald' : 'Niet behaald';
      b.formula(r, C.status, `IF(${rc}="","Geen gegevens",IF(${metFormula(rc, op, a1(r, C.norm))},"Behaald","Niet behaald"))`, status);
    }
  });
  if (lines.length > 0 && n > 0) {
    // Which provider misses how many norms: one count per source under its statuses.
    const r = FIRST + lines.length;
    b.text(r, C.label, 'Aantal normen niet behaald', 'total');
    ctx.counting.forEach((x, j) => {
      const col = statusCol(j);
      const missed = (line: NormLine) => line.per[j]?.status === 'Niet behaald';
      b.figure(r, col, `COUNTIF(${a1(FIRST, col)}:${a1(r - 1, col)},"Niet behaald")`, lines.filter(missed).length, { key: `${ctx.slugs.get(x.id)}.normen_niet_behaald`, label: `${x.source.name}: normen niet behaald`, unit: 'count' }, '0', 'total');
    });
  }
  if (lines.length > 0) {
    const lastRow = FIRST + lines.length - 1;
    b.conditional(statusColours(`${a1(FIRST, C.status)}:${a1(lastRow, C.status)}`));
    if (n > 0) b.conditional(statusColours(`${a1(FIRST, statusCol(0))}:${a1(lastRow, statusCol(n - 1))}`));
  }
  return { sheet: b.build(), figures: b.figures, findings };
}
