// styles.xml: reading each cell style's number format, and appending the
// fonts, fills, number formats, cell formats and differential formats the
// generated sheets need. The existing entries keep their indexes, so the
// user's sheets (copied byte for byte) still point at the same styles.

import type { XlsxPackage } from './package';
import { entryText } from './zip';
import { attr, attrs, escapeAttr } from './xml';

const BUILTIN_FORMATS = require('exceljs/lib/xlsx/defaultnumformats') as Record<number, { f?: string }>;

/** ExcelJS's test for a date format; the snapshot must agree with the ExcelJS reader. */
function excelJsIsDateFmt(fmt: string): boolean {
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

export interface StyleTable {
  numFmt(xf: number): string | undefined;
  isDate(xf: number): boolean;
}

function section(xml: string, tag: string): string | null {
  const open = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/') return '';
  const close = xml.indexOf(`</${tag}>`, open.index);
  return xml.slice(open.index + open[0].length, close);
}

function customFormats(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of (section(xml, 'numFmts') ?? '').matchAll(/<numFmt\b[^>]*>/g)) {
    const a = attrs(m[0]);
    out.set(Number(a.numFmtId), a.formatCode);
  }
  return out;
}

export function readStyleTable(pkg: XlsxPackage): StyleTable {
  const xml = pkg.stylesPart && pkg.zip.entries.has(pkg.stylesPart) ? entryText(pkg.zip, pkg.stylesPart) : '';
  const custom = customFormats(xml);
  const xfFormats: (string | undefined)[] = [];
  for (const m of (section(xml, 'cellXfs') ?? '').matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    xfFormats.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]?.f) : undefined);
  }
  const dates = xfFormats.map((f) => (f ? excelJsIsDateFmt(f) : false));
  return { numFmt: (xf) => xfFormats[xf], isDate: (xf) => dates[xf] ?? false };
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

const builtinIdByCode = new Map<string, number>(
  Object.entries(BUILTIN_FORMATS)
    .filter(([, v]) => typeof v.f === 'string')
    .map(([k, v]) => [v.f as string, Number(k)]),
);

function count(xml: string, tag: string, item: string): number {
  const body = section(xml, tag);
  if (body === null) return 0;
  return (body.match(new RegExp(`<${item}\\b`, 'g')) ?? []).length;
}

function fontXml(f: FontSpec): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size ?? 11}"/>${
    f.color ? `<color rgb="FF${f.color}"/>` : '<color theme="1"/>'
  }<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
}

/** Collects new styles while sheets are rendered, then splices them into styles.xml. */
export class StyleAppender {
  private readonly xfs = new Map<string, number>();
  private readonly newXfs: string[] = [];
  private readonly fonts = new Map<string, number>();
  private readonly newFonts: string[] = [];
  private readonly fills = new Map<string, number>();
  private readonly newFills: string[] = [];
  private readonly numFmts = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  private readonly dxfs = new Map<string, number>();
  private readonly newDxfs: string[] = [];
  private readonly base: { xfs: number; fonts: number; fills: number; dxfs: number; nextNumFmt: number };

  constructor(private readonly xml: string) {
    if (section(xml, 'cellXfs') === null || section(xml, 'fonts') === null || section(xml, 'fills') === null) {
      throw new Error('styles.xml zonder cellXfs, fonts of fills');
    }
    const custom = customFormats(xml);
    for (const [id, code] of custom) this.numFmts.set(code, id);
    this.base = {
      xfs: count(xml, 'cellXfs', 'xf'),
      fonts: count(xml, 'fonts', 'font'),
      fills: count(xml, 'fills', 'fill'),
      dxfs: count(xml, 'dxfs', 'dxf'),
      nextNumFmt: Math.max(163, ...custom.keys()) + 1,
    };
  }

