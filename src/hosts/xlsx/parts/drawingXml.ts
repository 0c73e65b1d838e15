// The drawing part of a sheet (xl/drawings/drawingN.xml): one anchored
// graphic frame per chart, each pointing at its chart part through the
// drawing's relationships.

import type { ChartSpec } from '../../../core/plan/plan';
import { escapeAttr } from '../xml';
import { CHART_REL } from './chartXml';

export const DRAWING_CT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

const marker = (tag: 'from' | 'to', p: { row: number; col: number }) =>
  `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** The drawing part; chart i is reached through relationship id `rId${i + 1}`. */
export function renderDrawingXml(charts: ChartSpec[]): string {
  const anchors = charts.map(
    (c, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', c.from)}${marker('to', c.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Grafiek ${i + 1}`)}" descr="${escapeAttr(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join('')}</xdr:wsDr>`;
}

/** The drawing's relationships: rId1… to the chart parts (absolute part names). */
export function renderDrawingRels(chartParts: string[]): string {
  const rels = chartParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${CHART_REL}" Target="/${p}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

/** A worksheet's relationships part with just its drawing. */
export function renderSheetDrawingRels(drawingPart: string, relId: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="${relId}" Type="${DRAWING_REL}" Target="/${drawingPart}"/></Relationships>`;
}
