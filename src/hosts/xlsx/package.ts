// The structure of an .xlsx package by the OPC and SpreadsheetML rules, not
// one writer's habits: relationships under any namespace prefix, Strict and
// transitional namespaces, part names compared without case, and optional
// parts (styles, shared strings) really optional.

import type { ZipArchive } from './zip';
import { decodeXml } from './bytes';
import type { TextEncoding } from './bytes';
import { entryData, ZipFormatError } from './zip';
import { attrs, elements, prefixedAttr, rootPrefix } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** What the relationship is, whatever the namespace: "worksheet", "styles", "officeDocument" … */
  kind: string;
  /** Resolved part name without leading slash, e.g. "xl/worksheets/sheet1.xml"; the raw target when external. */
  target: string;
  external: boolean;
}

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'none';

export interface PackageSheet {
  name: string;
  sheetId: number;
  rId: string;
  state: string;
  /** Part name, e.g. "xl/worksheets/sheet1.xml"; undefined for a sheet without a part (a VBA module, a broken reference). */
  part?: string;
  kind: SheetKind;
  /** The full <sheet> element as written in workbook.xml. */
  element: string;
}

export interface XlsxPackage {
  zip: ZipArchive;
  workbookPart: string;
  workbookXml: string;
  workbookEncoding: TextEncoding;
  /** Prefix of the SpreadsheetML namespace in workbook.xml ("x:" or ""). */
  workbookPrefix: string;
  workbookRelsPart: string;
  rels: Relationship[];
  sheets: PackageSheet[];
  stylesPart?: string;
  sharedStringsPart?: string;
  date1904: boolean;
  /** ISO/IEC 29500 Strict namespaces: generated parts must use them too. */
  strict: boolean;
}

/** A package Toetsblad cannot read or cannot extend safely; the message is Dutch. */
export class UnsupportedPackageError extends Error {}

const TRANSITIONAL_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const NS = {
  transitional: { main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', rel: TRANSITIONAL_REL },
  strict: { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: STRICT_REL },
};

/** The relationship type URI of a kind, in the package's flavour. */
export function relType(pkg: { strict: boolean }, kind: string): string {
  return `${pkg.strict ? STRICT_REL : TRANSITIONAL_REL}/${kind}`;
}

function kindOf(type: string): string {
  for (const base of [TRANSITIONAL_REL, STRICT_REL]) if (type.startsWith(`${base}/`)) return type.slice(base.length + 1);
  // Other office relationship namespaces (e.g. Microsoft's extensions) are named by their last segment too.
  return type.slice(type.lastIndexOf('/') + 1);
}

export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(fromPart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURI(t);
  } catch {
    /* not percent-encoded after all */
  }
  if (t.startsWith('/')) return t.slice(1);
  const base = fromPart.slice(0, fromPart.lastIndexOf('/') + 1).split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The text of a part, decoded by its byte-order mark or declaration. */
export function partText(zip: ZipArchive, part: string): { text: string; encoding: TextEncoding } {
  return decodeXml(entryData(zip, part));
}

/** The actual name of a part in the archive (part names compare without case). */
export function partName(zip: ZipArchive, part: string): string | undefined {
  return zip.find(part)?.name;
}

export function readRels(zip: ZipArchive, part: string): Relationship[] {
  const relsPart = relsPartFor(part);
  if (!zip.has(relsPart)) return [];
  const xml = partText(zip, relsPart).text;
  if (!/<(?:[\w.-]+:)?Relationships[\s/>]/.test(xml)) throw new ZipFormatError(`onderdeel ${relsPart} is geen lijst van relaties`);
  const out: Relationship[] = [];
  for (const r of elements(xml, 'Relationship')) {
    const a = attrs(r.tag);
    if (!a.Id || !a.Type || a.Target === undefined) continue;
    const external = a.TargetMode === 'External';
    const target = external ? a.Target : resolveTarget(part, a.Target);
    out.push({ id: a.Id, type: a.Type, kind: kindOf(a.Type), target: external ? target : (partName(zip, target) ?? target), external });
  }
  return out;
}

const SHEET_KINDS: Record<string, SheetKind> = { worksheet: 'worksheet', chartsheet: 'chartsheet', dialogsheet: 'dialogsheet', xlMacrosheet: 'macrosheet', xlIntlMacrosheet: 'macrosheet' };

export function openPackage(zip: ZipArchive): XlsxPackage {
  const root = readRels(zip, '');
  const office = root.find((r) => r.kind === 'officeDocument' && !r.external);
  if (zip.has('_rels/.rels') && !office) throw new ZipFormatError('_rels/.rels wijst geen werkmap aan');
  const workbookPart = office ? office.target : (partName(zip, 'xl/workbook.xml') ?? 'xl/workbook.xml');
  if (!zip.has(workbookPart)) throw new ZipFormatError('het werkmap-onderdeel ontbreekt');
  const { text: workbookXml, encoding: workbookEncoding } = partText(zip, workbookPart);
  const workbookPrefix = rootPrefix(workbookXml);
  const rootTag = /<(?![?!])[^>]*>/.exec(workbookXml)?.[0] ?? '';
  if (!new RegExp(`^<${workbookPrefix}workbook[\\s/>]`).test(rootTag)) throw new ZipFormatError(`${workbookPart} is geen werkmap`);
  const strict = rootTag.includes(NS.strict.main);
  const rels = readRels(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsEl = [...elements(workbookXml, 'sheets')][0];
  if (!sheetsEl) throw new ZipFormatError(`${workbookPart} heeft geen lijst van bladen`);
  const sheets: PackageSheet[] = [];
  for (const el of elements(sheetsEl.body ?? '', 'sheet')) {
    const a = attrs(el.tag);
    const rId = prefixedAttr(a, 'id') ?? a.id ?? '';
    const rel = rId ? byId.get(rId) : undefined;
    // A sheet without a part (an old VBA module or dialog, or a dangling id) has no cells: it stays in the list, empty.
    const part = rel && !rel.external && zip.has(rel.target) ? rel.target : undefined;
    const kind: SheetKind = part ? (SHEET_KINDS[rel!.kind] ?? 'none') : 'none';
    sheets.push({ name: a.name ?? '', sheetId: Number(a.sheetId), rId, state: a.state ?? 'visible', part, kind, element: el.whole });
  }
  const workbookPr = [...elements(workbookXml, 'workbookPr')][0]?.tag;
  const d1904 = workbookPr ? attrs(workbookPr).date1904 : undefined;
  const firstOf = (kind: string) => rels.find((r) => r.kind === kind && !r.external && zip.has(r.target))?.target;
  return {
    zip,
    workbookPart,
    workbookXml,
    workbookEncoding,
    workbookPrefix,
    workbookRelsPart: relsPartFor(workbookPart),
    rels,
    sheets,
    stylesPart: firstOf('styles'),
    sharedStringsPart: firstOf('sharedStrings'),
    date1904: d1904 === '1' || d1904 === 'true',
    strict,
  };
}
