// Checks across the batch of sources, before anything is added up: unreadable
// files, workbooks without a recognised table, another period, the same
// provider twice, different norm sets. Each becomes a finding on TB Regio
// Bronnen; only the sources that pass count in the regional figures.

import type { Finding, Severity } from '../findings/finding';
import type { Period } from '../parse/period';
import { nameKey, samePeriod } from './identity';
import type { SourceContribution } from './source';

export interface BatchSource {
  id: string;
  /** Row on TB Regio Bronnen (0-based). */
  row: number;
  source: SourceContribution;
  /** Counts in the regional figures. */
  counts: boolean;
  /** Why it does not count (Dutch), or ''. */
  remark: string;
}

export interface BatchFinding {
  /** Index into the batch, or -1 for the batch as a whole. */
  index: number;
  severity: Severity;
  rule: string;
  message: string;
  kind: Finding['kind'];
}

/** The period most readable sources name; ties go to the latest. */
export function batchPeriod(sources: SourceContribution[]): Period | null {
  const n = new Map<number, { p: Period; n: number }>();
  for (const s of sources) {
    if (s.status === 'unreadable' || !s.period) continue;
    const e = n.get(s.period.key) ?? { p: s.period, n: 0 };
    e.n++;
    n.set(s.period.key, e);
  }
  return [...n.values()].sort((a, b) => b.n - a.n || b.p.key - a.p.key)[0]?.p ?? null;
}

/** Everything a source contributes, as one string; '' when it contributes nothing to compare. */
function contentKey(s: SourceContribution): string {
  const parts = [
    s.norms.map((n) => `${n.key}=${n.value}/${n.population}/${n.parts?.numerator ?? ''}/${n.parts?.denominator ?? ''}`),
    s.werksoorten.map((w) => `${w.key}=${w.begroot.value}/${w.realisatie.value}/${w.prognose.value}`),
    Object.entries(s.riskCells).map(([k, a]) => `${k}=${a.value}`),
    s.budgetTables.map((t) => `${t.title}:${t.rows.map((r) => r.cells.map((c) => c.value).join(',')).join(';')}`),
  ].flat();
  return parts.length ? parts.join('|') : '';
}

const list = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')} en ${xs.length - 5} andere` : xs.join(', '));

export function checkBatch(sources: SourceContribution[], firstRow: number): { batch: BatchSource[]; findings: BatchFinding[]; period: Period | null } {
  const findings: BatchFinding[] = [];
  const period = batchPeriod(sources);
  const seen = new Map<string, number>();
  const sameContent = new Map<string, number>();
  const batch: BatchSource[] = sources.map((source, index) => {
    const entry: BatchSource = { id: `B${index + 1}`, row: firstRow + index, source, counts: true, remark: '' };
    const add = (severity: Severity, rule: string, message: string, kind: Finding['kind'] = 'input') => findings.push({ index, severity, rule, message, kind });
    if (source.status === 'unreadable') {
      entry.counts = false;
      entry.remark = 'Onleesbaar';
      add('error', 'regio.unreadable', `${source.file} kon niet worden gelezen: ${source.error ?? 'onbekende fout'} De andere bestanden zijn wel samengevoegd.`);
      return entry;
    }
    if (source.recognised.length === 0) {
      entry.counts = false;
      entry.remark = 'Geen tabel herkend';
      add('warning', 'regio.nothing-recognised', `In ${source.file} is geen risicoregister, begroting, normtabel of trajectenlijst herkend; deze bron telt niet mee. Controleer of dit de monitoringswerkmap is.`);
      return entry;
    }
    for (const why of source.failed) add('warning', 'regio.partial', `${source.file} is maar gedeeltelijk gecontroleerd: ${why}`);
    if (period && source.period && !samePeriod(period, source.period)) {
      entry.counts = false;
      entry.remark = `Andere periode (${source.period.label})`;
      add('warning', 'regio.other-period', `${source.file} gaat over ${source.period.label}, de andere bronnen over ${period.label}; deze bron telt niet mee in de regionale cijfers.`);
      return entry;
    }
    if (period && !source.period) add('info', 'regio.no-period', `In ${source.file} staat geen periode in de titels of bladnamen; aangenomen is ${period.label}.`);
    const key = `${nameKey(source.name)}|${source.period?.key ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      entry.counts = false;
      entry.remark = `Dubbel (zie ${sources[first].file})`;
      add('warning', 'regio.duplicate', `${source.name} staat twee keer in de selectie (${sources[first].file} en ${source.file}) voor dezelfde periode; alleen ${sources[first].file} telt mee.`);
      return entry;
    }
    seen.set(key, index);
    // The same file sent twice under another name has another name from its file name, but the same figures.
    const content = contentKey(source);
    const twin = content ? sameContent.get(content) : undefined;
    if (twin !== undefined) {
      entry.counts = false;
      entry.remark = `Zelfde cijfers als ${sources[twin].file}`;
      add('warning', 'regio.duplicate-content', `${source.file} bevat precies dezelfde cijfers als ${sources[twin].file}; waarschijnlijk is hetzelfde bestand twee keer gekozen. Alleen ${sources[twin].file} telt mee.`);
      return entry;
    }
    if (content) sameContent.set(content, index);
    return entry;
  });

  // Norm sets: the set most counting sources share is the reference; the others are named.
  const withNorms = batch.filter((b) => b.counts && b.source.norms.length > 0);
  const signature = (b: BatchSource) => b.source.norms.map((n) => n.key).sort().join('|');
  const tally = new Map<string, number>();
  for (const b of withNorms) tally.set(signature(b), (tally.get(signature(b)) ?? 0) + 1);
  const reference = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (reference !== undefined) {
    const ref = new Set(reference.split('|'));
    for (const b of withNorms) {
      if (signature(b) === reference) continue;
      const own = new Set(b.source.norms.map((n) => n.key));
      const missing = [...ref].filter((k) => !own.has(k));
      const extra = [...own].filter((k) => !ref.has(k));
      const parts = [missing.length ? `ontbreken ${list(missing)}` : '', extra.length ? `extra zijn ${list(extra)}` : ''].filter(Boolean);
      findings.push({
        index: batch.indexOf(b),
        severity: 'warning',
        rule: 'regio.norm-set-differs',
        kind: 'norm',
        message: `${b.source.file} heeft andere normen dan de meeste bronnen: ${parts.join('; ')}. Regionale cijfers tellen alleen de bronnen die een norm hebben.`,
      });
    }
  }
  return { batch, findings, period };
}
