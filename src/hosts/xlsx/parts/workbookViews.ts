// workbook.xml edits for presentation: which tab the workbook opens on, the
// print names of the generated sheets, and clearing a user sheet's "selected
// tab" flag (view state only) so the opening tab is the one selected.

import { UnsupportedPackageError } from '../package';

/** Set activeTab on the first workbook view (creating <bookViews> when there is none). */
export function activateSheet(xml: string, index: number): string {
  if (index < 0) return xml;
  const view = /<workbookView\b[^>]*?\/?>/.exec(xml);
  if (view) {
    const tag = view[0].replace(/ (activeTab|firstSheet)="\d+"/g, '').replace(/^<workbookView\b/, `<workbookView activeTab="${index}"`);
    return xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
  }
  const sheets = xml.search(/<sheets\b/);
  if (sheets < 0) throw new UnsupportedPackageError('workbook.xml zonder <sheets>');
  return `${xml.slice(0, sheets)}<bookViews><workbookView activeTab="${index}"/></bookViews>${xml.slice(sheets)}`;
}

/** Add <definedName> elements (creating <definedNames> after sheets/functionGroups/externalReferences). */
export function addDefinedNames(xml: string, names: string[]): string {
  if (names.length === 0) return xml;
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${names.join('')}</definedNames>`);
  if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', `${names.join('')}</definedNames>`);
  for (const after of ['</externalReferences>', '</functionGroups>', '<functionGroups/>', '</sheets>']) {
    const i = xml.indexOf(after);
    if (i >= 0) return `${xml.slice(0, i + after.length)}<definedNames>${names.join('')}</definedNames>${xml.slice(i + after.length)}`;
  }
  throw new UnsupportedPackageError('workbook.xml zonder <sheets>');
}

/** A worksheet's XML without tabSelected="1" on its views; the same string when there is none. */
export function withoutTabSelected(sheetXml: string): string {
  const views = /<sheetViews\b[\s\S]*?<\/sheetViews>/.exec(sheetXml);
  if (!views || !/ tabSelected="(1|true)"/.test(views[0])) return sheetXml;
  const cleared = views[0].replace(/ tabSelected="(1|true)"/g, '');
  return sheetXml.slice(0, views.index) + cleared + sheetXml.slice(views.index + views[0].length);
}
