// Print setup of a generated sheet through Office.js (ExcelApi 1.9): A4,
// orientation, fit to pages, print titles and area, header/footer, page
// breaks. Setting these is idempotent; old page breaks are removed first.

import type { PageSetup } from '../../core/plan/plan';
import { a1 } from '../../core/workbook/address';

/** Splits an Excel header/footer string ("&Lleft&Ccentre&Rright") into its three sections. */
export function headerSections(text: string | undefined): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  if (!text) return out;
  let current: keyof typeof out = 'center';
  let i = 0;
  while (i < text.length) {
    const code = text.slice(i, i + 2);
    if (code === '&L' || code === '&C' || code === '&R') {
      current = code === '&L' ? 'left' : code === '&C' ? 'center' : 'right';
      i += 2;
      continue;
    }
    if (code === '&&') {
      out[current] += '&&';
      i += 2;
      continue;
    }
    out[current] += text[i++];
  }
  return out;
}

export function applyPageLayout(ws: Excel.Worksheet, setup: PageSetup): void {
  const layout = ws.pageLayout;
  layout.paperSize = 'A4' as Excel.PaperType;
  layout.orientation = (setup.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  layout.centerHorizontally = true;
  if (setup.fitToWidth > 0 || setup.fitToHeight > 0) {
    layout.zoom = {
      ...(setup.fitToWidth > 0 ? { horizontalFitToPages: setup.fitToWidth } : {}),
      ...(setup.fitToHeight > 0 ? { verticalFitToPages: setup.fitToHeight } : {}),
    };
  }
  if (setup.printArea) layout.setPrintArea(setup.printArea);
  if (setup.printTitleRows) layout.setPrintTitleRows(`$${setup.printTitleRows.first + 1}:$${setup.printTitleRows.last + 1}`);
  const pages = layout.headersFooters.defaultForAllPages;
  const head = headerSections(setup.header);
  const foot = headerSections(setup.footer);
  pages.leftHeader = head.left;
  pages.centerHeader = head.center;
  pages.rightHeader = head.right;
  pages.leftFooter = foot.left;
  pages.centerFooter = foot.center;
  pages.rightFooter = foot.right;
  ws.horizontalPageBreaks.removePageBreaks();
  for (const row of setup.rowBreaks) ws.horizontalPageBreaks.add(a1(row, 0));
}
