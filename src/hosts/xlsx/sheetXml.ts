// SheetSpec -> worksheet XML, the same content applyPlan gives through
// ExcelJS. Text is written as inline strings (no shared-string table to
// merge); formulas carry the engine's value as their cached result.

import type { CfRule, PositionedCell, SheetSpec } from '../../core/plan/plan';
import { LOOKS } from '../../core/plan/styles';
import { a1, parseRange, quoteSheet } from '../../core/workbook/address';
import type { StyleAppender, XfSpec } from './styles';
import { escapeAttr, escapeText } from './xml';
import { fitToPageXml, printElementsXml } from './parts/printXml';

const LINK_COLOUR = '0563C1';

function cellStyle(cell: PositionedCell): XfSpec {
  const look = cell.style ? LOOKS[cell.style] : undefined;
  const spec: XfSpec = {};
  if (cell.link) spec.font = { color: LINK_COLOUR, underline: true };
  if (look) {
    spec.font = { bold: look.bold, italic: look.italic, size: look.size, color: look.color };
    if (look.fill) spec.fill = look.fill;
  }
  if (cell.fmt) spec.numFmt = cell.fmt;
  if (cell.wrap) spec.wrap = true;
  return spec;
}

/** Where the empty string lives in the shared-string table: an inline "" reads back as a blank cell, unlike ExcelJS's "". */
export interface RenderContext {
  styles: StyleAppender;
  emptyString: () => number;
}

function cellXml(cell: PositionedCell, s: number, ctx: RenderContext): string {
  const ref = a1(cell.row, cell.col);
  const st = s ? ` s="${s}"` : '';
  const v = cell.v;
  if (cell.f !== undefined) {
    const f = `<f>${escapeText(cell.f)}</f>`;
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return `<c r="${ref}"${st}>${f}</c>`;
    if (typeof v === 'number') return `<c r="${ref}"${st}>${f}<v>${v}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${st} t="str">${f}<v>${escapeText(v)}</v></c>`;
  }
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return s ? `<c r="${ref}"${st}/>` : '';
  if (typeof v === 'number') return `<c r="${ref}"${st}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v === '') return `<c r="${ref}"${st} t="s"><v>${ctx.emptyString()}</v></c>`;
  // Inline string: a leading '=' stays text.
  return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

function cfRuleXml(rule: CfRule, priority: number, styles: StyleAppender): string {
  const dxf = styles.dxf({ fill: rule.fill, font: rule.font });
  if (rule.type === 'expression') {
    return `<cfRule type="expression" dxfId="${dxf}" priority="${priority}" stopIfTrue="1"><formula>${escapeText(rule.formula)}</formula></cfRule>`;
  }
  const formulas = [rule.formula1, ...(rule.formula2 !== undefined ? [rule.formula2] : [])].map((f) => `<formula>${escapeText(f)}</formula>`).join('');
  return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${rule.operator}" stopIfTrue="1">${formulas}</cfRule>`;
}

/** Cells covered by a merge but not its top-left one carry no content in Excel. */
function mergeSlaves(spec: SheetSpec): Set<number> {
  const out = new Set<number>();
  for (const m of spec.merges) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) out.add(row * 16384 + col);
  }
  return out;
}

/** How this sheet sits in the workbook: the selected tab, and the relationship id of its drawing. */
export interface SheetPlacement {
  selected?: boolean;
  drawingRelId?: string;
}

