// Applies a core Plan to an ExcelJS workbook. Only sheets named in the plan
// are touched; every other sheet is left exactly as it was read.

import type ExcelJS from 'exceljs';
import type { CfRule, Plan, PositionedCell, SheetSpec } from '../../core/plan/plan';
import { LOOKS } from '../../core/plan/styles';
import { parseRange, quoteSheet } from '../../core/workbook/address';

const argb = (hex: string) => ({ argb: `FF${hex}` });

function writeCell(ws: ExcelJS.Worksheet, spec: PositionedCell): void {
  const cell = ws.getCell(spec.row + 1, spec.col + 1);
  if (spec.f !== undefined) {
    // ExcelJS wants the formula without '='; a cached result lets viewers that do not recalculate show the engine's value.
    const result = spec.v === null || spec.v === undefined ? undefined : spec.v;
    cell.value = { formula: spec.f, result } as ExcelJS.CellFormulaValue;
  } else if (spec.link) {
    // Only in-workbook links; the text is data, never parsed.
    cell.value = { text: String(spec.v ?? ''), hyperlink: `#${quoteSheet(spec.link.sheet)}!${spec.link.cell}` };
    cell.font = { color: argb('0563C1'), underline: true };
  } else {
    // Strings are stored as shared strings: a leading '=' stays text.
    cell.value = spec.v === undefined ? null : spec.v;
  }
  if (spec.fmt) cell.numFmt = spec.fmt;
  const look = spec.style ? LOOKS[spec.style] : undefined;
  if (look) {
    cell.font = {
      bold: look.bold,
      italic: look.italic,
      size: look.size,
      color: look.color ? argb(look.color) : undefined,
    };
    if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(look.fill) };
  }
  if (spec.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
}

function cfRule(rule: CfRule, priority: number): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {
    fill: { type: 'pattern', pattern: 'solid', bgColor: argb(rule.fill) },
    font: rule.font ? { color: argb(rule.font) } : undefined,
  };
  if (rule.type === 'expression') {
    return { type: 'expression', formulae: [rule.formula], style, priority, stopIfTrue: true } as ExcelJS.ConditionalFormattingRule;
  }
  const formulae = rule.formula2 !== undefined ? [rule.formula1, rule.formula2] : [rule.formula1];
  return { type: 'cellIs', operator: rule.operator, formulae, style, priority, stopIfTrue: true } as ExcelJS.ConditionalFormattingRule;
}

/** A4, orientation, fit to pages, print titles and area, header/footer, page breaks. Charts: ExcelJS cannot write them (the splice path does). */
function writePageSetup(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const p = spec.pageSetup;
  if (!p) return;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: p.fitToWidth > 0 || p.fitToHeight > 0,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    ...(p.printArea ? { printArea: p.printArea } : {}),
    ...(p.printTitleRows ? { printTitlesRow: `${p.printTitleRows.first + 1}:${p.printTitleRows.last + 1}` } : {}),
  };
  ws.headerFooter = { ...(p.header ? { oddHeader: p.header } : {}), ...(p.footer ? { oddFooter: p.footer } : {}) };
  // ExcelJS puts a break after the row it is called on: the row before the one a page starts at.
  for (const r of p.rowBreaks) ws.getRow(r).addPageBreak();
}

function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec, selected: boolean): void {
  const frozen = spec.freeze ? { state: 'frozen' as const, xSplit: spec.freeze.cols, ySplit: spec.freeze.rows } : undefined;
  const ws = wb.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: argb(spec.tabColor) } : {},
    state: spec.hidden ? 'hidden' : 'visible',
    views: frozen || selected ? [{ ...(frozen ?? {}), ...(selected ? { tabSelected: true } : {}) }] : undefined,
  });
  for (const { col, width } of spec.columnWidths) ws.getColumn(col + 1).width = width;
  for (const { row, height } of spec.rowHeights ?? []) ws.getRow(row + 1).height = height;
  writePageSetup(ws, spec);
  for (const cell of spec.cells) writeCell(ws, cell);
  for (const m of spec.merges) ws.mergeCells(m);
  let priority = 1;
  for (const cf of spec.conditionalFormats) {
    ws.addConditionalFormatting({ ref: cf.range, rules: cf.rules.map((r) => cfRule(r, priority++)) });
  }
  for (const dv of spec.dataValidations) {
    const r = parseRange(dv.range);
    const formula = `"${dv.list.map((x) => x.replace(/"/g, '""')).join(',')}"`;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        ws.getCell(row + 1, col + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showInputMessage: Boolean(dv.prompt),
          prompt: dv.prompt,
        };
      }
    }
  }
}

export function applyPlan(wb: ExcelJS.Workbook, plan: Plan): void {
  const replaced = new Set(plan.sheets.map((s) => s.name));
  for (const name of [...plan.removeSheets, ...replaced]) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  // The workbook opens on the overview; no other tab stays selected (two selected tabs would be grouped).
  const active = plan.activeSheet && plan.sheets.some((s) => s.name === plan.activeSheet && !s.hidden) ? plan.activeSheet : undefined;
  if (active) for (const ws of wb.worksheets) for (const v of ws.views ?? []) (v as { tabSelected?: boolean }).tabSelected = false;
  for (const spec of plan.sheets) writeSheet(wb, spec, spec.name === active);
  if (active) {
    const index = wb.worksheets.findIndex((w) => w.name === active);
    wb.views = [{ ...(wb.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' }), activeTab: index, firstSheet: 0 }];
  }
  // Excel recalculates everything on open; the cached results are only a courtesy.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}
