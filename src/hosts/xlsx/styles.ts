// styles.xml: reading each cell style's number format, and appending the
// fonts, fills, number formats, cell formats and differential formats the
// generated sheets need. Existing entries keep their indexes, so the user's
// sheets (copied byte for byte) still point at the same styles; an entry
// Toetsblad appended on an earlier run is found and reused, not added again.
// The styles part is optional: without one, a minimal one is created.

import type { XlsxPackage } from './package';
import { partText } from './package';
import { BUILTIN_FORMATS, isDateOrTimeFormat, showsCalendarDate } from './numberFormats';
import { attrs, element, elements, escapeAttr, rootPrefix, withPrefix } from './xml';

export interface StyleTable {
  numFmt(xf: number): string | undefined;
  /** A date or time format, by ExcelJS's rule (the snapshot turns these into serials as ExcelJS does). */
  isDate(xf: number): boolean;
  /** A format that shows a calendar date rather than a time of day or a duration. */
  isCalendarDate(xf: number): boolean;
}

function customFormats(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of elements(element(xml, 'numFmts')?.body ?? '', 'numFmt')) {
    const a = attrs(m.tag);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) out.set(Number(a.numFmtId), a.formatCode);
  }
  return out;
}

export function readStyleTable(pkg: XlsxPackage): StyleTable {
  const xml = pkg.stylesPart ? partText(pkg.zip, pkg.stylesPart).text : '';
  const custom = customFormats(xml);
  const xfFormats: (string | undefined)[] = [];
  for (const m of elements(element(xml, 'cellXfs')?.body ?? '', 'xf')) {
    const id = Number(attrs(m.tag).numFmtId ?? 0);
    xfFormats.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
  }
  const dates = xfFormats.map((f) => (f ? isDateOrTimeFormat(f) : false));
  const calendar = xfFormats.map((f) => (f ? showsCalendarDate(f) : false));
  return { numFmt: (xf) => xfFormats[xf], isDate: (xf) => dates[xf] ?? false, isCalendarDate: (xf) => calendar[xf] ?? false };
}

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
}

export interface XfSpec {
  font?: FontSpec;
  fill?: string;
  numFmt?: string;
  wrap?: boolean;
}

export interface DxfSpec {
  fill: string;
  font?: string;
}

const builtinIdByCode = new Map<string, number>(Object.entries(BUILTIN_FORMATS).map(([k, v]) => [v, Number(k)]));

function fontXml(f: FontSpec): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size ?? 11}"/>${
    f.color ? `<color rgb="FF${f.color}"/>` : '<color theme="1"/>'
  }<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
}

