// Texts of the "Regio-overzicht" panel, Dutch and English.

import type { Lang } from './strings';

const nl = {
  tab: 'Regio',
  heading: 'Regio-overzicht',
  intro: 'Kies de werkmappen van aanbieders of gemeenten. Toetsblad controleert ze hier, op deze computer (er wordt niets verstuurd), en schrijft de bladen "TB Regio …" in deze werkmap.',
  pick: 'Werkmappen kiezen',
  picked: (n: number) => (n === 1 ? '1 werkmap gekozen' : `${n} werkmappen gekozen`),
  run: 'Regio-overzicht maken',
  cancel: 'Annuleren',
  phase: { files: 'Werkmappen controleren', read: 'Deze werkmap lezen', write: 'Bladen schrijven' } as Record<'files' | 'read' | 'write', string>,
  progress: (done: number, total: number) => `${done} van ${total}`,
  done: (counting: number, total: number) => `Klaar: ${counting} van ${total} werkmappen tellen mee in het regio-overzicht.`,
  cancelled: 'Geannuleerd. Er is niets half geschreven.',
  failed: (why: string) => `Het regio-overzicht is niet geschreven: ${why}`,
  sources: 'Bronnen',
  status: { checked: 'Gecontroleerd', partial: 'Gedeeltelijk', unreadable: 'Onleesbaar' } as Record<string, string>,
  notCounted: 'telt niet mee',
  findings: (n: number) => (n === 1 ? '1 regionale bevinding' : `${n} regionale bevindingen`),
  open: (sheet: string) => `Naar ${sheet}`,
};

const en: typeof nl = {
  tab: 'Region',
  heading: 'Regional overview',
  intro: 'Pick the workbooks of providers or municipalities. Toetsblad checks them here, on this computer (nothing is sent anywhere), and writes the "TB Regio …" sheets into this workbook.',
  pick: 'Pick workbooks',
  picked: (n: number) => (n === 1 ? '1 workbook picked' : `${n} workbooks picked`),
  run: 'Build regional overview',
  cancel: 'Cancel',
  phase: { files: 'Checking workbooks', read: 'Reading this workbook', write: 'Writing sheets' },
  progress: (done: number, total: number) => `${done} of ${total}`,
  done: (counting: number, total: number) => `Done: ${counting} of ${total} workbooks count in the regional overview.`,
  cancelled: 'Cancelled. Nothing was half written.',
  failed: (why: string) => `The regional overview was not written: ${why}`,
  sources: 'Sources',
  status: { checked: 'Checked', partial: 'Partly checked', unreadable: 'Unreadable' },
  notCounted: 'not counted',
  findings: (n: number) => (n === 1 ? '1 regional finding' : `${n} regional findings`),
  open: (sheet: string) => `Go to ${sheet}`,
};

export const REGIO_STRINGS: Record<Lang, typeof nl> = { nl, en };
export type RegioStrings = typeof nl;
