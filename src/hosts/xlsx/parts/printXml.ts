// Print settings in SpreadsheetML: the worksheet's own elements (page
// setup, header/footer, page breaks) and the workbook-level defined names
// for print titles and print area.

import type { PageSetup } from '../../../core/plan/plan';
import { columnLetters, parseRange, quoteSheet } from '../../../core/workbook/address';
import { escapeText } from '../xml';

/** <pageSetUpPr> inside <sheetPr>: scale to fit the page counts below. */
export function fitToPageXml(setup: PageSetup | undefined): string {
  return setup && (setup.fitToWidth > 0 || setup.fitToHeight > 0) ? '<pageSetUpPr fitToPage="1"/>' : '';
}

/** printOptions … rowBreaks, in the order the schema wants them (after hyperlinks). */
export function printElementsXml(setup: PageSetup | undefined): string {
  if (!setup) return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const out: string[] = [];
  out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.25" footer="0.25"/>');
  out.push(`<pageSetup paperSize="9" orientation="${setup.orientation}" fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"/>`);
  if (setup.header || setup.footer) {
    out.push(
      `<headerFooter>${setup.header ? `<oddHeader>${escapeText(setup.header)}</oddHeader>` : ''}${setup.footer ? `<oddFooter>${escapeText(setup.footer)}</oddFooter>` : ''}</headerFooter>`,
    );
  }
  if (setup.rowBreaks.length) {
    // A break with id n falls between (1-based) rows n and n+1: the 0-based row a page starts at.
    const brks = setup.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('');
    out.push(`<rowBreaks count="${setup.rowBreaks.length}" manualBreakCount="${setup.rowBreaks.length}">${brks}</rowBreaks>`);
  }
  return out.join('');
}

/** _xlnm.Print_Titles and _xlnm.Print_Area for the sheet at `index` in workbook order. */
export function printDefinedNames(sheet: string, index: number, setup: PageSetup | undefined): string[] {
  if (!setup) return [];
  const q = quoteSheet(sheet);
  const out: string[] = [];
  if (setup.printArea) {
    const r = parseRange(setup.printArea);
    const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
    out.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeText(`${q}!${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`)}</definedName>`);
  }
  if (setup.printTitleRows) {
    const { first, last } = setup.printTitleRows;
    out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(`${q}!$${first + 1}:$${last + 1}`)}</definedName>`);
  }
  return out;
}
