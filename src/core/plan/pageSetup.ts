// Print defaults every generated sheet gets: A4 landscape, one page wide,
// the table header repeated on every page, a print area over what is
// written, and a header and footer that say which report and which page.

import { a1 } from '../workbook/address';
import type { PageSetup, Plan, SheetSpec } from './plan';

/** Excel header/footer codes need '&' doubled in literal text. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** "1 december 2026": the date of the run, written into the footer. */
export function dutchDate(d: Date): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function printSetup(spec: SheetSpec, runDate: Date): PageSetup {
  const own = spec.pageSetup;
  const maxRow = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  let maxCol = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  for (const ch of spec.charts ?? []) maxCol = Math.max(maxCol, ch.to.col - 1);
  let lastRow = maxRow;
  for (const ch of spec.charts ?? []) lastRow = Math.max(lastRow, ch.to.row - 1);
  // Below frozen rows, the last frozen row is the table header: it repeats on every printed page.
  const headerRow = spec.freeze && spec.freeze.rows > 0 ? spec.freeze.rows - 1 : -1;
  const derived = headerRow >= 0 && spec.cells.some((c) => c.row === headerRow && c.v !== null && c.v !== undefined && c.v !== '') ? { first: headerRow, last: headerRow } : undefined;
  const titles = own?.printTitleRows ?? derived;
  return {
    orientation: own?.orientation ?? 'landscape',
    fitToWidth: own?.fitToWidth ?? 1,
    fitToHeight: own?.fitToHeight ?? 0,
    printTitleRows: titles,
    printArea: own?.printArea ?? `A1:${a1(lastRow, maxCol)}`,
    header: own?.header ?? `&L&"-,Bold"${literal(spec.name)}&R&F`,
    footer: own?.footer ?? `&LToetsblad, ${literal(dutchDate(runDate))}&Cpagina &P van &N&R&A`,
    rowBreaks: [...new Set(own?.rowBreaks ?? [])].filter((r) => r > 0 && r <= lastRow).sort((a, b) => a - b),
  };
}

/** Every sheet of the plan with its print setup filled in. */
export function withPrintSetup(plan: Plan, runDate: Date): Plan {
  return { ...plan, sheets: plan.sheets.map((s) => ({ ...s, pageSetup: printSetup(s, runDate) })) };
}
