// Turns one generated SheetSpec into a list of small write operations, each
// with its size on the wire as Office.js will serialize it (measured by
// wireSize.ts), so applyPlan can pack them into requests below the limit.

import type { CfRule, PositionedCell, SheetSpec } from '../../core/plan/plan';
import type { Look } from '../../core/plan/styles';
import { LOOKS } from '../../core/plan/styles';
import { parseRange, quoteSheet } from '../../core/workbook/address';
import type { ApiSupport } from './requirements';
import { measureWire } from './wireSize';

export interface WriteOp {
  /** Bytes this operation adds to a request (an upper bound, see wireSize.ts). */
  size: number;
  /** Formula cells this operation writes. */
  formulas?: number;
  run(ws: Excel.Worksheet): void;
}

/** Cells per grid write; larger sheets are written in row blocks of at most this many cells… */
export const GRID_CELL_BLOCK = 20_000;
/** …and at most this many characters of values and formats (long texts make blocks smaller). */
export const GRID_CHAR_BLOCK = 1_000_000;
/** Excel's limit on the characters in one cell; longer generated text is cut with an ellipsis. */
export const MAX_CELL_TEXT = 32_767;
/** Excel's limits for data validation: inline list source and input message. */
const MAX_LIST_SOURCE = 255;
const MAX_PROMPT = 255;

/**
 * What to put in `range.formulas` for a cell. Text always gets a leading
 * apostrophe: Excel would otherwise read "=SUM(A1)", "1-3" or "00123" as a
 * formula, a date or a number. The apostrophe is not part of the value.
 */
export function cellInput(cell: PositionedCell | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.f !== undefined) return `=${cell.f}`;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : `'${v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v}`;
  return v;
}

/**
 * An operation with its size measured on a recorder. Other write families (charts, page layout)
 * build their operations with this too, so the same size-measured batching covers them.
 */
export function op(run: (ws: Excel.Worksheet) => void): WriteOp {
  return { size: measureWire(run as (ws: never) => void).bytes, run };
}

const hex = (rgb: string) => `#${rgb}`;

/** Excel's column width is in points; ExcelJS-style widths are in characters of the default font. */
export const charsToPoints = (chars: number) => Math.round(chars * 5.6 * 100) / 100;

function gridOps(spec: SheetSpec): WriteOp[] {
  if (spec.cells.length === 0) return [];
  let rows = 0;
  let cols = 0;
  for (const c of spec.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  const byRow: PositionedCell[][] = Array.from({ length: rows }, () => []);
  for (const c of spec.cells) byRow[c.row][c.col] = c;
  const ops: WriteOp[] = [];
  let start = 0;
  while (start < rows) {
    const inputs: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    let anyFormat = false;
    let chars = 0;
    let formulaCells = 0;
    // Rows until the block is full by cells or by characters; at least one row.
    for (let r = start; r < rows && (inputs.length === 0 || ((inputs.length + 1) * cols <= GRID_CELL_BLOCK && chars < GRID_CHAR_BLOCK)); r++) {
      const inRow: (string | number | boolean)[] = new Array(cols);
      const fmtRow: string[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        const cell = byRow[r][c];
        inRow[c] = cellInput(cell);
        if (cell?.f !== undefined) formulaCells++;
        fmtRow[c] = cell?.fmt ?? 'General';
        if (cell?.fmt) anyFormat = true;
        chars += (typeof inRow[c] === 'string' ? (inRow[c] as string).length + 3 : 12) + fmtRow[c].length + 3;
      }
      inputs.push(inRow);
      formats.push(fmtRow);
    }
    const at = start;
    const n = inputs.length;
    const withFormats = anyFormat;
    // Number formats go first so a value lands in an already formatted cell.
    ops.push({
      ...op((ws) => {
        const range = ws.getRangeByIndexes(at, 0, n, cols);
        if (withFormats) range.numberFormat = formats;
        range.formulas = inputs;
      }),
      formulas: formulaCells,
    });
    start += n;
  }
  return ops;
}

/** Runs of adjacent cells in one row with the same key become one range operation. */
function runs<K>(cells: PositionedCell[], key: (c: PositionedCell) => K | undefined): { row: number; col: number; count: number; key: K }[] {
  const out: { row: number; col: number; count: number; key: K }[] = [];
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) {
    const k = key(c);
    if (k === undefined) continue;
    const last = out[out.length - 1];
    if (last && last.row === c.row && last.col + last.count === c.col && last.key === k) last.count++;
    else out.push({ row: c.row, col: c.col, count: 1, key: k });
  }
  return out;
}

