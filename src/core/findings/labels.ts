// Dutch names of severities and finding kinds: the words on the findings
// sheet, in the command line's summary and in the Dutch task pane.

import type { FindingKind, Severity } from './finding';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Fout', warning: 'Waarschuwing', info: 'Info' };

export const KIND_LABEL: Record<FindingKind, string> = {
  risk: 'Risico',
  budget: 'Begroting',
  norm: 'Norm',
  indicator: 'Indicator',
  privacy: 'Privacy',
  input: 'Invoer',
  mapping: 'Toewijzing',
};
