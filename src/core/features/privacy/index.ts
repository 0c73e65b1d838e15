// The privacy feature: points out columns that hold personal data (BSN,
// birth dates, names, addresses, contact details) so they can be removed or
// pseudonymised before a workbook is shared. It never copies a value: the
// findings name the column and count, nothing more. No generated sheet.

import type { Finding, Severity } from '../../findings/finding';
import type { Detection, Feature, FeatureOutput } from '../feature';
import { emptyOutput } from '../feature';
import type { PersonalColumn } from './detect';
import { columnCell, columnName, columnRange, personalColumns } from './detect';
import { CATEGORY_LABEL } from './headers';
import type { PersonalCategory } from './headers';

export const PRIVACY_KIND = 'personal-data';

const SEVERITY: Record<PersonalCategory, Severity> = { bsn: 'error', birthDate: 'warning', name: 'warning', address: 'warning', contact: 'warning' };

const ADVICE: Record<PersonalCategory, string> = {
  bsn: 'Verwijder deze kolom of vervang het BSN door een eigen dossiernummer (pseudonimiseren) voordat u de werkmap deelt.',
  birthDate: 'Verwijder deze kolom of vervang de geboortedatum door een leeftijdsklasse voordat u de werkmap deelt.',
  name: 'Verwijder deze kolom of vervang de namen door dossiernummers (pseudonimiseren) voordat u de werkmap deelt.',
  address: 'Verwijder deze kolom of beperk hem tot wijk of postcodegebied (4 cijfers) voordat u de werkmap deelt.',
  contact: 'Verwijder deze kolom voordat u de werkmap deelt.',
};

function why(p: PersonalColumn): string {
  const n = p.count;
  if (p.category === 'bsn') {
    if (p.basis === 'header') return `de kop noemt een BSN`;
    return `${n} ${n === 1 ? 'waarde doorstaat' : 'waarden doorstaan'} de elfproef voor burgerservicenummers`;
  }
  if (p.category === 'birthDate' && p.basis === 'values') return `${n} datums verspreid over ${p.spreadYears} jaar, zoals bij geboortedata`;
  return 'op grond van de kop';
}

export function privacyFinding(p: PersonalColumn): Finding {
  const col = `Kolom ${columnName(p)}${p.header ? ` ("${p.header}")` : ''}`;
  return {
    rule: `privacy.${p.category === 'birthDate' ? 'birth-date' : p.category}-column`,
    severity: SEVERITY[p.category],
    kind: 'privacy',
    sheet: p.sheet,
    cell: columnCell(p),
    message: `${col} op blad "${p.sheet}" bevat ${CATEGORY_LABEL[p.category]} (${why(p)}). Dit zijn persoonsgegevens. ${ADVICE[p.category]}`,
  };
}

function detection(p: PersonalColumn): Detection {
  return {
    feature: 'privacy',
    kind: PRIVACY_KIND,
    sheet: p.sheet,
    range: columnRange(p),
    headerRow: p.row + 1,
    confidence: p.basis === 'header' ? 0.8 : 1,
    columns: { [p.category]: columnName(p) },
    fields: Object.keys(CATEGORY_LABEL),
  };
}

export const privacyFeature: Feature = {
  id: 'privacy',
  label: { nl: 'Privacy', en: 'Privacy' },
  settings: [],
  detect: (ctx) => personalColumns(ctx.wb).map(detection),
  run(ctx): FeatureOutput {
    const out = emptyOutput();
    const found = personalColumns(ctx.wb);
    out.findings = found.map(privacyFinding);
    out.detections = found.map(detection);
    return out;
  },
};
