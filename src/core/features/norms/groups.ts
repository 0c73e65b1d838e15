// "per <kolom>": a norm split into one norm per value of a column (one per
// institution, team or wijk), each with its own live formula, status and
// figure; the norm itself stays the total.

import type { Finding } from '../../findings/finding';
import type { CellValue } from '../../workbook/snapshot';
import { cellText, isCellError, rowValues } from '../../workbook/snapshot';
import type { CompiledNorm, ResolvedClause } from './compile';
import { columnLabel, resolveColumn, skippedRowSet } from './dataTable';

/** More groups than this is not a breakdown a controller reads; the rest is summarised in a finding. */
export const MAX_GROUPS = 40;

interface Group {
  /** As shown: the first spelling met. */
  label: string;
  clause: Omit<ResolvedClause, 'col'>;
}

/** Group key as COUNTIFS compares: numbers as numbers, text case-insensitively (not trimmed: "Noord " is not "Noord"). */
function groupKey(v: CellValue): string | null {
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'string') return v === '' ? 'empty' : `s:${v.toLowerCase()}`;
  return v === null ? 'empty' : null;
}

/** A key fragment from a group label: "ONS Welzijn" -> "ons_welzijn". */
function slug(label: string): string {
  const s = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return s || 'leeg';
}

export function groupNorms(norm: CompiledNorm, where: { sheet: string; cell: string }): { norms: CompiledNorm[]; findings: Finding[] } {
  const def = norm.def;
  const t = norm.table;
  const col = resolveColumn(t, def.groupBy!);
  if (col === null) {
    return {
      norms: [],
      findings: [{ rule: 'norm.columns-missing', severity: 'error', kind: 'norm', ...where, message: `Norm ${def.key}: de kolom "${def.groupBy}" voor de uitsplitsing ontbreekt op blad "${t.sheet.name}"; alleen het totaal is berekend.` }],
    };
  }
  const skipped = skippedRowSet(t);
  const groups = new Map<string, Group>();
  for (let r = t.firstRow; r <= t.lastRow; r++) {
    if (skipped.has(r)) continue;
    const row = rowValues(t.sheet, r);
    if (row.every((v) => v === null || v === undefined || v === '')) continue;
    const v = row[col] ?? null;
    if (isCellError(v) || typeof v === 'boolean') continue;
    const key = groupKey(v);
    if (key === null || groups.has(key)) continue;
    groups.set(key, key === 'empty' ? { label: '(leeg)', clause: { kind: 'empty', values: [] } } : { label: cellText(v), clause: { kind: 'eq', values: [v as string | number] } });
  }
  const findings: Finding[] = [];
  const list = [...groups.values()];
  if (list.length > MAX_GROUPS) {
    findings.push({ rule: 'norm.too-many-groups', severity: 'info', kind: 'norm', ...where, message: `Norm ${def.key}: kolom "${columnLabel(t, col)}" heeft ${list.length} verschillende waarden; alleen de eerste ${MAX_GROUPS} krijgen een eigen regel.` });
  }
  const used = new Set<string>();
  const norms = list.slice(0, MAX_GROUPS).map((g) => {
    let key = `${def.key}.${slug(g.label)}`;
    for (let i = 2; used.has(key); i++) key = `${def.key}.${slug(g.label)}_${i}`;
    used.add(key);
    const clause: ResolvedClause = { col, ...g.clause };
    return {
      ...norm,
      def: { ...def, key, label: `${def.label}: ${g.label}`, groupBy: undefined, indicatorRef: undefined, tierOf: undefined },
      population: [...norm.population, clause],
      // COUNTIFS "=" is only truly empty; the group "(leeg)" counts as COUNTIFS does, so the array form is not needed.
    };
  });
  return { norms, findings };
}