/** The sections of a stylesheet in schema order, with what a minimal one holds (Excel needs two fills: none and gray125). */
const SECTIONS: [tag: string, item: string, defaults: string[]][] = [
  ['numFmts', 'numFmt', []],
  ['fonts', 'font', ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>']],
  ['fills', 'fill', ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']],
  ['borders', 'border', ['<border><left/><right/><top/><bottom/><diagonal/></border>']],
  ['cellStyleXfs', 'xf', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']],
  ['cellXfs', 'xf', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']],
  ['cellStyles', 'cellStyle', []],
  ['dxfs', 'dxf', []],
  ['tableStyles', 'tableStyle', []],
  ['colors', '', []],
  ['extLst', '', []],
];

export function minimalStylesXml(mainNamespace: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNamespace}"/>`;
}

/** One collection of styles.xml: what it held, and what is appended. */
class Collection {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];
  readonly base: number;

  constructor(existing: string[]) {
    existing.forEach((xml, i) => {
      if (!this.index.has(xml)) this.index.set(xml, i);
    });
    this.base = existing.length;
  }

  id(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.base + this.added.length;
      this.index.set(xml, id);
      this.added.push(xml);
    }
    return id;
  }
}

/** Collects new styles while sheets are rendered, then splices them into styles.xml. */
export class StyleAppender {
  private readonly P: string;
  private xml: string;
  private readonly xfs: Collection;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly dxfs: Collection;
  private readonly numFmts = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  private readonly nextNumFmt: number;

  /** `xml` is the styles part, or a minimal one (minimalStylesXml) when the package has none. */
  constructor(xml: string) {
    this.P = rootPrefix(xml);
    // Sections a collection needs but the part lacks (all are optional in the schema) are created with Excel's defaults first.
    this.xml = ensureSections(xml, this.P);
    const items = (tag: string, item: string) => [...elements(element(this.xml, tag)?.body ?? '', item)].map((e) => e.whole);
    this.fonts = new Collection(items('fonts', 'font'));
    this.fills = new Collection(items('fills', 'fill'));
    this.xfs = new Collection(items('cellXfs', 'xf'));
    this.dxfs = new Collection(items('dxfs', 'dxf'));
    const custom = customFormats(this.xml);
    for (const [id, code] of custom) if (!this.numFmts.has(code)) this.numFmts.set(code, id);
    this.nextNumFmt = Math.max(163, ...custom.keys()) + 1;
  }

  private numFmtId(code: string): number {
    const builtin = builtinIdByCode.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt + this.newNumFmts.length;
      this.numFmts.set(code, id);
      this.newNumFmts.push(withPrefix(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`, this.P));
    }
    return id;
  }

  /** The cellXfs index for a look; 0 (the workbook's default) when there is nothing to apply. */
  xf(spec: XfSpec): number {
    if (!spec.font && !spec.fill && !spec.numFmt && !spec.wrap) return 0;
    const numFmtId = spec.numFmt ? this.numFmtId(spec.numFmt) : 0;
    const fontId = spec.font ? this.fonts.id(withPrefix(fontXml(spec.font), this.P)) : 0;
    const fillId = spec.fill
      ? this.fills.id(withPrefix(`<fill><patternFill patternType="solid"><fgColor rgb="FF${spec.fill}"/><bgColor indexed="64"/></patternFill></fill>`, this.P))
      : 0;
    const applied = [numFmtId ? ' applyNumberFormat="1"' : '', spec.font ? ' applyFont="1"' : '', spec.fill ? ' applyFill="1"' : '', spec.wrap ? ' applyAlignment="1"' : ''].join('');
    const body = spec.wrap ? '<alignment vertical="top" wrapText="1"/>' : '';
    return this.xfs.id(withPrefix(`<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${body ? `>${body}</xf>` : '/>'}`, this.P));
  }

  dxf(spec: DxfSpec): number {
    return this.dxfs.id(
      withPrefix(`<dxf>${spec.font ? `<font><color rgb="FF${spec.font}"/></font>` : ''}<fill><patternFill patternType="solid"><bgColor rgb="FF${spec.fill}"/></patternFill></fill></dxf>`, this.P),
    );
  }

  /** Whether anything was appended (otherwise the part can be copied as it was). */
  changed(): boolean {
    return this.newNumFmts.length + this.fonts.added.length + this.fills.added.length + this.xfs.added.length + this.dxfs.added.length > 0;
  }

  /** styles.xml with the new entries appended to each collection (counts updated). */
  result(): string {
    let xml = this.xml;
    xml = appendTo(xml, this.P, 'numFmts', 'numFmt', this.newNumFmts);
    xml = appendTo(xml, this.P, 'fonts', 'font', this.fonts.added);
    xml = appendTo(xml, this.P, 'fills', 'fill', this.fills.added);
    xml = appendTo(xml, this.P, 'cellXfs', 'xf', this.xfs.added);
    xml = appendTo(xml, this.P, 'dxfs', 'dxf', this.dxfs.added);
    return xml;
  }
}

/** Insert a section (items already prefixed) before the first section that follows it in schema order. */
function insertSection(xml: string, P: string, tag: string, items: string[]): string {
  const order = SECTIONS.map((s) => s[0]);
  const later = order.slice(order.indexOf(tag) + 1);
  const section = `<${P}${tag} count="${items.length}">${items.join('')}</${P}${tag}>`;
  const at = later.map((t) => element(xml, t)?.index ?? -1).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (at !== undefined) return `${xml.slice(0, at)}${section}${xml.slice(at)}`;
  const root = element(xml, 'styleSheet');
  if (!root) throw new Error('styles.xml zonder <styleSheet>');
  if (root.body === null) return `${xml.slice(0, root.index)}${root.tag.replace(/\s*\/>$/, '>')}${section}</${P}styleSheet>${xml.slice(root.index + root.whole.length)}`;
  const close = xml.lastIndexOf(`</${P}styleSheet>`);
  return `${xml.slice(0, close)}${section}${xml.slice(close)}`;
}

function ensureSections(xml: string, P: string): string {
  let out = xml;
  for (const [tag, item, defaults] of SECTIONS) {
    if (!defaults.length) continue;
    const el = element(out, tag);
    if (!el) {
      out = insertSection(out, P, tag, defaults.map((d) => withPrefix(d, P)));
      continue;
    }
    const have = el.body === null ? 0 : [...elements(el.body, item)].length;
    // A collection with fewer entries than Excel reserves (fills 0 and 1) gets the missing defaults, so appended ones land after them.
    if (have < defaults.length) out = appendTo(out, P, tag, item, defaults.slice(have).map((d) => withPrefix(d, P)));
  }
  return out;
}

/** Append items to an existing <tag> and set its count. */
function appendTo(xml: string, P: string, tag: string, item: string, items: string[]): string {
  if (items.length === 0) return xml;
  const el = element(xml, tag);
  if (!el) return insertSection(xml, P, tag, items);
  const existing = el.body === null ? 0 : [...elements(el.body, item)].length;
  const head = `${el.tag.replace(/\s+count\s*=\s*("[^"]*"|'[^']*')/, '').replace(/\s*\/?>$/, '')} count="${existing + items.length}">`;
  const close = `</${/^<([\w.:-]+)/.exec(el.tag)![1]}>`;
  return `${xml.slice(0, el.index)}${head}${el.body ?? ''}${items.join('')}${close}${xml.slice(el.index + el.whole.length)}`;
}