  private numFmtId(code: string): number {
    const builtin = builtinIdByCode.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.base.nextNumFmt + this.newNumFmts.length;
      this.numFmts.set(code, id);
      this.newNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private fontId(f: FontSpec): number {
    const xml = fontXml(f);
    let id = this.fonts.get(xml);
    if (id === undefined) {
      id = this.base.fonts + this.newFonts.length;
      this.fonts.set(xml, id);
      this.newFonts.push(xml);
    }
    return id;
  }

  private fillId(hex: string): number {
    let id = this.fills.get(hex);
    if (id === undefined) {
      id = this.base.fills + this.newFills.length;
      this.fills.set(hex, id);
      this.newFills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${hex}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    return id;
  }

  /** The cellXfs index for a look; 0 (the workbook's default) when there is nothing to apply. */
  xf(spec: XfSpec): number {
    if (!spec.font && !spec.fill && !spec.numFmt && !spec.wrap) return 0;
    const key = JSON.stringify(spec);
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    const numFmtId = spec.numFmt ? this.numFmtId(spec.numFmt) : 0;
    const fontId = spec.font ? this.fontId(spec.font) : 0;
    const fillId = spec.fill ? this.fillId(spec.fill) : 0;
    const applied = [numFmtId ? ' applyNumberFormat="1"' : '', spec.font ? ' applyFont="1"' : '', spec.fill ? ' applyFill="1"' : '', spec.wrap ? ' applyAlignment="1"' : ''].join('');
    const body = spec.wrap ? '<alignment vertical="top" wrapText="1"/>' : '';
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${body ? `>${body}</xf>` : '/>'}`;
    id = this.base.xfs + this.newXfs.length;
    this.xfs.set(key, id);
    this.newXfs.push(xf);
    return id;
  }

  dxf(spec: DxfSpec): number {
    const xml = `<dxf>${spec.font ? `<font><color rgb="FF${spec.font}"/></font>` : ''}<fill><patternFill patternType="solid"><bgColor rgb="FF${spec.fill}"/></patternFill></fill></dxf>`;
    let id = this.dxfs.get(xml);
    if (id === undefined) {
      id = this.base.dxfs + this.newDxfs.length;
      this.dxfs.set(xml, id);
      this.newDxfs.push(xml);
    }
    return id;
  }

  /** styles.xml with the new entries appended to each collection (counts updated). */
  result(): string {
    let xml = this.xml;
    xml = appendTo(xml, 'numFmts', this.newNumFmts, ['fonts']);
    xml = appendTo(xml, 'fonts', this.newFonts, []);
    xml = appendTo(xml, 'fills', this.newFills, []);
    xml = appendTo(xml, 'cellXfs', this.newXfs, []);
    xml = appendTo(xml, 'dxfs', this.newDxfs, ['tableStyles', 'colors', 'extLst', '/styleSheet']);
    return xml;
  }
}

/** Append items to <tag> (creating it before the first of `before` if absent) and fix its count. */
function appendTo(xml: string, tag: string, items: string[], before: string[]): string {
  if (items.length === 0) return xml;
  const open = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) {
    const at = before.map((b) => xml.indexOf(`<${b}`)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined) throw new Error(`kan ${tag} niet plaatsen in styles.xml`);
    return `${xml.slice(0, at)}<${tag} count="${items.length}">${items.join('')}</${tag}>${xml.slice(at)}`;
  }
  const existing = open[1] === '/' ? 0 : count(xml, tag, tag === 'cellXfs' ? 'xf' : tag.replace(/s$/, ''));
  const head = `<${tag} count="${existing + items.length}">`;
  if (open[1] === '/') return `${xml.slice(0, open.index)}${head}${items.join('')}</${tag}>${xml.slice(open.index + open[0].length)}`;
  const close = xml.indexOf(`</${tag}>`, open.index);
  const body = xml.slice(open.index + open[0].length, close);
  return `${xml.slice(0, open.index)}${head}${body}${items.join('')}${xml.slice(close)}`;
}
