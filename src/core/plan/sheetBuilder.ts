// Builds one generated sheet cell by cell and records every figure written
// as a formula, so the summary can never miss one.

import { a1 } from '../workbook/address';
import type { Figure, FigureUnit } from './figure';
import type { CellSpec, CellStyle, ChartSpec, ConditionalFormat, DataValidation, PageSetup, PositionedCell, Scalar, SheetSpec } from './plan';
import { fitLayout } from './layout';
import { GENERATED_MARKER } from '../generatedSheets';

/** Excel's limit on the text in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Cut text to Excel's limit, ending in an ellipsis, without splitting a surrogate pair. */
export function clampText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let cut = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
  return `${text.slice(0, cut)}…`;
}

export interface FigureMeta {
  key: string;
  label: string;
  unit: FigureUnit;
  /** Numerator and denominator when the figure is a share (see Figure.parts). */
  parts?: { numerator: number; denominator: number };
}

export class SheetBuilder {
  private readonly cells = new Map<string, PositionedCell>();
  private readonly spec: SheetSpec;
  readonly figures: Figure[] = [];

  constructor(name: string, opts: { tabColor?: string; hidden?: boolean } = {}) {
    this.spec = {
      name,
      cells: [],
      columnWidths: [],
      merges: [],
      conditionalFormats: [],
      dataValidations: [],
      tabColor: opts.tabColor,
      hidden: opts.hidden,
    };
  }

  get name(): string {
    return this.spec.name;
  }

  /** Title in A1 and the ownership marker in A2; content starts at row index 3. */
  header(title: string, subtitle?: string): this {
    this.text(0, 0, title, 'title');
    this.text(1, 0, subtitle ? `${GENERATED_MARKER} ${subtitle}` : GENERATED_MARKER, 'note');
    return this;
  }

  set(row: number, col: number, spec: CellSpec): this {
    if (spec.f !== undefined && spec.f.startsWith('=')) throw new Error(`Formula must not start with '=': ${spec.f}`);
    // Excel refuses a file with more than 32.767 characters in a cell; user text copied into a message can get there.
    if (typeof spec.v === 'string' && spec.v.length > MAX_CELL_TEXT) spec = { ...spec, v: clampText(spec.v) };
    this.cells.set(`${row}:${col}`, { row, col, ...spec });
    return this;
  }

  text(row: number, col: number, text: string, style?: CellStyle): this {
    return this.set(row, col, { v: text, style });
  }

  value(row: number, col: number, v: Scalar, fmt?: string, style?: CellStyle): this {
    return this.set(row, col, { v, fmt, style });
  }

  /** A formula cell with the engine's own result. */
  formula(row: number, col: number, f: string, v: Scalar, fmt?: string, style?: CellStyle): this {
    return this.set(row, col, { f, v, fmt, style });
  }

  /** A formula cell that is also a reported figure. */
  figure(row: number, col: number, f: string, v: number | null, meta: FigureMeta, fmt?: string, style?: CellStyle): this {
    this.formula(row, col, f, v, fmt, style);
    const { parts, ...rest } = meta;
    this.figures.push({ ...rest, value: v, sheet: this.spec.name, cell: a1(row, col), ...(parts ? { parts } : {}) });
    return this;
  }

  link(row: number, col: number, text: string, target: { sheet: string; cell: string }): this {
    return this.set(row, col, { v: text, link: target });
  }

  row(row: number, startCol: number, values: (Scalar | CellSpec)[], style?: CellStyle): this {
    values.forEach((v, i) => {
      const spec: CellSpec = v !== null && typeof v === 'object' ? v : { v };
      this.set(row, startCol + i, style && !spec.style ? { ...spec, style } : spec);
    });
    return this;
  }

  width(col: number, width: number): this {
    this.spec.columnWidths.push({ col, width });
    return this;
  }

  merge(range: string): this {
    this.spec.merges.push(range);
    return this;
  }

  conditional(cf: ConditionalFormat): this {
    this.spec.conditionalFormats.push(cf);
    return this;
  }

  validation(dv: DataValidation): this {
    this.spec.dataValidations.push(dv);
    return this;
  }

  freeze(rows: number, cols = 0): this {
    this.spec.freeze = { rows, cols };
    return this;
  }

  /** A row height in points (rows with wrapped text get theirs from the layout). */
  rowHeight(row: number, height: number): this {
    (this.spec.rowHeights ??= []).push({ row, height });
    return this;
  }

  /** Print settings beyond the defaults every generated sheet gets (see pageSetup.ts). */
  page(setup: Partial<PageSetup>): this {
    this.spec.pageSetup = { ...(this.spec.pageSetup ?? { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, rowBreaks: [] }), ...setup };
    return this;
  }

  /** Start a new printed page at this row: the block below must not be split over two pages. */
  pageBreak(row: number): this {
    if (row <= 0) return this;
    const rowBreaks = [...(this.spec.pageSetup?.rowBreaks ?? []), row];
    return this.page({ rowBreaks });
  }

  /** Rows repeated at the top of every printed page. */
  printTitles(first: number, last = first): this {
    return this.page({ printTitleRows: { first, last } });
  }

  chart(chart: ChartSpec): this {
    (this.spec.charts ??= []).push(chart);
    return this;
  }

  /** Cells sorted, column widths and row heights fitted to the content. */
  build(): SheetSpec {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return fitLayout({ ...this.spec, cells });
  }
}
