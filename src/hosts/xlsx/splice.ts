// Writes a report by splicing: every part of the input package is copied as
// its original compressed bytes, except the few workbook-level parts that
// must list the new sheets (workbook.xml, its relationships, content types,
// styles). Toetsblad's generated sheets are rendered straight from the plan
// and added; old generated sheets with the same names are dropped.

import type { Plan } from '../../core/plan/plan';
import type { PackageSheet, XlsxPackage } from './package';
import { readRels, relsPartFor, REL_TYPES, UnsupportedPackageError } from './package';
import { renderSheetXml } from './sheetXml';
import { StyleAppender } from './styles';
import type { OutEntry } from './zip';
import { entryText, writeZip } from './zip';
import { attr, escapeAttr } from './xml';
import { CHART_CT, CHART_REL, renderChartXml } from './parts/chartXml';
import { DRAWING_CT, DRAWING_REL, renderDrawingRels, renderDrawingXml, renderSheetDrawingRels } from './parts/drawingXml';
import { printDefinedNames } from './parts/printXml';
import { activateSheet, addDefinedNames, withoutTabSelected } from './parts/workbookViews';

const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * Old generated sheets may only have hyperlink relationships and the drawing
 * with charts Toetsblad gave them: anything else might be shared with a user part.
 * Returns the parts that go with the sheet (its drawing, the drawing's charts).
 */
function droppableParts(pkg: XlsxPackage, sheet: PackageSheet): string[] {
  const parts: string[] = [];
  for (const rel of readRels(pkg.zip, sheet.part)) {
    if (rel.type === HYPERLINK_REL) continue;
    if (rel.type === DRAWING_REL && !rel.external) {
      const charts = readRels(pkg.zip, rel.target);
      if (charts.some((c) => c.type !== CHART_REL || c.external)) throw new UnsupportedPackageError(`blad ${sheet.name} heeft een tekening met andere onderdelen dan grafieken`);
      parts.push(rel.target, relsPartFor(rel.target));
      for (const c of charts) parts.push(c.target, relsPartFor(c.target));
      continue;
    }
    throw new UnsupportedPackageError(`blad ${sheet.name} heeft een ${rel.type.split('/').pop()}-onderdeel`);
  }
  return parts;
}

/** Renumber localSheetId in defined names after sheets were removed; names local to a removed sheet go. */
function fixDefinedNames(xml: string, removedIndexes: Set<number>, sheetCount: number): string {
  if (removedIndexes.size === 0) return xml;
  const newIndex: (number | null)[] = [];
  let n = 0;
  for (let i = 0; i < sheetCount; i++) newIndex.push(removedIndexes.has(i) ? null : n++);
  return xml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, head: string) => {
    const local = attr(`<x${head}>`, 'localSheetId');
    if (local === undefined) return whole;
    const to = newIndex[Number(local)];
    if (to === null || to === undefined) return '';
    return whole.replace(/localSheetId="\d+"/, `localSheetId="${to}"`);
  });
}

function setCalcOnLoad(xml: string): string {
  const calc = /<calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) {
    const tag = calc[0];
    const updated = / fullCalcOnLoad="[^"]*"/.test(tag)
      ? tag.replace(/ fullCalcOnLoad="[^"]*"/, ' fullCalcOnLoad="1"')
      : tag.replace(/^<calcPr\b/, '<calcPr fullCalcOnLoad="1"');
    return xml.slice(0, calc.index) + updated + xml.slice(calc.index + tag.length);
  }
  // calcPr follows sheets, functionGroups, externalReferences and definedNames.
  for (const after of ['</definedNames>', '<definedNames/>', '</externalReferences>', '</functionGroups>', '</sheets>']) {
    const i = xml.indexOf(after);
    if (i >= 0) return `${xml.slice(0, i + after.length)}<calcPr fullCalcOnLoad="1"/>${xml.slice(i + after.length)}`;
  }
  throw new UnsupportedPackageError('workbook.xml zonder <sheets>');
}

function resetActiveTab(xml: string): string {
  return xml.replace(/<workbookView\b[^>]*>/g, (tag) => tag.replace(/ (activeTab|firstSheet)="\d+"/g, ''));
}

const SST_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** Appends one empty string to the shared-string table, only when a generated cell needs it. */
class EmptyStringSlot {
  private slot: number | null = null;
  private uses = 0;
  private readonly xml: string | null;

  constructor(pkg: XlsxPackage) {
    this.xml = pkg.sharedStringsPart && pkg.zip.entries.has(pkg.sharedStringsPart) ? entryText(pkg.zip, pkg.sharedStringsPart) : null;
  }

  index(): number {
    this.uses++;
    if (this.slot === null) this.slot = this.xml ? (this.xml.match(/<si\b/g) ?? []).length : 0;
    return this.slot;
  }

