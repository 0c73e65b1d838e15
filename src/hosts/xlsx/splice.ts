// Writes a report by splicing: every part of the input package is copied as
// its original compressed bytes, except the few workbook-level parts that
// must list the generated sheets (workbook part and its relationships,
// content types), styles and shared strings (only appended to), and the
// calculation chain (dropped; Excel rebuilds it). A generated sheet that is
// already in the workbook is regenerated in place: same part, relationship,
// sheet id and position, so a user's formula that points at it keeps working.
// Whatever cannot be done this way is refused with a Dutch reason; there is
// no lossy rewrite.

import type { Plan, SheetSpec } from '../../core/plan/plan';
import type { ZipCodec } from './codec';
import { encodeXml } from './bytes';
import type { TextEncoding } from './bytes';
import type { PackageSheet, XlsxPackage } from './package';
import { NS, partText, readRels, relsPartFor, relType, UnsupportedPackageError } from './package';
import type { SheetPlacement } from './sheetXml';
import { renderSheetXml } from './sheetXml';
import { minimalStylesXml, StyleAppender } from './styles';
import type { OutEntry } from './zipWrite';
import { writeZip } from './zipWrite';
import { attrs, element, elements, escapeAttr, rootPrefix, stringItemText, withPrefix } from './xml';
import { CHART_CT, renderChartXml } from './parts/chartXml';
import { DRAWING_CT, renderDrawingRels, renderDrawingXml, renderSheetDrawingRels } from './parts/drawingXml';
import { printDefinedNames } from './parts/printXml';
import { activateSheet, addDefinedNames, hasTabSelected, withoutPrintNames } from './parts/workbookViews';

const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const SST_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/**
 * A generated sheet is replaced only when nothing else hangs off it (hyperlinks aside, and the drawing
 * with charts Toetsblad gave it): anything else might be a user's. Returns the drawing and chart parts
 * that go with the sheet.
 */
function assertReplaceable(pkg: XlsxPackage, sheet: PackageSheet): string[] {
  if (sheet.kind !== 'worksheet' || !sheet.part) throw new UnsupportedPackageError(`blad "${sheet.name}" is geen gewoon werkblad`);
  const parts: string[] = [];
  for (const rel of readRels(pkg.zip, sheet.part)) {
    if (rel.kind === 'hyperlink') continue;
    if (rel.kind === 'drawing' && !rel.external && pkg.zip.has(rel.target)) {
      const inner = readRels(pkg.zip, rel.target);
      if (inner.every((c) => c.kind === 'chart' && !c.external)) {
        parts.push(rel.target, relsPartFor(rel.target));
        for (const c of inner) parts.push(c.target, relsPartFor(c.target));
        continue;
      }
    }
    throw new UnsupportedPackageError(`blad "${sheet.name}" heeft een eigen ${rel.kind}-onderdeel (zelf toegevoegd?); verwijder dat of hernoem het blad`);
  }
  return parts;
}

/** Renumber localSheetId in defined names after sheets were removed; names local to a removed sheet go. */
function fixDefinedNames(xml: string, removedIndexes: Set<number>, sheetCount: number): string {
  if (removedIndexes.size === 0) return xml;
  const newIndex: (number | null)[] = [];
  let n = 0;
  for (let i = 0; i < sheetCount; i++) newIndex.push(removedIndexes.has(i) ? null : n++);
  const edits: [number, number, string][] = [];
  for (const d of elements(xml, 'definedName')) {
    const local = attrs(d.tag).localSheetId;
    if (local === undefined) continue;
    const to = newIndex[Number(local)];
    edits.push([d.index, d.index + d.whole.length, to === null || to === undefined ? '' : d.whole.replace(/localSheetId\s*=\s*("\d+"|'\d+')/, `localSheetId="${to}"`)]);
  }
  return applyEdits(xml, edits);
}

