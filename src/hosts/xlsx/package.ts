// The structure of an .xlsx package: workbook part, sheets with their parts
// and relationships, styles and shared strings locations.

import type { ZipArchive } from './zip';
import { entryText } from './zip';
import { attrs } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name without leading slash, e.g. "xl/worksheets/sheet1.xml". */
  target: string;
  external: boolean;
}

export interface PackageSheet {
  name: string;
  sheetId: number;
  rId: string;
  state: string;
  /** Part name, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  /** The full <sheet .../> element as written in workbook.xml. */
  element: string;
}

export interface XlsxPackage {
  zip: ZipArchive;
  workbookPart: string;
  workbookXml: string;
  workbookRelsPart: string;
  rels: Relationship[];
  sheets: PackageSheet[];
  stylesPart?: string;
  sharedStringsPart?: string;
  date1904: boolean;
}

export class UnsupportedPackageError extends Error {}

export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.slice(0, fromPart.lastIndexOf('/') + 1).split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

export function readRels(zip: ZipArchive, part: string): Relationship[] {
  const relsPart = relsPartFor(part);
  if (!zip.entries.has(relsPart)) return [];
  const xml = entryText(zip, relsPart);
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const external = a.TargetMode === 'External';
    out.push({ id: a.Id, type: a.Type, target: external ? a.Target : resolveTarget(part, a.Target), external });
  }
  return out;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function openPackage(zip: ZipArchive): XlsxPackage {
  const root = readRels(zip, '');
  const office = root.find((r) => r.type === `${REL}/officeDocument`);
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  if (!zip.entries.has(workbookPart)) throw new UnsupportedPackageError('geen werkmap-onderdeel');
  const workbookXml = entryText(zip, workbookPart);
  const rels = readRels(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: PackageSheet[] = [];
  const sheetsXml = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  if ((sheetsXml.match(/<sheet\b/g) ?? []).length !== (sheetsXml.match(/<sheet\b[^>]*\/>/g) ?? []).length) {
    throw new UnsupportedPackageError('onverwachte opbouw van <sheets>');
  }
  for (const m of sheetsXml.matchAll(/<sheet\b[^>]*\/>/g)) {
    const a = attrs(m[0]);
    const rId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rId ? byId.get(rId) : undefined;
    if (!rel || rel.external) throw new UnsupportedPackageError(`blad ${a.name} zonder onderdeel`);
    // Chart sheets and macro sheets have no cells: the snapshot shows them as empty sheets.
    sheets.push({ name: a.name, sheetId: Number(a.sheetId), rId: rId!, state: a.state ?? 'visible', part: rel.target, element: m[0] });
  }
  const workbookPr = /<workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
  const d1904 = workbookPr ? attrs(workbookPr).date1904 : undefined;
  return {
    zip,
    workbookPart,
    workbookXml,
    workbookRelsPart: relsPartFor(workbookPart),
    rels,
    sheets,
    stylesPart: rels.find((r) => r.type === `${REL}/styles`)?.target,
    sharedStringsPart: rels.find((r) => r.type === `${REL}/sharedStrings`)?.target,
    date1904: d1904 === '1' || d1904 === 'true',
  };
}

export const REL_TYPES = {
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  calcChain: `${REL}/calcChain`,
  table: `${REL}/table`,
};
