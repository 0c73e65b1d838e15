// workbook.xml edits for presentation: which tab the workbook opens on, the
// print names of the generated sheets.

import { UnsupportedPackageError } from '../package';

/** Set activeTab on the first workbook view (creating <bookViews> when there is none). P: the workbook's element prefix ("x:" or ""). */
export function activateSheet(xml: string, index: number, P = ''): string {
  if (index < 0) return xml;
  const view = new RegExp(`<${P}workbookView\\b[^>]*?\\/?>`).exec(xml);
  if (view) {
    const tag = view[0].replace(/\s(activeTab|firstSheet)\s*=\s*("\d*"|'\d*')/g, '').replace(new RegExp(`^<${P}workbookView\\b`), `<${P}workbookView activeTab="${index}"`);
    return xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
  }
  const sheets = xml.search(new RegExp(`<${P}sheets\\b`));
  if (sheets < 0) throw new UnsupportedPackageError('workbook.xml zonder <sheets>');
  return `${xml.slice(0, sheets)}<${P}bookViews><${P}workbookView activeTab="${index}"/></${P}bookViews>${xml.slice(sheets)}`;
}

/** Add <definedName> elements (creating <definedNames> after sheets/functionGroups/externalReferences). */
export function addDefinedNames(xml: string, names: string[], P = ''): string {
  if (names.length === 0) return xml;
  const items = names.map((n) => n.replace(/<(\/?)definedName\b/g, `<$1${P}definedName`)).join('');
  const empty = new RegExp(`<${P}definedNames\\s*\\/>`);
  if (empty.test(xml)) return xml.replace(empty, `<${P}definedNames>${items}</${P}definedNames>`);
  if (xml.includes(`</${P}definedNames>`)) return xml.replace(`</${P}definedNames>`, `${items}</${P}definedNames>`);
  for (const after of [`</${P}externalReferences>`, `</${P}functionGroups>`, `<${P}functionGroups/>`, `</${P}sheets>`]) {
    const i = xml.indexOf(after);
    if (i >= 0) return `${xml.slice(0, i + after.length)}<${P}definedNames>${items}</${P}definedNames>${xml.slice(i + after.length)}`;
  }
  throw new UnsupportedPackageError('workbook.xml zonder <sheets>');
}

/** Drop the print area and print titles local to the given sheet positions (they are written anew). */
export function withoutPrintNames(xml: string, localIds: Set<number>): string {
  if (localIds.size === 0) return xml;
  return xml.replace(/<([\w.-]+:)?definedName\b([^>]*)>[\s\S]*?<\/([\w.-]+:)?definedName>/g, (whole, _p, head: string) => {
    const name = /\sname\s*=\s*"([^"]*)"/.exec(head)?.[1];
    const local = /\slocalSheetId\s*=\s*"(\d+)"/.exec(head)?.[1];
    return (name === '_xlnm.Print_Area' || name === '_xlnm.Print_Titles') && local !== undefined && localIds.has(Number(local)) ? '' : whole;
  });
}

/** Whether a worksheet's first views mark it as a selected tab (read only: user parts are never edited). */
export function hasTabSelected(sheetXml: string): boolean {
  const views = /<([\w.-]+:)?sheetViews\b[\s\S]*?<\/([\w.-]+:)?sheetViews>/.exec(sheetXml.slice(0, 65_536));
  return !!views && / tabSelected\s*=\s*["'](1|true)["']/.test(views[0]);
}