  /** The new table, or null when nothing needed it. */
  result(): string | null {
    if (this.slot === null) return null;
    if (this.xml === null) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="1"><si><t></t></si></sst>`;
    }
    const head = /<sst\b[^>]*?(\/?)>/.exec(this.xml);
    if (!head) throw new UnsupportedPackageError('sharedStrings.xml zonder <sst>');
    const count = Number(attr(head[0], 'count') ?? this.slot) + this.uses;
    let tag = head[0].replace(/\s(count|uniqueCount)="\d*"/g, '').replace(/\/?>$/, '');
    tag += ` count="${count}" uniqueCount="${this.slot + 1}">`;
    if (head[1] === '/') return `${this.xml.slice(0, head.index)}${tag}<si><t></t></si></sst>${this.xml.slice(head.index + head[0].length)}`;
    const close = this.xml.lastIndexOf('</sst>');
    return `${this.xml.slice(0, head.index)}${tag}${this.xml.slice(head.index + head[0].length, close)}<si><t></t></si>${this.xml.slice(close)}`;
  }
}

function nextFree(prefix: string, suffix: string, taken: (name: string) => boolean, start = 1): string {
  for (let i = start; ; i++) if (!taken(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
}

export function spliceReport(pkg: XlsxPackage, plan: Plan): Buffer {
  const { zip } = pkg;
  if (!pkg.stylesPart || !zip.entries.has(pkg.stylesPart)) throw new UnsupportedPackageError('werkmap zonder styles.xml');
  const replace = new Set([...plan.removeSheets, ...plan.sheets.map((s) => s.name)]);
  const removed = pkg.sheets.filter((s) => replace.has(s.name));
  const droppedWith = removed.flatMap((s) => droppableParts(pkg, s));
  // Excel compares sheet names without case; a clash would make the file unreadable.
  const kept = new Set(pkg.sheets.filter((s) => !replace.has(s.name)).map((s) => s.name.toLowerCase()));
  const clash = plan.sheets.find((s) => kept.has(s.name.toLowerCase()));
  if (clash) throw new UnsupportedPackageError(`bladnaam ${clash.name} bestaat al (hoofdletters daargelaten)`);
  const removedIndexes = new Set(removed.map((s) => pkg.sheets.indexOf(s)));
  const droppedParts = new Set<string>();
  for (const s of removed) {
    droppedParts.add(s.part);
    droppedParts.add(relsPartFor(s.part));
  }
  for (const p of droppedWith) droppedParts.add(p);
  // The calculation chain lists cells of removed sheets; Excel rebuilds it when it is absent.
  const calcChain = pkg.rels.filter((r) => r.type === REL_TYPES.calcChain);
  for (const r of calcChain) droppedParts.add(r.target);
  const droppedRelIds = new Set([...removed.map((s) => s.rId), ...calcChain.map((r) => r.id)]);

  // New sheets: parts, relationship ids and sheet ids that do not collide.
  const styles = new StyleAppender(entryText(zip, pkg.stylesPart));
  const usedParts = (name: string) => zip.entries.has(name) && !droppedParts.has(name);
  const relIds = new Set(pkg.rels.map((r) => r.id));
  let maxSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const strings = new EmptyStringSlot(pkg);
  const ctx = { styles, emptyString: () => strings.index() };
  const added: { name: string; part: string; rId: string; sheetId: number; hidden: boolean; xml: string }[] = [];
  const newParts = new Set<string>();
  const free = (prefix: string) => {
    const part = nextFree(prefix, '.xml', (n) => usedParts(n) || newParts.has(n));
    newParts.add(part);
    return part;
  };
  // Charts: a drawing part per sheet that has charts, and a chart part per chart.
  const extraParts: { part: string; xml: string; contentType?: string }[] = [];
  const activeSheet = plan.activeSheet && !plan.sheets.find((s) => s.name === plan.activeSheet)?.hidden ? plan.activeSheet : undefined;
  for (const spec of plan.sheets) {
    const part = free('xl/worksheets/sheet');
    const rId = nextFree('rIdTb', '', (n) => relIds.has(n));
    relIds.add(rId);
    let drawingRelId: string | undefined;
    if (spec.charts?.length) {
      const drawing = free('xl/drawings/drawing');
      const chartParts = spec.charts.map((chart) => {
        const chartPart = free('xl/charts/chart');
        extraParts.push({ part: chartPart, xml: renderChartXml(chart), contentType: CHART_CT });
        return chartPart;
      });
      extraParts.push({ part: drawing, xml: renderDrawingXml(spec.charts), contentType: DRAWING_CT });
      extraParts.push({ part: relsPartFor(drawing), xml: renderDrawingRels(chartParts) });
      drawingRelId = 'rId1';
      extraParts.push({ part: relsPartFor(part), xml: renderSheetDrawingRels(drawing, drawingRelId) });
    }
    const xml = renderSheetXml(spec, ctx, { selected: spec.name === activeSheet, drawingRelId });
    added.push({ name: spec.name, part, rId, sheetId: ++maxSheetId, hidden: Boolean(spec.hidden), xml });
  }

  // workbook.xml
  let wbXml = pkg.workbookXml;
  for (const s of removed) wbXml = wbXml.replace(s.element, '');
  const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rPrefix = / xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(wbXml.slice(0, wbXml.indexOf('>', wbXml.indexOf('<workbook'))))?.[1];
  const sheetEls = added
    .map((a) => {
      const rid = rPrefix ? `${rPrefix}:id="${a.rId}"` : `xmlns:r="${R_NS}" r:id="${a.rId}"`;
      return `<sheet name="${escapeAttr(a.name)}" sheetId="${a.sheetId}"${a.hidden ? ' state="hidden"' : ''} ${rid}/>`;
    })
    .join('');
  if (/<sheets\s*\/>/.test(wbXml)) wbXml = wbXml.replace(/<sheets\s*\/>/, `<sheets>${sheetEls}</sheets>`);
  else if (wbXml.includes('</sheets>')) wbXml = wbXml.replace('</sheets>', `${sheetEls}</sheets>`);
  else throw new UnsupportedPackageError('workbook.xml zonder <sheets>');
  wbXml = fixDefinedNames(wbXml, removedIndexes, pkg.sheets.length);
  if (removed.length) wbXml = resetActiveTab(wbXml);
  const keptCount = pkg.sheets.length - removed.length;
  wbXml = addDefinedNames(wbXml, plan.sheets.flatMap((spec, i) => printDefinedNames(spec.name, keptCount + i, spec.pageSetup)));
  // The workbook opens on the overview; a user sheet that was selected is no longer (two selected tabs would group them).
  const reselected = new Map<string, string>();
  if (activeSheet) {
    wbXml = activateSheet(wbXml, keptCount + plan.sheets.findIndex((s) => s.name === activeSheet));
    for (const s of pkg.sheets) {
      if (removed.includes(s) || !zip.entries.has(s.part)) continue;
      const xml = entryText(zip, s.part);
      const cleared = withoutTabSelected(xml);
      if (cleared !== xml) reselected.set(s.part, cleared);
    }
  }
  wbXml = setCalcOnLoad(wbXml);

  // Workbook relationships.
  let relsXml = entryText(zip, pkg.workbookRelsPart);
  relsXml = relsXml.replace(/<Relationship\b[^>]*?\/>/g, (tag) => (droppedRelIds.has(attr(tag, 'Id') ?? '') ? '' : tag));
  relsXml = relsXml.replace(
    '</Relationships>',
    `${added.map((a) => `<Relationship Id="${a.rId}" Type="${REL_TYPES.worksheet}" Target="/${a.part}"/>`).join('')}</Relationships>`,
  );

  // Content types.
  let ctXml = entryText(zip, '[Content_Types].xml');
  ctXml = ctXml.replace(/<Override\b[^>]*?\/>/g, (tag) => (droppedParts.has((attr(tag, 'PartName') ?? '').replace(/^\//, '')) ? '' : tag));
  ctXml = ctXml.replace(
    '</Types>',
    `${added.map((a) => `<Override PartName="/${a.part}" ContentType="${WORKSHEET_CT}"/>`).join('')}${extraParts
      .filter((p) => p.contentType)
      .map((p) => `<Override PartName="/${p.part}" ContentType="${p.contentType}"/>`)
      .join('')}</Types>`,
  );

  const stylesXml = styles.result();
  const replaced = new Map<string, string>([
    [pkg.workbookPart, wbXml],
    [pkg.workbookRelsPart, relsXml],
    ['[Content_Types].xml', ctXml],
    [pkg.stylesPart, stylesXml],
    ...reselected,
  ]);
  const sst = strings.result();
  if (sst && pkg.sharedStringsPart) replaced.set(pkg.sharedStringsPart, sst);
  else if (sst) {
    // No shared-string table yet: add one, with its relationship and content type.
    const part = zip.entries.has('xl/sharedStrings.xml') ? nextFree('xl/sharedStrings', '.xml', (n) => zip.entries.has(n)) : 'xl/sharedStrings.xml';
    const rId = nextFree('rIdTb', '', (n) => relIds.has(n));
    replaced.set(pkg.workbookRelsPart, relsXml.replace('</Relationships>', `<Relationship Id="${rId}" Type="${REL_TYPES.sharedStrings}" Target="/${part}"/></Relationships>`));
    replaced.set('[Content_Types].xml', ctXml.replace('</Types>', `<Override PartName="/${part}" ContentType="${SST_CT}"/></Types>`));
    added.push({ name: '', part, rId, sheetId: 0, hidden: false, xml: sst });
  }
  const out: OutEntry[] = [];
  for (const name of zip.order) {
    if (droppedParts.has(name)) continue;
    const text = replaced.get(name);
    out.push(text !== undefined ? { name, data: text } : { name, copyFrom: zip });
  }
  for (const a of added) out.push({ name: a.part, data: a.xml });
  for (const p of extraParts) out.push({ name: p.part, data: p.xml });
  return writeZip(out);
}