function applyEdits(xml: string, edits: [from: number, to: number, text: string][]): string {
  let out = xml;
  for (const [from, to, text] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + text + out.slice(to);
  return out;
}

function setCalcOnLoad(xml: string, P: string): string {
  const calc = element(xml, 'calcPr');
  if (calc) {
    const tag = calc.tag;
    const updated = /\sfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/.test(tag)
      ? tag.replace(/(\s)fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, '$1fullCalcOnLoad="1"')
      : tag.replace(/^<([\w.:-]+)/, '<$1 fullCalcOnLoad="1"');
    return xml.slice(0, calc.index) + updated + xml.slice(calc.index + tag.length);
  }
  // calcPr follows sheets, functionGroups, externalReferences and definedNames.
  const after = ['sheets', 'functionGroups', 'externalReferences', 'definedNames']
    .map((t) => element(xml, t))
    .filter((e) => e !== null)
    .map((e) => e!.index + e!.whole.length);
  if (!after.length) throw new UnsupportedPackageError('de werkmap heeft geen lijst van bladen');
  const at = Math.max(...after);
  return `${xml.slice(0, at)}<${P}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

function resetActiveTab(xml: string): string {
  const edits: [number, number, string][] = [];
  for (const v of elements(xml, 'workbookView')) edits.push([v.index, v.index + v.tag.length, v.tag.replace(/\s(activeTab|firstSheet)\s*=\s*("\d+"|'\d+')/g, '')]);
  return applyEdits(xml, edits);
}

/** Where the empty string lives in the shared-string table: an existing empty item, or one appended when a generated cell needs it. */
class EmptyStringSlot {
  private slot: number | null = null;
  private appended = false;
  private uses = 0;

  constructor(private readonly xml: string | null) {}

  index(): number {
    this.uses++;
    if (this.slot !== null) return this.slot;
    if (this.xml === null) {
      this.appended = true;
      return (this.slot = 0);
    }
    const items = [...elements(this.xml, 'si')];
    const empty = items.findIndex((si) => si.body === null || stringItemText(si.body) === '');
    this.appended = empty < 0;
    return (this.slot = empty < 0 ? items.length : empty);
  }

  /** The new table, or null when it does not change. */
  result(strict: boolean): string | null {
    if (this.slot === null || !this.appended) return null;
    if (this.xml === null) {
      const ns = strict ? NS.strict.main : NS.transitional.main;
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${this.uses}" uniqueCount="1"><si><t></t></si></sst>`;
    }
    const P = rootPrefix(this.xml);
    const sst = element(this.xml, 'sst');
    if (!sst) throw new UnsupportedPackageError('de tabel met gedeelde teksten is onleesbaar');
    const a = attrs(sst.tag);
    let tag = sst.tag.replace(/\s(count|uniqueCount)\s*=\s*("[^"]*"|'[^']*')/g, '').replace(/\s*\/?>$/, '');
    if (a.count !== undefined) tag += ` count="${Number(a.count) + this.uses}"`;
    tag += ` uniqueCount="${this.slot + 1}">`;
    const item = withPrefix('<si><t></t></si>', P);
    const close = `</${/^<([\w.:-]+)/.exec(sst.tag)![1]}>`;
    return `${this.xml.slice(0, sst.index)}${tag}${sst.body ?? ''}${item}${close}${this.xml.slice(sst.index + sst.whole.length)}`;
  }
}

