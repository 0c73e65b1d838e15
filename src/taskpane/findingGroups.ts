// Findings grouped by severity, then kind, with counts: what the pane lists.

import type { Finding, FindingKind, Severity } from '../core/findings/finding';
import { findingKey, sortFindings } from '../core/findings/finding';
import type { Settings } from '../core/settings/settings';
import { acceptanceFor } from '../core/settings/settings';

export interface KindGroup {
  kind: FindingKind;
  findings: Finding[];
  open: number;
}

export interface SeverityGroup {
  severity: Severity;
  kinds: KindGroup[];
  count: number;
  open: number;
}

export function groupFindings(findings: Finding[], settings: Settings): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const f of sortFindings(findings)) {
    let sev = groups.find((g) => g.severity === f.severity);
    if (!sev) groups.push((sev = { severity: f.severity, kinds: [], count: 0, open: 0 }));
    let kind = sev.kinds.find((k) => k.kind === f.kind);
    if (!kind) sev.kinds.push((kind = { kind: f.kind, findings: [], open: 0 }));
    const isOpen = !acceptanceFor(settings, f);
    kind.findings.push(f);
    sev.count++;
    if (isOpen) {
      kind.open++;
      sev.open++;
    }
  }
  return groups;
}

/** Settings with one acceptance added (or replaced) or removed. */
export function withAcceptance(settings: Settings, f: Finding, reason: string | null): Settings {
  const key = findingKey(f);
  const others = settings.acceptances.filter((a) => findingKey(a) !== key);
  const acceptances = reason === null ? others : [...others, { rule: f.rule, sheet: f.sheet, cell: f.cell, reason }];
  return { ...settings, acceptances };
}
