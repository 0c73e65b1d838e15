// The fake workbook as the backend of Microsoft's Office.js client library:
// it receives the request body the library serialized (`{ Actions,
// ObjectPaths }`, the RichApi "ProcessQuery" message), executes it against
// FakeWorkbookData in order, and answers `{ Results: [{ ActionId, Value }] }`
// with PascalCase property names, or with `Error: { Code, Message, Location,
// ActionIndex }` at the first action Excel would refuse. Actions before the
// refused one keep their effect: Excel's batches are not transactions.
//
// Where real Excel is strict, the fake is too; each rule cites its source
// (STRICT_RULES below). The object model covers what src/hosts/office uses.

import { parseArea } from '../../../src/hosts/office/addresses';
import type { RangeRef } from '../../../src/core/workbook/address';
import { quoteSheet, rangeA1 } from '../../../src/core/workbook/address';
import type { FakeCell, FakeChart, FakeChartSeries, FakeConditionalFormat, FakeWorkbookData } from './model';
import { FakeSheet } from './model';

/** Where each strict rule of the fake comes from. */
export const STRICT_RULES = {
  payload:
    'Excel on the web refuses requests and responses over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded): https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins. Toetsblad keeps 1 MB of margin, so the fake refuses at 4 MB.',
  dimensions:
    "Range.values/formulas/numberFormat: the array's dimensions must match the range, otherwise InvalidArgument: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member",
  nullUnchanged:
    'A null in the array written to values/formulas/numberFormat leaves that cell unchanged: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values',
  sheetName:
    "Sheet names: 1-31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe, not 'History'; compared case-insensitively: https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9",
  formulaLength: 'A formula is at most 8.192 characters: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3',
  textLength: 'A cell holds at most 32.767 characters: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3',
  cfFormula:
    'A conditional-format rule formula must be a valid formula starting with "=", otherwise InvalidArgument: https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatrule#excel-excel-conditionalformatrule-formula-member',
  hiddenFreeze: 'Freezing or unfreezing panes on a hidden sheet throws: https://github.com/OfficeDev/office-js/issues/1463',
  lastVisible: 'A workbook keeps at least one visible sheet: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member',
} as const;

export const PAYLOAD_LIMIT = 4 * 1024 * 1024;
export const MAX_FORMULA = 8192;
export const MAX_TEXT = 32767;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location = '',
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

type Handle =
  | { type: 'Workbook' }
  | { type: 'Application' }
  | { type: 'WorksheetCollection' }
  | { type: 'Worksheet'; sheet: FakeSheet }
  | { type: 'WorksheetProtection'; sheet: FakeSheet }
  | { type: 'WorksheetFreezePanes'; sheet: FakeSheet }
  | { type: 'TableCollection'; sheet: FakeSheet | null }
  | { type: 'Table'; sheet: FakeSheet; table: { name: string; ref: string } }
  | { type: 'Range'; sheet: FakeSheet; rect: RangeRef }
  | { type: 'RangeAreas'; sheet: FakeSheet; address: string }
  | { type: 'RangeFormat' | 'RangeFont' | 'RangeFill' | 'ConditionalFormatCollection' | 'DataValidation'; sheet: FakeSheet; rect: RangeRef }
  /** Print setup (ExcelApi 1.9) and charts: recorded on the sheet, for tests to read back. */
  | { type: 'PageLayout' | 'HeaderFooterGroup' | 'HeaderFooter' | 'PageBreakCollection' | 'ChartCollection'; sheet: FakeSheet }
  | { type: 'Chart' | 'ChartTitle' | 'ChartLegend' | 'ChartSeriesCollection' | 'ChartAxes' | 'ChartAxis'; sheet: FakeSheet; chart: FakeChart }
  | { type: 'ChartSeries' | 'ChartSeriesFormat' | 'ChartFill'; sheet: FakeSheet; chart: FakeChart; series: FakeChartSeries }
  | {
      type: 'ConditionalFormat' | 'CustomConditionalFormat' | 'ConditionalFormatRule' | 'ConditionalRangeFormat' | 'ConditionalRangeFont' | 'ConditionalRangeFill' | 'CellValueConditionalFormat';
      sheet: FakeSheet;
      cf: FakeConditionalFormat;
    };

const fail = (code: string, message: string): never => {
  throw new FakeOfficeError(code, message);
};
const invalid = (message: string): never => fail('InvalidArgument', message);

const FORBIDDEN_NAME = /[:\\/?*[\]]/;