export function renderSheetXml(spec: SheetSpec, ctx: RenderContext, placement: SheetPlacement = {}): string {
  const { styles } = ctx;
  // Later writes to the same cell win, as in applyPlan.
  const byCell = new Map<number, PositionedCell>();
  for (const c of spec.cells) byCell.set(c.row * 16384 + c.col, c);
  const slaves = mergeSlaves(spec);
  const cells = [...byCell.entries()]
    .filter(([key]) => !slaves.has(key))
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c);

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.push('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
  const sheetPr = `${spec.tabColor ? `<tabColor rgb="FF${spec.tabColor}"/>` : ''}${fitToPageXml(spec.pageSetup)}`;
  if (sheetPr) out.push(`<sheetPr>${sheetPr}</sheetPr>`);
  const last = cells[cells.length - 1];
  const maxCol = cells.reduce((m, c) => Math.max(m, c.col), 0);
  out.push(`<dimension ref="${last ? `A1:${a1(last.row, maxCol)}` : 'A1'}"/>`);
  if (spec.freeze && (spec.freeze.rows || spec.freeze.cols)) {
    const { rows, cols } = spec.freeze;
    const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
    out.push(
      `<sheetViews><sheetView${placement.selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${a1(rows, cols)}" activePane="${pane}" state="frozen"/></sheetView></sheetViews>`,
    );
  } else {
    out.push(`<sheetViews><sheetView${placement.selected ? ' tabSelected="1"' : ''} workbookViewId="0"/></sheetViews>`);
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (spec.columnWidths.length) {
    const widths = [...new Map(spec.columnWidths.map((w) => [w.col, w.width])).entries()].sort((a, b) => a[0] - b[0]);
    out.push(`<cols>${widths.map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  }
  out.push('<sheetData>');
  let row = -1;
  // Many cells share a look; resolve each combination once.
  const xfByLook = new Map<string, number>();
  const xfOf = (c: PositionedCell) => {
    const key = `${c.style ?? ''}|${c.fmt ?? ''}|${c.wrap ? 1 : 0}|${c.link ? 1 : 0}`;
    let xf = xfByLook.get(key);
    if (xf === undefined) xfByLook.set(key, (xf = styles.xf(cellStyle(c))));
    return xf;
  };
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  const rowOpen = (r: number) => (heights.has(r) ? `<row r="${r + 1}" ht="${heights.get(r)}" customHeight="1">` : `<row r="${r + 1}">`);
  // Rows with a height but no cell still need their <row>, in order.
  const pendingHeights = [...heights.keys()].sort((a, b) => a - b);
  const flushHeightsBefore = (r: number) => {
    while (pendingHeights.length && pendingHeights[0] < r) {
      const h = pendingHeights.shift()!;
      if (h !== row) out.push(`${rowOpen(h)}</row>`);
    }
  };
  for (const c of cells) {
    const xml = cellXml(c, xfOf(c), ctx);
    if (!xml) continue;
    if (c.row !== row) {
      if (row >= 0) out.push('</row>');
      flushHeightsBefore(c.row);
      if (pendingHeights[0] === c.row) pendingHeights.shift();
      row = c.row;
      out.push(rowOpen(row));
    }
    out.push(xml);
  }
  if (row >= 0) out.push('</row>');
  flushHeightsBefore(Number.MAX_SAFE_INTEGER);
  out.push('</sheetData>');
  if (spec.merges.length) out.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join('')}</mergeCells>`);
  let priority = 1;
  for (const cf of spec.conditionalFormats) {
    out.push(`<conditionalFormatting sqref="${escapeAttr(cf.range)}">${cf.rules.map((r) => cfRuleXml(r, priority++, styles)).join('')}</conditionalFormatting>`);
  }
  if (spec.dataValidations.length) {
    out.push(`<dataValidations count="${spec.dataValidations.length}">`);
    for (const dv of spec.dataValidations) {
      const list = `"${dv.list.map((x) => x.replace(/"/g, '""')).join(',')}"`;
      const prompt = dv.prompt ? ` showInputMessage="1" prompt="${escapeAttr(dv.prompt)}"` : '';
      out.push(`<dataValidation type="list" allowBlank="1"${prompt} sqref="${escapeAttr(dv.range.replace(/\$/g, ''))}"><formula1>${escapeText(list)}</formula1></dataValidation>`);
    }
    out.push('</dataValidations>');
  }
  const links = cells.filter((c) => c.link && c.f === undefined);
  if (links.length) {
    out.push('<hyperlinks>');
    for (const c of links) {
      const location = `${quoteSheet(c.link!.sheet)}!${c.link!.cell}`;
      out.push(`<hyperlink ref="${a1(c.row, c.col)}" location="${escapeAttr(location)}" display="${escapeAttr(String(c.v ?? ''))}"/>`);
    }
    out.push('</hyperlinks>');
  }
  out.push(printElementsXml(spec.pageSetup));
  if (placement.drawingRelId) out.push(`<drawing r:id="${placement.drawingRelId}"/>`);
  out.push('</worksheet>');
  return out.join('');
}