function applyLook(range: Excel.Range, look: Look): void {
  const font = range.format.font;
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color) font.color = hex(look.color);
  if (look.fill) range.format.fill.color = hex(look.fill);
}

function styleOps(spec: SheetSpec): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const run of runs(spec.cells, (c) => c.style)) {
    const look = LOOKS[run.key];
    ops.push(op((ws) => applyLook(ws.getRangeByIndexes(run.row, run.col, 1, run.count), look)));
  }
  for (const run of runs(spec.cells, (c) => (c.wrap ? true : undefined))) {
    ops.push(
      op((ws) => {
        const range = ws.getRangeByIndexes(run.row, run.col, 1, run.count);
        range.format.wrapText = true;
        range.format.verticalAlignment = 'Top';
      }),
    );
  }
  return ops;
}

function linkOps(spec: SheetSpec): WriteOp[] {
  return spec.cells
    .filter((c) => c.link && c.f === undefined)
    .map((c) => {
      const link = { documentReference: `${quoteSheet(c.link!.sheet)}!${c.link!.cell}`, textToDisplay: String(c.v ?? '') };
      return op((ws) => {
        const range = ws.getRangeByIndexes(c.row, c.col, 1, 1);
        // An in-workbook link only; the text stays literal text.
        range.hyperlink = link;
        range.format.font.color = '#0563C1';
        range.format.font.underline = 'Single';
      });
    });
}

const OPERATOR: Record<Extract<CfRule, { type: 'cellIs' }>['operator'], string> = {
  between: 'Between',
  equal: 'EqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
  notEqual: 'NotEqualTo',
};

function addRule(range: Excel.Range, rule: CfRule): void {
  if (rule.type === 'expression') {
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = hex(rule.fill);
    if (rule.font) cf.custom.format.font.color = hex(rule.font);
    cf.stopIfTrue = true;
    return;
  }
  const cf = range.conditionalFormats.add('CellValue');
  cf.cellValue.rule = {
    formula1: `=${rule.formula1}`,
    ...(rule.formula2 !== undefined ? { formula2: `=${rule.formula2}` } : {}),
    operator: OPERATOR[rule.operator],
  } as Excel.ConditionalCellValueRule;
  cf.cellValue.format.fill.color = hex(rule.fill);
  if (rule.font) cf.cellValue.format.font.color = hex(rule.font);
  cf.stopIfTrue = true;
}

function layoutOps(spec: SheetSpec, support: ApiSupport): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const { col, width } of spec.columnWidths) {
    ops.push(op((ws) => void (ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = charsToPoints(width))));
  }
  for (const m of spec.merges) ops.push(op((ws) => ws.getRange(m).merge(false)));
  // Excel puts each added rule on top of the priority list, so add everything in reverse.
  for (const cf of [...spec.conditionalFormats].reverse()) {
    ops.push(
      op((ws) => {
        const range = ws.getRange(cf.range);
        for (const rule of [...cf.rules].reverse()) addRule(range, rule);
      }),
    );
  }
  if (support.dataValidation) {
    for (const dv of spec.dataValidations) {
      parseRange(dv.range); // validates the address before it reaches Excel
      // Excel takes an inline list of at most 255 characters and cannot escape commas; a list it would
      // refuse is left out rather than failing the whole write (the cell stays free text).
      const source = dv.list.join(',');
      if (source.length > MAX_LIST_SOURCE || dv.list.some((x) => x.includes(','))) continue;
      ops.push(
        op((ws) => {
          const range = ws.getRange(dv.range);
          range.dataValidation.rule = { list: { inCellDropDown: true, source } };
          if (dv.prompt) range.dataValidation.prompt = { showPrompt: true, message: dv.prompt.slice(0, MAX_PROMPT), title: '' };
        }),
      );
    }
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    const { rows, cols } = spec.freeze;
    // Excel refuses to freeze panes on a hidden sheet (office-js#1463); applyPlan hides sheets last.
    ops.push(
      op((ws) => {
        if (cols === 0) ws.freezePanes.freezeRows(rows);
        else if (rows === 0) ws.freezePanes.freezeColumns(cols);
        else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
      }),
    );
  }
  if (spec.tabColor) ops.push(op((ws) => void (ws.tabColor = hex(spec.tabColor!))));
  return ops;
}

/** Every operation that writes `spec` onto an empty sheet, in a safe order. */
export function sheetOps(spec: SheetSpec, support: ApiSupport): WriteOp[] {
  return [...gridOps(spec), ...styleOps(spec), ...linkOps(spec), ...layoutOps(spec, support)];
}