/** Excel's rules for a sheet name; `taken` is checked case-insensitively. */
export function checkSheetName(data: FakeWorkbookData, name: unknown, self?: FakeSheet): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || FORBIDDEN_NAME.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    invalid(`The sheet name '${String(name)}' is not valid.`);
  }
  const clash = data.find(name as string);
  if (clash && clash !== self) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${String(name)}.`);
  return name as string;
}

/** Excel's reading of typed input: '=...' is a formula, a leading apostrophe makes text, numbers and TRUE/FALSE convert. */
export function interpretInput(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.error;
  if (input === undefined || input === '') {
    cell.value = '';
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s.startsWith("'")) {
    if (s.length - 1 > MAX_TEXT) invalid(`Text longer than ${MAX_TEXT} characters.`);
    cell.value = s.slice(1);
    cell.quotePrefix = true;
  } else if (s.startsWith('=') && s.length > 1) {
    if (s.length > MAX_FORMULA) invalid(`The formula is longer than ${MAX_FORMULA} characters.`);
    cell.formula = s;
    cell.value = '';
  } else if (/^[-+]?\d+([.,]\d+)?%?$/.test(s.trim())) {
    const pct = s.trim().endsWith('%');
    const n = Number(s.trim().replace('%', '').replace(',', '.'));
    cell.value = pct ? n / 100 : n;
  } else if (/^(TRUE|FALSE|WAAR|ONWAAR)$/i.test(s)) {
    cell.value = /^(TRUE|WAAR)$/i.test(s);
  } else {
    if (s.length > MAX_TEXT) invalid(`Text longer than ${MAX_TEXT} characters.`);
    cell.value = s;
  }
}

/** A light syntax check of the kind Excel does on a conditional-format formula. */
function checkCfFormula(f: unknown): string {
  if (typeof f !== 'string' || !f.startsWith('=') || f.length < 2) return invalid(`Invalid conditional format formula: ${String(f)}`);
  let depth = 0;
  let quoted = false;
  for (const ch of f) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth < 0) break;
  }
  if (depth !== 0 || quoted) invalid(`Invalid conditional format formula: ${f}`);
  if (f.length > MAX_FORMULA) invalid('The formula is too long.');
  return f;
}

const intersects = (a: RangeRef, b: RangeRef) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const addressOf = (sheet: FakeSheet, rect: RangeRef) => `${quoteSheet(sheet.name)}!${rangeA1(rect)}`;

function parseAddress(address: string): RangeRef {
  const bang = address.lastIndexOf('!');
  const area = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
  try {
    return parseArea(area);
  } catch {
    return invalid(`The address '${address}' is not valid.`);
  }
}

function grid<T>(h: { sheet: FakeSheet; rect: RangeRef }, fn: (c: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let row = h.rect.top; row <= h.rect.bottom; row++) {
    const line: T[] = [];
    for (let col = h.rect.left; col <= h.rect.right; col++) line.push(fn(h.sheet.get(row, col)));
    out.push(line);
  }
  return out;
}

function valueType(c: FakeCell | undefined): string {
  if (!c || (c.value === '' && !c.formula)) return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

export interface BackendHooks {
  /** Called before each request runs; throw a FakeOfficeError to make Excel refuse the request. */
  beforeSync?: (index: number) => void;
}

export interface ExecuteResult {
  response: unknown;
  /** UTF-8 bytes of the request and response bodies: what travels on the wire. */
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

const utf8 = new TextEncoder();
const wireBytes = (text: string) => utf8.encode(text).length;

/** One Excel instance's request processor over a workbook. */
export class RichApiBackend {
  /** Set by SuspendApiCalculationUntilNextSync; cleared after the request. */
  calculationSuspendedRequests = 0;

  constructor(
    readonly data: FakeWorkbookData,
    private readonly hooks: () => BackendHooks,
    private readonly count: () => number,
  ) {}

  execute(bodyText: string): ExecuteResult {
    const body = JSON.parse(bodyText) as RequestBody;
    const requestBytes = wireBytes(bodyText);
    const results: { ActionId: number; Value: unknown }[] = [];
    let error: Record<string, unknown> | undefined;
    const paths = new Map<number, Handle | null>();
    let index = -1;
    try {
      this.hooks().beforeSync?.(this.count());
      if (requestBytes > PAYLOAD_LIMIT) fail('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
      for (index = 0; index < body.Actions.length; index++) {
        const action = body.Actions[index];
        const value = this.runAction(body, paths, action);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      }
    } catch (e) {
      const err = e instanceof FakeOfficeError ? e : new FakeOfficeError('GeneralException', String((e as Error)?.message ?? e));
      error = { Code: err.code, Message: err.message, Location: err.location, ActionIndex: Math.max(index, 0), HttpStatusCode: 400 };
    }
    let response: Record<string, unknown> = error ? { Results: results, Error: error } : { Results: results };
    let responseBytes = wireBytes(JSON.stringify(response));
    if (!error && responseBytes > PAYLOAD_LIMIT) {
      response = {
        Results: [],
        Error: { Code: 'ResponsePayloadSizeLimitExceeded', Message: 'The response payload size has exceeded the limit.', Location: '', ActionIndex: -1, HttpStatusCode: 400 },
      };
      responseBytes = wireBytes(JSON.stringify(response));
    }
    return { response, requestBytes, responseBytes, actions: body.Actions.length };
  }

  private resolve(body: RequestBody, paths: Map<number, Handle | null>, id: number): Handle | null {
    if (paths.has(id)) return paths.get(id)!;
    const info = body.ObjectPaths[String(id)];
    if (!info) return fail('InvalidObjectPath', `Unknown object path ${id}.`);
    const args = this.args(body, paths, info.ArgumentInfo);
    let h: Handle | null;
    const parent = () => {
      const p = this.resolve(body, paths, info.ParentObjectPathId!);
      return p ?? fail('InvalidObjectPath', 'The object path is a null object.');
    };
    switch (info.ObjectPathType) {
      case 1:
        h = { type: 'Workbook' };
        break;
      case 3: {
        const on = parent();
        try {
          h = this.method(on, info.Name, args) as Handle | null;
        } catch (e) {
          // Excel names the failing member in debugInfo.errorLocation, e.g. "WorksheetCollection.add".
          if (e instanceof FakeOfficeError && !e.location) throw new FakeOfficeError(e.code, e.message, `${on.type}.${info.Name[0].toLowerCase()}${info.Name.slice(1)}`);
          throw e;
        }
        break;
      }
      case 4:
        h = this.navigate(parent(), info.Name);
        break;
      case 5:
        h = this.index(parent(), args[0]);
        break;
      case 7:
        h = null;
        break;
      default:
        h = fail('InvalidObjectPath', `Object path type ${info.ObjectPathType} is not in the fake.`);
    }
    paths.set(id, h);
    return h;
  }

  private args(body: RequestBody, paths: Map<number, Handle | null>, info: ActionInfo['ArgumentInfo']): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    info?.ReferencedObjectPathIds?.forEach((ref, i) => {
      if (ref) args[i] = this.resolve(body, paths, ref);
    });
    return args;
  }

  private runAction(body: RequestBody, paths: Map<number, Handle | null>, action: ActionInfo): unknown {
    if (action.ActionType === 5) return undefined; // trace marker
    const at = (h: Handle | null) => h ?? fail('InvalidObjectPath', 'The object is a null object.');
    let target: Handle | null = null;
    try {
      target = this.resolve(body, paths, action.ObjectPathId);
      switch (action.ActionType) {
        case 1:
          // Instantiate: sheets and tables answer with their id, so the library can refer to them by id later.
          if (!target) return null;
          if (target.type === 'Worksheet') return { Id: target.sheet.id };
          if (target.type === 'Table') return { Id: target.table.name };
          return {};
        case 2:
          return target ? this.query(target, action.QueryInfo?.Select) : null;
        case 3:
          return this.method(at(target), action.Name, this.args(body, paths, action.ArgumentInfo)) ?? null;
        case 4:
          this.set(at(target), action.Name, action.ArgumentInfo?.Arguments?.[0]);
          return undefined;
        default:
          return fail('GeneralException', `Action type ${action.ActionType} is not in the fake.`);
      }
    } catch (e) {
      if (e instanceof FakeOfficeError && !e.location) {
        const member = action.Name ? action.Name[0].toLowerCase() + action.Name.slice(1) : action.ActionType === 2 ? 'load' : '';
        throw new FakeOfficeError(e.code, e.message, `${target?.type ?? body.ObjectPaths[String(action.ObjectPathId)]?.Name ?? ''}${member ? `.${member}` : ''}`);
      }
      throw e;
    }
  }

  private sheetOf(h: Handle): FakeSheet {
    const s = (h as { sheet?: FakeSheet }).sheet;
    if (!s) return fail('GeneralException', `${h.type} has no sheet.`);
    if (!this.data.sheets.includes(s)) fail('ItemNotFound', 'The worksheet was deleted.');
    return s;
  }

  private guardWrite(s: FakeSheet): void {
    if (s.protected) fail('AccessDenied', `The sheet ${s.name} is protected.`);
  }

  private navigate(h: Handle, name: string): Handle {
    const s = () => this.sheetOf(h);
    const r = () => (h as { rect: RangeRef }).rect;
    const key = `${h.type}.${name}`;
    switch (key) {
      case 'Workbook.Worksheets':
        return { type: 'WorksheetCollection' };
      case 'Workbook.Application':
        return { type: 'Application' };
      case 'Workbook.Tables':
        // The library addresses a table it has loaded through the workbook's collection, by id.
        return { type: 'TableCollection', sheet: null };
      case 'Worksheet.Protection':
        return { type: 'WorksheetProtection', sheet: s() };
      case 'Worksheet.FreezePanes':
        return { type: 'WorksheetFreezePanes', sheet: s() };
      case 'Worksheet.Tables':
        return { type: 'TableCollection', sheet: s() };
      case 'Range.Format':
        return { type: 'RangeFormat', sheet: s(), rect: r() };
      case 'RangeFormat.Font':
        return { type: 'RangeFont', sheet: s(), rect: r() };
      case 'RangeFormat.Fill':
        return { type: 'RangeFill', sheet: s(), rect: r() };
      case 'Range.ConditionalFormats':
        return { type: 'ConditionalFormatCollection', sheet: s(), rect: r() };
      case 'Range.DataValidation':
        return { type: 'DataValidation', sheet: s(), rect: r() };
      case 'Worksheet.PageLayout':
        return { type: 'PageLayout', sheet: s() };
      case 'PageLayout.HeadersFooters':
        return { type: 'HeaderFooterGroup', sheet: s() };
      case 'HeaderFooterGroup.DefaultForAllPages':
        return { type: 'HeaderFooter', sheet: s() };
      case 'Worksheet.HorizontalPageBreaks':
        return { type: 'PageBreakCollection', sheet: s() };
      case 'Worksheet.Charts':
        return { type: 'ChartCollection', sheet: s() };
    }
    const chart = (h as { chart?: FakeChart }).chart;
    if (chart) {
      const next: Record<string, Handle['type']> = {
        'Chart.Title': 'ChartTitle',
        'Chart.Legend': 'ChartLegend',
        'Chart.Series': 'ChartSeriesCollection',
        'Chart.Axes': 'ChartAxes',
        'ChartAxes.ValueAxis': 'ChartAxis',
        'ChartSeries.Format': 'ChartSeriesFormat',
        'ChartSeriesFormat.Fill': 'ChartFill',
      };
      if (next[key]) return { ...(h as { sheet: FakeSheet; chart: FakeChart; series?: FakeChartSeries }), type: next[key] } as Handle;
    }
    const cf = (h as { cf?: FakeConditionalFormat }).cf;
    if (cf) {
      const next: Record<string, Handle['type']> = {
        'ConditionalFormat.Custom': 'CustomConditionalFormat',
        'ConditionalFormat.CellValue': 'CellValueConditionalFormat',
        'CustomConditionalFormat.Rule': 'ConditionalFormatRule',
        'CustomConditionalFormat.Format': 'ConditionalRangeFormat',
        'CellValueConditionalFormat.Format': 'ConditionalRangeFormat',
        'ConditionalRangeFormat.Font': 'ConditionalRangeFont',
        'ConditionalRangeFormat.Fill': 'ConditionalRangeFill',
      };
      if (next[key]) return { type: next[key], sheet: s(), cf } as Handle;
    }
    return fail('InvalidArgument', `${key} is not in the fake.`);
  }

  private index(h: Handle, key: unknown): Handle | null {
    if (h.type === 'WorksheetCollection') {
      const s = this.data.sheets.find((x) => x.id === key) ?? this.data.find(String(key));
      return s ? { type: 'Worksheet', sheet: s } : fail('ItemNotFound', `The worksheet '${String(key)}' does not exist.`);
    }
    if (h.type === 'TableCollection') {
      for (const sheet of h.sheet ? [h.sheet] : this.data.sheets) {
        const t = sheet.tables.find((x) => x.name.toLowerCase() === String(key).toLowerCase());
        if (t) return { type: 'Table', sheet, table: t };
      }
      return fail('ItemNotFound', `The table '${String(key)}' does not exist.`);
    }
    return fail('InvalidArgument', `${h.type} has no indexer in the fake.`);
  }

  private method(h: Handle, name: string, args: unknown[]): unknown {
    const key = `${h.type}.${name}`;
    switch (key) {
      case 'Application.SuspendApiCalculationUntilNextSync':
        this.calculationSuspendedRequests++;
        return null;
      case 'WorksheetCollection.Add': {
        const sheet = new FakeSheet(checkSheetName(this.data, args[0]));
        this.data.sheets.push(sheet);
        return { type: 'Worksheet', sheet };
      }
      case 'WorksheetCollection.GetItemOrNullObject': {
        const s = this.data.sheets.find((x) => x.id === args[0]) ?? this.data.find(String(args[0]));
        return s ? { type: 'Worksheet', sheet: s } : null;
      }
      case 'Worksheet.Delete': {
        const s = this.sheetOf(h);
        if (!this.data.sheets.some((o) => o !== s && o.visibility === 'Visible')) fail('InvalidOperation', 'Cannot delete the last visible sheet.');
        this.data.sheets = this.data.sheets.filter((o) => o !== s);
        if (this.data.activeSheet === s.name) this.data.activeSheet = this.data.sheets.find((o) => o.visibility === 'Visible')!.name;
        return null;
      }
      case 'Worksheet.Activate':
        this.data.activeSheet = this.sheetOf(h).name;
        return null;
      case 'Worksheet.GetRange':
        return { type: 'Range', sheet: this.sheetOf(h), rect: args[0] ? parseAddress(String(args[0])) : { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      case 'Worksheet.GetRangeByIndexes': {
        const [row, col, rows, cols] = args as number[];
        if (!(rows >= 1 && cols >= 1 && row >= 0 && col >= 0 && row + rows <= 1048576 && col + cols <= 16384)) invalid('The range is outside the sheet.');
        return { type: 'Range', sheet: this.sheetOf(h), rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
      }
      case 'Worksheet.GetUsedRange':
      case 'Worksheet.GetUsedRangeOrNullObject': {
        if (args[0] !== true) invalid('The fake only implements getUsedRange(true).');
        const s = this.sheetOf(h);
        const b = s.usedBounds();
        if (!b && name.endsWith('OrNullObject')) return null;
        return { type: 'Range', sheet: s, rect: b ?? { top: 0, left: 0, bottom: 0, right: 0 } };
      }
      case 'WorksheetFreezePanes.FreezeRows':
      case 'WorksheetFreezePanes.FreezeColumns':
      case 'WorksheetFreezePanes.FreezeAt':
      case 'WorksheetFreezePanes.Unfreeze': {
        const s = this.sheetOf(h);
        if (s.visibility !== 'Visible') fail('GeneralException', `There was an internal error while processing the request (${STRICT_RULES.hiddenFreeze}).`);
        if (name === 'FreezeRows') s.freeze = { rows: Number(args[0]), cols: 0 };
        else if (name === 'FreezeColumns') s.freeze = { rows: 0, cols: Number(args[0]) };
        else if (name === 'FreezeAt') {
          const r = (args[0] as { rect: RangeRef }).rect;
          s.freeze = { rows: r.bottom + 1, cols: r.right + 1 };
        } else s.freeze = null;
        return null;
      }
      case 'Table.GetRange':
        return { type: 'Range', sheet: this.sheetOf(h), rect: parseAddress((h as { table: { ref: string } }).table.ref) };
      case 'Range.Clear': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        this.guardWrite(this.sheetOf(h));
        sheet.clear(rect);
        sheet.merges = sheet.merges.filter((m) => !intersects(parseAddress(m), rect));
        return null;
      }
      case 'Range.Merge': {
        this.guardWrite(this.sheetOf(h));
        (h as { sheet: FakeSheet }).sheet.merges.push(rangeA1((h as { rect: RangeRef }).rect));
        return null;
      }
      case 'Range.Select': {
        const s = this.sheetOf(h);
        this.data.activeSheet = s.name;
        this.data.selection = { sheet: s.name, address: rangeA1((h as { rect: RangeRef }).rect) };
        return null;
      }
      // Office.js writes arrays over 1.500 cells in row slices: it checks the size first, then addresses
      // each slice as getRow(i).getBoundingRect(getRow(j)) (setRangePropertiesInBulk in the library).
      case 'Range._ValidateArraySize': {
        const { rect } = h as { rect: RangeRef };
        if (args[0] !== rect.bottom - rect.top + 1 || args[1] !== rect.right - rect.left + 1) {
          invalid(`The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rangeA1(rect)}.`);
        }
        return null;
      }
      case 'Range.GetRow': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        const row = rect.top + Number(args[0]);
        if (row > rect.bottom) invalid('The row is outside the range.');
        return { type: 'Range', sheet, rect: { ...rect, top: row, bottom: row } };
      }
      case 'Range.GetBoundingRect': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        const o = (args[0] as { rect: RangeRef }).rect;
        return { type: 'Range', sheet, rect: { top: Math.min(rect.top, o.top), left: Math.min(rect.left, o.left), bottom: Math.max(rect.bottom, o.bottom), right: Math.max(rect.right, o.right) } };
      }
      case 'Range.GetSpecialCellsOrNullObject':
        return this.specialCells(h as { sheet: FakeSheet; rect: RangeRef }, String(args[0]));
      case 'Range.GetMergedAreasOrNullObject': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        const hits = sheet.merges.filter((m) => intersects(parseAddress(m), rect));
        return hits.length ? { type: 'RangeAreas', sheet, address: hits.map((m) => `${quoteSheet(sheet.name)}!${m}`).join(',') } : null;
      }
      case 'ConditionalFormatCollection.Add': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        if (!['Custom', 'CellValue'].includes(String(args[0]))) invalid(`The fake only adds Custom and CellValue conditional formats, not ${String(args[0])}.`);
        const cf: FakeConditionalFormat = { range: rangeA1(rect), type: String(args[0]) };
        // Excel puts a new rule on top of the priority list.
        sheet.conditionalFormats.unshift(cf);
        return { type: 'ConditionalFormat', sheet, cf };
      }
      case 'ConditionalFormatCollection.ClearAll': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(parseAddress(cf.range), rect));
        return null;
      }
      case 'PageLayout.SetPrintArea':
        (h as { sheet: FakeSheet }).sheet.pageLayout.printArea = String(args[0]);
        return null;
      case 'PageLayout.SetPrintTitleRows':
        (h as { sheet: FakeSheet }).sheet.pageLayout.printTitleRows = String(args[0]);
        return null;
      case 'PageBreakCollection.Add':
        (h as { sheet: FakeSheet }).sheet.pageBreaks.push(String(args[0]));
        return null;
      case 'PageBreakCollection.RemovePageBreaks':
        (h as { sheet: FakeSheet }).sheet.pageBreaks = [];
        return null;
      case 'ChartCollection.Add': {
        const sheet = this.sheetOf(h);
        const source = args[1] as { rect?: RangeRef } | string;
        const values = typeof source === 'string' ? source.replace(/\$/g, '') : rangeA1(source.rect!);
        const chart: FakeChart = { name: '', type: String(args[0]), title: '', series: [{ name: '', values }] };
        sheet.charts.push(chart);
        return { type: 'Chart', sheet, chart };
      }
      case 'Chart.SetPosition': {
        const cellOf = (a: unknown) => (typeof a === 'string' ? a : rangeA1((a as { rect: RangeRef }).rect));
        (h as { chart: FakeChart }).chart.position = [cellOf(args[0]), cellOf(args[1])];
        return null;
      }
      case 'ChartSeriesCollection.GetItemAt': {
        const c = h as { sheet: FakeSheet; chart: FakeChart };
        const series = c.chart.series[Number(args[0])] ?? fail('ItemNotFound', `No series ${String(args[0])}.`);
        return { type: 'ChartSeries', sheet: c.sheet, chart: c.chart, series };
      }
      case 'ChartSeriesCollection.Add': {
        const c = h as { sheet: FakeSheet; chart: FakeChart };
        const series: FakeChartSeries = { name: String(args[0] ?? ''), values: '' };
        c.chart.series.push(series);
        return { type: 'ChartSeries', sheet: c.sheet, chart: c.chart, series };
      }
      case 'ChartSeries.SetValues':
      case 'ChartSeries.SetXAxisValues': {
        const range = args[0] as { rect?: RangeRef };
        if (!range?.rect) invalid('A series takes a range.');
        const series = (h as { series: FakeChartSeries }).series;
        if (name === 'SetValues') series.values = rangeA1(range.rect!);
        else series.xValues = rangeA1(range.rect!);
        return null;
      }
      case 'ChartFill.SetSolidColor':
        (h as { series: FakeChartSeries }).series.colour = String(args[0]);
        return null;
      case 'DataValidation.Clear': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        sheet.dataValidations = sheet.dataValidations.filter((d) => !intersects(parseAddress(d.range), rect));
        return null;
      }
    }
    return fail('InvalidArgument', `${key}() is not in the fake.`);
  }

  private specialCells(h: { sheet: FakeSheet; rect: RangeRef }, type: string): Handle | null {
    const { sheet: s, rect: r } = h;
    const areas: string[] = [];
    if (type === 'Visible') {
      let start = -1;
      for (let row = r.top; row <= r.bottom + 1; row++) {
        const visible = row <= r.bottom && !s.hiddenRows.has(row);
        if (visible && start < 0) start = row;
        if (!visible && start >= 0) {
          areas.push(addressOf(s, { top: start, bottom: row - 1, left: r.left, right: r.right }));
          start = -1;
        }
      }
    } else if (type === 'Constants' || type === 'Formulas') {
      const formulas = type === 'Formulas';
      for (const row of [...s.cells.keys()].sort((a, b) => a - b)) {
        if (row < r.top || row > r.bottom) continue;
        const cols = [...s.cells.get(row)!.entries()]
          .filter(([c, cell]) => c >= r.left && c <= r.right && (formulas ? Boolean(cell.formula) : !cell.formula && cell.value !== ''))
          .map(([c]) => c)
          .sort((a, b) => a - b);
        let start = -1;
        cols.forEach((c, i) => {
          if (start < 0) start = c;
          if (cols[i + 1] !== c + 1) {
            areas.push(addressOf(s, { top: row, bottom: row, left: start, right: c }));
            start = -1;
          }
        });
      }
    } else invalid(`The fake only knows Visible, Constants and Formulas special cells, not ${type}.`);
    return areas.length ? { type: 'RangeAreas', sheet: s, address: areas.join(',') } : null;
  }

  private query(h: Handle, select: string[] | undefined): unknown {
    if (h.type === 'WorksheetCollection') {
      return { _Items: this.data.sheets.map((sheet) => ({ Id: sheet.id, ...this.props({ type: 'Worksheet', sheet }, select ?? ['name']) })) };
    }
    if (h.type === 'TableCollection') {
      const sheets = h.sheet ? [this.sheetOf(h)] : this.data.sheets;
      return { _Items: sheets.flatMap((sheet) => sheet.tables.map((table) => ({ Id: table.name, ...this.props({ type: 'Table', sheet, table }, select ?? ['name']) }))) };
    }
    return this.props(h, select ?? []);
  }

  private props(h: Handle, select: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of select) {
      const name = p[0].toUpperCase() + p.slice(1);
      out[name] = this.get(h, name);
    }
    return out;
  }

  private get(h: Handle, name: string): unknown {
    const key = `${h.type}.${name}`;
    if (h.type === 'Range') {
      const cells = h as { sheet: FakeSheet; rect: RangeRef };
      this.sheetOf(h);
      switch (name) {
        case 'Values':
          return grid(cells, (c) => c?.value ?? '');
        case 'Formulas':
          return grid(cells, (c) => c?.formula ?? c?.value ?? '');
        case 'NumberFormat':
          return grid(cells, (c) => c?.numberFormat ?? 'General');
        case 'ValueTypes':
          return grid(cells, valueType);
        case 'Address':
          return addressOf(cells.sheet, cells.rect);
        case 'RowIndex':
          return cells.rect.top;
        case 'ColumnIndex':
          return cells.rect.left;
        case 'RowCount':
          return cells.rect.bottom - cells.rect.top + 1;
        case 'ColumnCount':
          return cells.rect.right - cells.rect.left + 1;
      }
    }
    switch (key) {
      case 'Worksheet.Name':
        return this.sheetOf(h).name;
      case 'Worksheet.Visibility':
        return this.sheetOf(h).visibility;
      case 'Worksheet.TabColor':
        return this.sheetOf(h).tabColor;
      case 'Worksheet.Id':
        return this.sheetOf(h).id;
      case 'Worksheet.Position':
        return this.data.sheets.indexOf(this.sheetOf(h));
      case 'WorksheetProtection.Protected':
        return this.sheetOf(h).protected;
      case 'Table.Name':
        return (h as { table: { name: string } }).table.name;
      case 'RangeAreas.Address':
        return (h as { address: string }).address;
    }
    return fail('InvalidArgument', `${key} cannot be loaded from the fake.`);
  }

  private set(h: Handle, name: string, v: unknown): void {
    const key = `${h.type}.${name}`;
    if (h.type === 'Range' && (name === 'Values' || name === 'Formulas' || name === 'NumberFormat')) {
      const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
      this.guardWrite(this.sheetOf(h));
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      // A single value is spread over the whole range, as Excel does.
      const at = Array.isArray(v)
        ? (() => {
            const arr = v as unknown[][];
            if (arr.length !== rows || arr.some((row) => !Array.isArray(row) || row.length !== cols)) {
              invalid(`The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rangeA1(rect)}.`);
            }
            return (r: number, c: number) => arr[r][c];
          })()
        : () => v;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const input = at(r, c);
          if (input === null) continue; // null leaves the cell as it is
          const cell = sheet.ensure(rect.top + r, rect.left + c);
          if (name === 'NumberFormat') {
            if (input === 'General') delete cell.numberFormat;
            else cell.numberFormat = String(input);
          } else interpretInput(cell, input);
        }
      }
      return;
    }
    const each = (fn: (c: FakeCell) => void) => {
      const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
      this.guardWrite(this.sheetOf(h));
      for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) fn(sheet.ensure(row, col));
    };
    const cf = (h as { cf?: FakeConditionalFormat }).cf;
    switch (key) {
      case 'Range.Hyperlink':
        return each((c) => {
          const link = v as FakeCell['hyperlink'];
          c.hyperlink = link;
          if (link?.textToDisplay !== undefined) interpretInput(c, `'${link.textToDisplay}`);
        });
      case 'Worksheet.Name':
        this.sheetOf(h).name = checkSheetName(this.data, v, this.sheetOf(h));
        return;
      case 'Worksheet.Visibility': {
        const s = this.sheetOf(h);
        if (v !== 'Visible' && !this.data.sheets.some((o) => o !== s && o.visibility === 'Visible')) fail('InvalidOperation', 'A workbook must keep at least one visible sheet.');
        if (!['Visible', 'Hidden', 'VeryHidden'].includes(String(v))) invalid(`Visibility ${String(v)} is not valid.`);
        s.visibility = v as FakeSheet['visibility'];
        return;
      }
      case 'Worksheet.TabColor':
        this.sheetOf(h).tabColor = String(v);
        return;
      case 'RangeFormat.ColumnWidth': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, Number(v));
        return;
      }
      case 'RangeFormat.WrapText':
        return each((c) => ((c.format ??= {}).wrapText = Boolean(v)));
      case 'RangeFormat.VerticalAlignment':
        return each((c) => ((c.format ??= {}).verticalAlignment = String(v)));
      case 'RangeFont.Bold':
        return each((c) => ((c.format ??= {}).bold = Boolean(v)));
      case 'RangeFont.Italic':
        return each((c) => ((c.format ??= {}).italic = Boolean(v)));
      case 'RangeFont.Size':
        return each((c) => ((c.format ??= {}).size = Number(v)));
      case 'RangeFont.Color':
        return each((c) => ((c.format ??= {}).fontColor = String(v)));
      case 'RangeFont.Underline':
        return each((c) => ((c.format ??= {}).underline = String(v)));
      case 'RangeFill.Color':
        return each((c) => ((c.format ??= {}).fill = String(v)));
      case 'DataValidation.Rule': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        const source = (v as { list?: { source?: string } }).list?.source ?? '';
        if (source.length > 255) invalid('The list source is longer than 255 characters.');
        sheet.dataValidations.push({ range: rangeA1(rect), rule: v });
        return;
      }
      case 'PageLayout.PaperSize':
      case 'PageLayout.Orientation':
      case 'PageLayout.CenterHorizontally':
      case 'PageLayout.Zoom':
        (h as { sheet: FakeSheet }).sheet.pageLayout[name[0].toLowerCase() + name.slice(1)] = v;
        return;
      case 'HeaderFooter.LeftHeader':
      case 'HeaderFooter.CenterHeader':
      case 'HeaderFooter.RightHeader':
      case 'HeaderFooter.LeftFooter':
      case 'HeaderFooter.CenterFooter':
      case 'HeaderFooter.RightFooter':
        (h as { sheet: FakeSheet }).sheet.pageLayout[`headersFooters.${name[0].toLowerCase()}${name.slice(1)}`] = v;
        return;
      case 'Chart.Name':
        (h as { chart: FakeChart }).chart.name = String(v);
        return;
      case 'ChartTitle.Text':
        (h as { chart: FakeChart }).chart.title = String(v);
        return;
      case 'ChartLegend.Position':
        (h as { chart: FakeChart }).chart.legend = String(v);
        return;
      case 'ChartAxis.NumberFormat':
        (h as { chart: FakeChart }).chart.valueFormat = String(v);
        return;
      case 'ChartSeries.Name':
        (h as { series: FakeChartSeries }).series.name = String(v);
        return;
      case 'DataValidation.Prompt': {
        const { sheet, rect } = h as { sheet: FakeSheet; rect: RangeRef };
        const found = sheet.dataValidations.find((d) => d.range === rangeA1(rect));
        if (found) found.prompt = v;
        return;
      }
    }
    if (cf) {
      switch (key) {
        case 'ConditionalFormat.StopIfTrue':
          cf.stopIfTrue = Boolean(v);
          return;
        case 'ConditionalFormatRule.Formula':
          cf.formula = checkCfFormula(v);
          return;
        case 'CellValueConditionalFormat.Rule': {
          const rule = v as { formula1?: string; formula2?: string; operator?: string };
          checkCfFormula(rule.formula1);
          if (rule.formula2 !== undefined) checkCfFormula(rule.formula2);
          cf.rule = rule;
          return;
        }
        case 'ConditionalRangeFill.Color':
          cf.fill = String(v);
          return;
        case 'ConditionalRangeFont.Color':
          cf.fontColor = String(v);
          return;
      }
    }
    fail('InvalidArgument', `${key} cannot be set in the fake.`);
  }
}