function nextFree(prefix: string, suffix: string, taken: (name: string) => boolean, start = 1): string {
  for (let i = start; ; i++) if (!taken(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
}

/** A generated sheet as XML in the package's flavour (Strict packages get Strict namespaces). */
function sheetXmlFor(pkg: XlsxPackage, spec: SheetSpec, ctx: Parameters<typeof renderSheetXml>[1], placement: SheetPlacement): string {
  const xml = renderSheetXml(spec, ctx, placement);
  if (!pkg.strict) return xml;
  const head = xml.indexOf('>', xml.indexOf('<worksheet'));
  return xml.slice(0, head).replace(NS.transitional.main, NS.strict.main).replace(NS.transitional.rel, NS.strict.rel) + xml.slice(head);
}

export interface SpliceOptions {
  codec?: ZipCodec;
}

export function spliceReport(pkg: XlsxPackage, plan: Plan, options: SpliceOptions = {}): Uint8Array {
  const { zip } = pkg;
  const P = pkg.workbookPrefix;
  const byName = new Map(pkg.sheets.map((s) => [s.name, s]));
  // Excel compares sheet names without case; a clash with a user's sheet would make the file unreadable.
  for (const spec of plan.sheets) {
    const same = byName.get(spec.name);
    const clash = pkg.sheets.find((s) => s !== same && s.name.toLowerCase() === spec.name.toLowerCase());
    if (clash) throw new UnsupportedPackageError(`er is al een blad "${clash.name}" (Excel ziet geen verschil in hoofdletters met "${spec.name}")`);
  }
  const regenerated = plan.sheets.map((spec) => byName.get(spec.name)).filter((s): s is PackageSheet => s !== undefined);
  const removed = plan.removeSheets.map((n) => byName.get(n)).filter((s): s is PackageSheet => s !== undefined && !regenerated.includes(s));
  const chartParts = [...regenerated, ...removed].flatMap((s) => assertReplaceable(pkg, s));
  const removedIndexes = new Set(removed.map((s) => pkg.sheets.indexOf(s)));
  const droppedParts = new Set<string>();
  for (const p of chartParts) if (zip.has(p)) droppedParts.add(zip.find(p)!.name);
  for (const s of [...regenerated, ...removed]) {
    const rels = zip.find(relsPartFor(s.part!));
    if (rels) droppedParts.add(rels.name);
  }
  for (const s of removed) droppedParts.add(s.part!);
  // The calculation chain lists cells of replaced sheets; Excel rebuilds it when it is absent.
  const calcChain = pkg.rels.filter((r) => r.kind === 'calcChain');
  for (const r of calcChain) if (zip.has(r.target)) droppedParts.add(zip.find(r.target)!.name);
  const droppedRelIds = new Set([...removed.map((s) => s.rId), ...calcChain.map((r) => r.id)]);

  const stylesSource = pkg.stylesPart ? partText(zip, pkg.stylesPart) : null;
  const styles = new StyleAppender(stylesSource?.text ?? minimalStylesXml(pkg.strict ? NS.strict.main : NS.transitional.main));
  const sstSource = pkg.sharedStringsPart ? partText(zip, pkg.sharedStringsPart) : null;
  const strings = new EmptyStringSlot(sstSource?.text ?? null);
  const ctx = { styles, emptyString: () => strings.index() };

  const taken = (n: string) => zip.has(n) && !droppedParts.has(zip.find(n)!.name);
  const relIds = new Set(pkg.rels.map((r) => r.id));
  let maxSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId).filter(Number.isFinite));
  const replaced = new Map<string, Uint8Array | string>();
  const added: { name: string; part: string; rId: string; sheetId: number; hidden: boolean }[] = [];
  const newParts: { part: string; xml: string }[] = [];
  const newPartNames = new Set<string>();
  let wbXml = pkg.workbookXml;
  // The workbook opens on the overview, unless a user sheet is the selected tab: clearing that flag would change
  // a user part, and a second selected tab would group the sheets (an edit would then land on both).
  const generatedNames = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const userTabSelected = pkg.sheets.some(
    (s) => !generatedNames.has(s.name.toLowerCase()) && !!s.part && zip.has(s.part) && hasTabSelected(partText(zip, s.part).text),
  );
  const activeSheet =
    !userTabSelected && plan.activeSheet && plan.sheets.some((s) => s.name === plan.activeSheet && !s.hidden) ? plan.activeSheet : undefined;
  const freePart = (prefix: string) => {
    const part = nextFree(prefix, '.xml', (n) => taken(n) || newPartNames.has(n.toLowerCase()));
    newPartNames.add(part.toLowerCase());
    return part;
  };
  const chartOverrides: { part: string; contentType: string }[] = [];
  // Written after every other new part: a second run drops them and adds them again at the end, so the order stays the same.
  const chartPartsOut: { part: string; xml: string }[] = [];
  for (const spec of plan.sheets) {
    const existing = byName.get(spec.name);
    // Charts: a drawing part for the sheet, a chart part per chart, and the sheet's relationship to the drawing.
    let drawingRelId: string | undefined;
    const sheetPart = existing?.part ?? nextFree('xl/worksheets/sheet', '.xml', (n) => taken(n) || newPartNames.has(n.toLowerCase()));
    if (spec.charts?.length) {
      const drawing = freePart('xl/drawings/drawing');
      const charts = spec.charts.map((chart) => {
        const part = freePart('xl/charts/chart');
        chartPartsOut.push({ part, xml: renderChartXml(chart) });
        chartOverrides.push({ part, contentType: CHART_CT });
        return part;
      });
      chartPartsOut.push({ part: drawing, xml: renderDrawingXml(spec.charts) });
      chartPartsOut.push({ part: relsPartFor(drawing), xml: renderDrawingRels(charts) });
      chartOverrides.push({ part: drawing, contentType: DRAWING_CT });
      drawingRelId = 'rId1';
      chartPartsOut.push({ part: relsPartFor(sheetPart), xml: renderSheetDrawingRels(drawing, drawingRelId) });
    }
    const xml = sheetXmlFor(pkg, spec, ctx, { selected: spec.name === activeSheet, drawingRelId });
    if (existing) {
      // In place: the part keeps its name, relationship, sheet id and tab position; only visibility follows the plan.
      replaced.set(existing.part!, xml);
      const hidden = existing.state !== 'visible';
      if (Boolean(spec.hidden) !== hidden && existing.state !== 'veryHidden') {
        const tag = /^<[^>]*>/.exec(existing.element)![0];
        const newTag = spec.hidden
          ? tag.replace(/\s*\/?>$/, (end) => ` state="hidden"${end.trim()}`)
          : tag.replace(/\s+state\s*=\s*("[^"]*"|'[^']*')/, '');
        wbXml = wbXml.replace(existing.element, existing.element.replace(tag, newTag));
      }
      continue;
    }
    const part = sheetPart;
    newPartNames.add(part.toLowerCase());
    const rId = nextFree('rIdTb', '', (n) => relIds.has(n));
    relIds.add(rId);
    added.push({ name: spec.name, part, rId, sheetId: ++maxSheetId, hidden: Boolean(spec.hidden) });
    newParts.push({ part, xml });
  }

  // workbook.xml
  for (const s of removed) wbXml = wbXml.replace(s.element, '');
  const relNs = pkg.strict ? NS.strict.rel : NS.transitional.rel;
  const rootTag = /<(?![?!])[^>]*>/.exec(wbXml)?.[0] ?? '';
  const rPrefix = Object.entries(attrs(rootTag)).find(([k, v]) => k.startsWith('xmlns:') && (v === NS.strict.rel || v === NS.transitional.rel))?.[0].slice(6);
  const sheetEls = added
    .map((a) => {
      const rid = rPrefix ? `${rPrefix}:id="${a.rId}"` : `xmlns:r="${relNs}" r:id="${a.rId}"`;
      return `<${P}sheet name="${escapeAttr(a.name)}" sheetId="${a.sheetId}"${a.hidden ? ' state="hidden"' : ''} ${rid}/>`;
    })
    .join('');
  const sheetsEl = element(wbXml, 'sheets');
  if (!sheetsEl) throw new UnsupportedPackageError('de werkmap heeft geen lijst van bladen');
  const sheetsQName = /^<([\w.:-]+)/.exec(sheetsEl.tag)![1];
  const newSheets = `${sheetsEl.tag.replace(/\s*\/>$/, '>')}${sheetsEl.body ?? ''}${sheetEls}</${sheetsQName}>`;
  wbXml = wbXml.slice(0, sheetsEl.index) + newSheets + wbXml.slice(sheetsEl.index + sheetsEl.whole.length);
  wbXml = fixDefinedNames(wbXml, removedIndexes, pkg.sheets.length);
  if (removed.length) wbXml = resetActiveTab(wbXml);
  // Print area and titles: names local to each generated sheet, at its final position.
  const order = [...pkg.sheets.filter((s) => !removed.includes(s)).map((s) => s.name), ...added.map((a) => a.name)];
  const indexOf = (name: string) => order.indexOf(name);
  wbXml = withoutPrintNames(wbXml, new Set(regenerated.map((s) => indexOf(s.name))));
  wbXml = addDefinedNames(wbXml, plan.sheets.flatMap((spec) => printDefinedNames(spec.name, indexOf(spec.name), spec.pageSetup)), P);
  if (activeSheet) wbXml = activateSheet(wbXml, indexOf(activeSheet), P);
  wbXml = setCalcOnLoad(wbXml, P);

  // Workbook relationships.
  const relsSource = zip.has(pkg.workbookRelsPart) ? partText(zip, pkg.workbookRelsPart) : null;
  if (!relsSource) throw new UnsupportedPackageError('de relaties van de werkmap ontbreken');
  let relsXml = relsSource.text;
  const relsP = rootPrefix(relsXml);
  const relEdits: [number, number, string][] = [];
  for (const r of elements(relsXml, 'Relationship')) if (droppedRelIds.has(attrs(r.tag).Id ?? '')) relEdits.push([r.index, r.index + r.whole.length, '']);
  relsXml = applyEdits(relsXml, relEdits);
  const newRels: string[] = added.map((a) => `<${relsP}Relationship Id="${a.rId}" Type="${relType(pkg, 'worksheet')}" Target="/${a.part}"/>`);

  // Content types.
  const ctSource = partText(zip, '[Content_Types].xml');
  let ctXml = ctSource.text;
  const ctP = rootPrefix(ctXml);
  const ctEdits: [number, number, string][] = [];
  for (const o of elements(ctXml, 'Override')) {
    const partName = (attrs(o.tag).PartName ?? '').replace(/^\//, '').toLowerCase();
    if ([...droppedParts].some((d) => d.toLowerCase() === partName)) ctEdits.push([o.index, o.index + o.whole.length, '']);
  }
  ctXml = applyEdits(ctXml, ctEdits);
  const newOverrides: string[] = [
    ...added.map((a) => `<${ctP}Override PartName="/${a.part}" ContentType="${WORKSHEET_CT}"/>`),
    ...chartOverrides.map((o) => `<${ctP}Override PartName="/${o.part}" ContentType="${o.contentType}"/>`),
  ];

  // Styles: appended to (or created when the package has none).
  if (styles.changed() || !stylesSource) {
    if (stylesSource) replaced.set(pkg.stylesPart!, encodeXml(styles.result(), stylesSource.encoding));
    else {
      const part = taken('xl/styles.xml') ? nextFree('xl/styles', '.xml', taken) : 'xl/styles.xml';
      const rId = nextFree('rIdTb', '', (n) => relIds.has(n));
      relIds.add(rId);
      newRels.push(`<${relsP}Relationship Id="${rId}" Type="${relType(pkg, 'styles')}" Target="/${part}"/>`);
      newOverrides.push(`<${ctP}Override PartName="/${part}" ContentType="${STYLES_CT}"/>`);
      newParts.push({ part, xml: styles.result() });
    }
  }
  // Shared strings: only appended to, and only when a generated cell needs the empty string.
  const sst = strings.result(pkg.strict);
  if (sst && sstSource) replaced.set(pkg.sharedStringsPart!, encodeXml(sst, sstSource.encoding));
  else if (sst) {
    const part = taken('xl/sharedStrings.xml') ? nextFree('xl/sharedStrings', '.xml', taken) : 'xl/sharedStrings.xml';
    const rId = nextFree('rIdTb', '', (n) => relIds.has(n));
    relIds.add(rId);
    newRels.push(`<${relsP}Relationship Id="${rId}" Type="${relType(pkg, 'sharedStrings')}" Target="/${part}"/>`);
    newOverrides.push(`<${ctP}Override PartName="/${part}" ContentType="${SST_CT}"/>`);
    newParts.push({ part, xml: sst });
  }
  relsXml = insertBeforeClose(relsXml, 'Relationships', newRels.join(''));
  ctXml = insertBeforeClose(ctXml, 'Types', newOverrides.join(''));

  replaced.set(pkg.workbookPart, encodeXml(wbXml, pkg.workbookEncoding));
  replaced.set(zip.find(pkg.workbookRelsPart)!.name, encodeXml(relsXml, relsSource.encoding));
  replaced.set(zip.find('[Content_Types].xml')!.name, encodeXml(ctXml, ctSource.encoding as TextEncoding));

  const out: OutEntry[] = [];
  for (const e of zip.entries) {
    if (droppedParts.has(e.name)) continue;
    const data = replaced.get(e.name);
    // A duplicated entry name: the copy the reader used is replaced, any other is carried as it was.
    if (data !== undefined && zip.find(e.name) === e) {
      out.push({ name: e.name, data });
    } else out.push({ copy: e, from: zip });
  }
  for (const p of [...newParts, ...chartPartsOut]) out.push({ name: p.part, data: p.xml });
  return writeZip(out, options.codec ?? zip.codec);
}

function insertBeforeClose(xml: string, local: string, text: string): string {
  if (!text) return xml;
  const el = element(xml, local);
  if (!el) throw new UnsupportedPackageError(`onderdeel zonder <${local}>`);
  const qname = /^<([\w.:-]+)/.exec(el.tag)![1];
  return `${xml.slice(0, el.index)}${el.tag.replace(/\s*\/>$/, '>')}${el.body ?? ''}${text}</${qname}>${xml.slice(el.index + el.whole.length)}`;
}
