// A plan is the complete description, as plain data, of what Toetsblad wants
// to change in a workbook. The core produces it; a host adapter applies it.
// Plans only ever touch Toetsblad's own sheets.

export type Scalar = number | string | boolean | null;

/** Named looks; each adapter maps them to fonts and fills in one place. */
export type CellStyle = 'title' | 'subtitle' | 'header' | 'section' | 'total' | 'note' | 'input' | 'muted';

export interface CellSpec {
  /**
   * Literal value. Text is always written as text, never interpreted as a
   * formula or hyperlink, even when it starts with '=', '+', '-' or '@'.
   * For a formula cell: the engine's own result of that formula.
   */
  v?: Scalar;
  /** English formula text without the leading '=' (Excel 2016 function set). */
  f?: string;
  /** Number format, e.g. '0.0%' or '#,##0.00'. */
  fmt?: string;
  style?: CellStyle;
  /** An in-workbook hyperlink to another cell. */
  link?: { sheet: string; cell: string };
  /** Wrap long text. */
  wrap?: boolean;
}

export interface PositionedCell extends CellSpec {
  row: number;
  col: number;
}

export type CfRule =
  /** Applies when the formula (written relative to the range's top-left cell) is TRUE. */
  | { type: 'expression'; formula: string; fill: string; font?: string }
  /** Applies when the cell's value compares true against formula1 (and formula2 for between). */
  | {
      type: 'cellIs';
      operator: 'between' | 'equal' | 'greaterThan' | 'lessThan' | 'greaterThanOrEqual' | 'lessThanOrEqual' | 'notEqual';
      formula1: string;
      formula2?: string;
      fill: string;
      font?: string;
    };

export interface ConditionalFormat {
  /** A1 range on the same sheet. */
  range: string;
  /** Evaluated in order; the first match wins (stopIfTrue). */
  rules: CfRule[];
}

export interface DataValidation {
  range: string;
  /** A drop-down list of allowed values. */
  list: string[];
  prompt?: string;
}

/** How a sheet prints. Every generated sheet gets one (A4, fit to one page wide). */
export interface PageSetup {
  orientation: 'landscape' | 'portrait';
  /** Pages wide and tall the print is scaled to; 0 leaves that direction free. */
  fitToWidth: number;
  fitToHeight: number;
  /** 0-based rows repeated at the top of every printed page (a table's header rows). */
  printTitleRows?: { first: number; last: number };
  /** A1 range that prints (without sheet name). */
  printArea?: string;
  /** Excel header/footer codes: &P page, &N pages, &F workbook, &A sheet; &L &C &R sections. */
  header?: string;
  footer?: string;
  /** 0-based rows a new printed page starts at (blocks that would otherwise split). */
  rowBreaks: number[];
}

/** A range on a sheet plus the values it held when the plan was made (the chart's cached values). */
export interface ChartData<T> {
  sheet: string;
  /** Absolute A1 range without sheet, one row or one column. */
  range: string;
  values: T[];
}

export interface ChartSeries {
  name: string;
  values: ChartData<number | null>;
  /** RGB hex without '#'. */
  colour: string;
}

/** A native chart whose series point at cells, so it updates with them. */
export interface ChartSpec {
  /** 'column': clustered vertical bars; 'bar': clustered horizontal bars. */
  kind: 'column' | 'bar';
  title: string;
  categories: ChartData<string>;
  series: ChartSeries[];
  /** Number format of the value axis, e.g. '0%' or '€ #,##0'. */
  valueFormat: string;
  /** Cell area the chart covers: top-left cell and the cell just past its bottom-right (0-based). */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface SheetSpec {
  name: string;
  cells: PositionedCell[];
  columnWidths: { col: number; width: number }[];
  /** Row heights in points, for rows with wrapped text (hosts do not all grow rows themselves). */
  rowHeights?: { row: number; height: number }[];
  pageSetup?: PageSetup;
  charts?: ChartSpec[];
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  dataValidations: DataValidation[];
  /** Rows/columns kept in view while scrolling. */
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  /** Sheets for Toetsblad's own bookkeeping (settings) can be hidden. */
  hidden?: boolean;
}

export interface Plan {
  /** Generated sheets to create or replace entirely, in this order. */
  sheets: SheetSpec[];
  /** Generated sheets to remove (only ever Toetsblad's own). */
  removeSheets: string[];
  /** The sheet the workbook opens on after the run (the overview). */
  activeSheet?: string;
}

export function emptyPlan(): Plan {
  return { sheets: [], removeSheets: [] };
}

/** Number of cell writes in a plan: a host-neutral measure of its size. */
export function planCellCount(plan: Plan): number {
  return plan.sheets.reduce((n, s) => n + s.cells.length, 0);
}
