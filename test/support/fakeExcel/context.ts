// A fake Office.js request context over FakeWorkbookData: exactly the Excel
// API subset src/hosts/office uses, with Office.js semantics where they
// matter: writes and loads are queued and only happen at context.sync();
// reading a property that was not loaded throws; a failing request keeps
// what ran before the failing operation (Excel batches are not atomic).
// Every sync is counted, with the JSON size of its request and response.

import { parseRange, quoteSheet, rangeA1 } from '../../../src/core/workbook/address';
import type { RangeRef } from '../../../src/core/workbook/address';
import type { FakeCell, FakeChart, FakeChartSeries, FakeConditionalFormat, FakeFormat, FakeValue, FakeWorkbookData } from './model';
import { FakeSheet } from './model';

export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const RESPONSE_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface SyncRecord {
  requestChars: number;
  responseChars: number;
  operations: number;
}

export interface FakeHooks {
  /** Called at each sync before anything runs; throw a FakeOfficeError to simulate Excel refusing the request. */
  beforeSync?: (index: number) => void;
  /** Latency per round trip, to watch progress and cancel (Excel on the web takes tens to hundreds of ms). */
  syncDelayMs?: number;
}

interface QueuedOp {
  payload: unknown;
  /** Runs at sync; a load returns what travels back in the response. */
  apply(): unknown;
}

const sheetRect = (): RangeRef => ({ top: 0, left: 0, bottom: 1048575, right: 16383 });

/** Excel's reading of typed input: '=...' is a formula, a leading apostrophe makes text, numbers and TRUE/FALSE convert. */
export function interpretInput(cell: FakeCell, input: unknown, asFormula: boolean): void {
  delete cell.formula;
  delete cell.quotePrefix;
  if (input === null || input === undefined || input === '') {
    cell.value = '';
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
  } else if (s.startsWith('=') && s.length > 1) {
    cell.formula = s;
    cell.value = '';
  } else if (/^[-+]?\d+([.,]\d+)?%?$/.test(s.trim())) {
    const pct = s.trim().endsWith('%');
    const n = Number(s.trim().replace('%', '').replace(',', '.'));
    cell.value = pct ? n / 100 : n;
  } else if (/^(TRUE|FALSE|WAAR|ONWAAR)$/i.test(s)) {
    cell.value = /^(TRUE|WAAR)$/i.test(s);
  } else cell.value = s;
  void asFormula;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: QueuedOp[] = [];
  readonly syncs: SyncRecord[] = [];

  constructor(
    readonly data: FakeWorkbookData,
    readonly hooks: FakeHooks = {},
    readonly globalSyncs: SyncRecord[] = [],
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(payload: unknown, apply: () => unknown): void {
    this.queue.push({ payload, apply });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const record: SyncRecord = { requestChars: JSON.stringify(ops.map((o) => o.payload)).length, responseChars: 0, operations: ops.length };
    this.syncs.push(record);
    this.globalSyncs.push(record);
    await (this.hooks.syncDelayMs ? new Promise((r) => setTimeout(r, this.hooks.syncDelayMs)) : Promise.resolve());
    this.hooks.beforeSync?.(this.globalSyncs.length);
    if (record.requestChars > REQUEST_LIMIT) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    const responses: unknown[] = [];
    for (const op of ops) {
      const r = op.apply();
      if (r !== undefined) responses.push(r);
    }
    record.responseChars = JSON.stringify(responses).length;
    if (record.responseChars > RESPONSE_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
}

/** Base for proxies: loaded properties live in `loaded`; reading one that was not loaded throws like Office.js. */
abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeRequestContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeOfficeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load() and sync() first.`);
    return this.loaded.get(prop) as T;
  }

  protected abstract snapshot(prop: string): unknown;

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ load: this.constructor.name, props: list }, () => {
      const out: Record<string, unknown> = {};
      for (const p of list) {
        const v = this.snapshot(p);
        this.loaded.set(p, v);
        out[p] = v;
      }
      return out;
    });
    return this;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

class FakeWorksheetCollection extends Proxy {
  private itemProxies: FakeWorksheet[] = [];

  get items(): FakeWorksheet[] {
    this.read('items');
    return this.itemProxies;
  }

  protected snapshot(prop: string): unknown {
    // "items/name,items/visibility": the items are what matter; child props are loaded onto each item.
    if (!prop.startsWith('items')) return undefined;
    const child = prop.split('/')[1];
    // One proxy per sheet for the whole load, so "items/name,items/visibility" land on the same objects.
    this.itemProxies = this.ctx.data.sheets.map((s) => {
      let ws = this.itemProxies.find((p) => p.sheet() === s);
      if (!ws) {
        ws = new FakeWorksheet(this.ctx, () => s);
        ws.resolveNow();
      }
      if (child) ws.setLoaded(child, ws.valueOf(child));
      return ws;
    });
    this.loaded.set('items', true);
    return this.itemProxies.map((ws) => (child ? ws.valueOf(child) : ws.name));
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const ws = new FakeWorksheet(this.ctx, () => created!);
    this.ctx.enqueue({ add: name }, () => {
      if (this.ctx.data.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      created = new FakeSheet(name);
      this.ctx.data.sheets.push(created);
      return undefined;
    });
    return ws;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.data.find(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet named ${name}.`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.find(name) ?? null);
  }
}

class FakeWorksheet extends Proxy {
  private target: FakeSheet | null | undefined;
  readonly protection: FakeProtection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreaks;
  readonly charts: FakeChartCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, () => this.sheet());
    this.tables = new FakeTableCollection(ctx, () => this.sheet());
    this.freezePanes = new FakeFreezePanes(ctx, () => this.sheet());
    this.pageLayout = new FakePageLayout(ctx, () => this.sheet());
    this.horizontalPageBreaks = new FakePageBreaks(ctx, () => this.sheet());
    this.charts = new FakeChartCollection(ctx, () => this.sheet());
  }

  resolveNow(): void {
    this.target = this.resolver();
  }

  /** The sheet this proxy stands for, resolved at first use during a sync. */
  sheet(): FakeSheet {
    if (this.target === undefined) this.target = this.resolver();
    if (this.target === null) throw new FakeOfficeError('InvalidObjectPath', 'The sheet is a null object.');
    if (!this.ctx.data.sheets.includes(this.target)) throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted.');
    return this.target;
  }

  setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }

  valueOf(prop: string): unknown {
    return this.snapshot(prop);
  }

  protected snapshot(prop: string): unknown {
    if (prop === 'isNullObject') {
      if (this.target === undefined) this.target = this.resolver();
      return this.target === null;
    }
    const s = this.sheet();
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'tabColor') return s.tabColor;
    throw new FakeOfficeError('InvalidArgument', `Worksheet.${prop} is not in the fake.`);
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.ctx.enqueue({ set: 'Worksheet.name', v }, () => {
      const s = this.sheet();
      const clash = this.ctx.data.find(v);
      if (clash && clash !== s) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${v} already exists.`);
      s.name = v;
    });
    this.loaded.delete('name');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.ctx.enqueue({ set: 'Worksheet.visibility', v }, () => {
      const s = this.sheet();
      if (v !== 'Visible' && !this.ctx.data.sheets.some((o) => o !== s && o.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      s.visibility = v as FakeSheet['visibility'];
    });
  }
  set tabColor(v: string) {
    this.ctx.enqueue({ set: 'Worksheet.tabColor', v }, () => void (this.sheet().tabColor = v));
  }

  delete(): void {
    this.ctx.enqueue({ call: 'Worksheet.delete' }, () => {
      const s = this.sheet();
      if (!this.ctx.data.sheets.some((o) => o !== s && o.visibility === 'Visible')) throw new FakeOfficeError('InvalidOperation', 'Cannot delete the last visible sheet.');
      this.ctx.data.sheets = this.ctx.data.sheets.filter((o) => o !== s);
      if (this.ctx.data.activeSheet === s.name) this.ctx.data.activeSheet = this.ctx.data.sheets.find((o) => o.visibility === 'Visible')!.name;
    });
  }

  activate(): void {
    this.ctx.enqueue({ call: 'Worksheet.activate' }, () => void (this.ctx.data.activeSheet = this.sheet().name));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address ? parseRange(address.replace(/\$/g, '')) : sheetRect()));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeOfficeError('InvalidArgument', 'Empty range.');
    return new FakeRange(this.ctx, this, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (!valuesOnly) throw new FakeOfficeError('InvalidArgument', 'The fake only implements getUsedRange(true).');
    return new FakeRange(this.ctx, this, () => this.sheet().usedBounds() ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
}

class FakeProtection extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'protected') return this.sheet().protected;
    throw new FakeOfficeError('InvalidArgument', `Protection.${prop} is not in the fake.`);
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

/** worksheet.pageLayout (ExcelApi 1.9): every setting is recorded on the sheet, in order. */
class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    const set = (prop: string, v: unknown) => this.ctx.enqueue({ set: `PageLayout.${prop}`, v }, () => void (this.sheet().pageLayout[prop] = v));
    const pages: Record<string, string> = {};
    this.headersFooters = {
      defaultForAllPages: new globalThis.Proxy(pages, {
        set: (_t: Record<string, string>, prop: string, v: string) => {
          set(`headersFooters.${prop}`, v);
          return true;
        },
      }),
    };
    for (const prop of ['paperSize', 'orientation', 'centerHorizontally', 'zoom']) {
      Object.defineProperty(this, prop, { set: (v: unknown) => set(prop, v), configurable: true });
    }
  }
  setPrintArea(range: string): void {
    this.ctx.enqueue({ call: 'setPrintArea', range }, () => void (this.sheet().pageLayout.printArea = range));
  }
  setPrintTitleRows(range: string): void {
    this.ctx.enqueue({ call: 'setPrintTitleRows', range }, () => void (this.sheet().pageLayout.printTitleRows = range));
  }
}

class FakePageBreaks {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(cell: string): void {
    this.ctx.enqueue({ call: 'PageBreaks.add', cell }, () => void this.sheet().pageBreaks.push(cell));
  }
  removePageBreaks(): void {
    this.ctx.enqueue({ call: 'PageBreaks.removePageBreaks' }, () => void (this.sheet().pageBreaks = []));
  }
}

/** worksheet.charts: add() records a chart; its series, title and position are set on the record at sync. */
class FakeChartCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, source: FakeRange, seriesBy: string): FakeChartProxy {
    const chart: FakeChart = { name: '', type, title: '', series: [] };
    this.ctx.enqueue({ call: 'Charts.add', type, seriesBy }, () => {
      chart.series.push({ name: 'Reeks1', values: rangeA1(source.rect()) });
      this.sheet().charts.push(chart);
    });
    return new FakeChartProxy(this.ctx, chart);
  }
}

class FakeChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { numberFormat: string } };
  readonly series: { getItemAt(i: number): FakeSeriesProxy; add(name: string): FakeSeriesProxy };
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {
    const set = <K extends keyof FakeChart>(k: K, v: FakeChart[K]) => ctx.enqueue({ set: `Chart.${k}`, v }, () => void (chart[k] = v));
    this.title = { set text(v: string) { set('title', v); } } as { text: string };
    this.legend = { set position(v: string) { set('legend', v); } } as { position: string };
    this.axes = { valueAxis: { set numberFormat(v: string) { set('valueFormat', v); } } } as { valueAxis: { numberFormat: string } };
    this.series = {
      getItemAt: (i) => new FakeSeriesProxy(ctx, () => chart.series[i]),
      add: (name) => {
        const s: FakeChartSeries = { name, values: '' };
        ctx.enqueue({ call: 'Series.add', name }, () => void chart.series.push(s));
        return new FakeSeriesProxy(ctx, () => s);
      },
    };
  }
  set name(v: string) {
    this.ctx.enqueue({ set: 'Chart.name', v }, () => void (this.chart.name = v));
  }
  setPosition(from: string, to: string): void {
    this.ctx.enqueue({ call: 'Chart.setPosition', from, to }, () => void (this.chart.position = [from, to]));
  }
}

class FakeSeriesProxy {
  readonly format: { fill: { setSolidColor(c: string): void } };
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly series: () => FakeChartSeries,
  ) {
    this.format = { fill: { setSolidColor: (c: string) => ctx.enqueue({ call: 'Series.fill', c }, () => void (series().colour = c)) } };
  }
  set name(v: string) {
    this.ctx.enqueue({ set: 'Series.name', v }, () => void (this.series().name = v));
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue({ call: 'Series.setValues' }, () => void (this.series().values = rangeA1(range.rect())));
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue({ call: 'Series.setXAxisValues' }, () => void (this.series().xValues = rangeA1(range.rect())));
  }
}

class FakeFreezePanes {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  freezeRows(n: number): void {
    this.ctx.enqueue({ call: 'freezeRows', n }, () => void (this.sheet().freeze = { rows: n, cols: 0 }));
  }
  freezeColumns(n: number): void {
    this.ctx.enqueue({ call: 'freezeColumns', n }, () => void (this.sheet().freeze = { rows: 0, cols: n }));
  }
  freezeAt(range: FakeRange): void {
    this.ctx.enqueue({ call: 'freezeAt' }, () => {
      const r = range.rect();
      this.sheet().freeze = { rows: r.bottom + 1, cols: r.right + 1 };
    });
  }
  unfreeze(): void {
    this.ctx.enqueue({ call: 'unfreeze' }, () => void (this.sheet().freeze = null));
  }
}

class FakeTableCollection extends Proxy {
  private itemProxies: FakeTable[] = [];
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    const child = prop.split('/')[1];
    const s = this.sheet();
    this.itemProxies = s.tables.map((t) => new FakeTable(this.ctx, t, s));
    this.loaded.set('items', true);
    return s.tables.map((t) => (child === 'name' ? t.name : t));
  }
  get items(): FakeTable[] {
    this.read('items');
    return this.itemProxies;
  }
}

class FakeTable {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly table: { name: string; ref: string },
    private readonly sheet: FakeSheet,
  ) {}
  get name(): string {
    return this.table.name;
  }
  getRange(): FakeRange {
    const ws = new FakeWorksheet(this.ctx, () => this.sheet);
    return new FakeRange(this.ctx, ws, () => parseRange(this.table.ref));
  }
}

function addressOf(sheet: FakeSheet, rect: RangeRef): string {
  return `${quoteSheet(sheet.name)}!${rangeA1(rect)}`;
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

class FakeRangeAreas extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly compute: () => string | null,
  ) {
    super(ctx);
  }
  protected snapshot(prop: string): unknown {
    const address = this.compute();
    if (prop === 'isNullObject') return address === null;
    if (prop === 'address') {
      this.loaded.set('isNullObject', address === null);
      return address ?? '';
    }
    throw new FakeOfficeError('InvalidArgument', `RangeAreas.${prop} is not in the fake.`);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
}

/** A style property on a range: setting it queues a per-cell write. */
function formatSetter(ctx: FakeRequestContext, range: FakeRange, key: keyof FakeFormat) {
  return (v: unknown) =>
    ctx.enqueue({ set: `format.${key}`, v }, () => range.eachCell((c) => ((c.format ??= {}) as Record<string, unknown>)[key] = v));
}

class FakeRange extends Proxy {
  private cachedRect: RangeRef | undefined;
  readonly format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    wrapText: boolean;
    verticalAlignment: string;
    columnWidth: number;
  };
  readonly conditionalFormats: { add(type: string): unknown; clearAll(): void };
  readonly dataValidation: { rule: unknown; prompt: unknown; clear(): void };

  constructor(
    ctx: FakeRequestContext,
    readonly ws: FakeWorksheet,
    private readonly rectOf: () => RangeRef,
  ) {
    super(ctx);
    const font = {};
    const fontKeys: [string, keyof FakeFormat][] = [
      ['bold', 'bold'],
      ['italic', 'italic'],
      ['size', 'size'],
      ['color', 'fontColor'],
      ['underline', 'underline'],
    ];
    for (const [prop, key] of fontKeys) Object.defineProperty(font, prop, { set: formatSetter(ctx, this, key), enumerable: true });
    const fill = {};
    Object.defineProperty(fill, 'color', { set: formatSetter(ctx, this, 'fill'), enumerable: true });
    const format = { font, fill } as FakeRange['format'];
    Object.defineProperty(format, 'wrapText', { set: formatSetter(ctx, this, 'wrapText') });
    Object.defineProperty(format, 'verticalAlignment', { set: formatSetter(ctx, this, 'verticalAlignment') });
    Object.defineProperty(format, 'columnWidth', {
      set: (w: number) =>
        ctx.enqueue({ set: 'columnWidth', w }, () => {
          const r = this.rect();
          for (let c = r.left; c <= r.right; c++) this.ws.sheet().columnWidths.set(c, w);
        }),
    });
    this.format = format;
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: FakeConditionalFormat = { range: '', type };
        ctx.enqueue({ call: 'conditionalFormats.add', type }, () => {
          cf.range = rangeA1(this.rect());
          // Excel puts a new rule on top of the priority list.
          this.ws.sheet().conditionalFormats.unshift(cf);
        });
        const fmt = (target: 'fill' | 'fontColor') => (v: string) => ctx.enqueue({ set: `cf.${target}`, v }, () => void (cf[target] = v));
        const formatProxy = { fill: {}, font: {} };
        Object.defineProperty(formatProxy.fill, 'color', { set: fmt('fill') });
        Object.defineProperty(formatProxy.font, 'color', { set: fmt('fontColor') });
        const custom = { rule: {}, format: formatProxy };
        Object.defineProperty(custom.rule, 'formula', { set: (v: string) => ctx.enqueue({ set: 'cf.formula', v }, () => void (cf.formula = v)) });
        const cellValue = { format: formatProxy };
        Object.defineProperty(cellValue, 'rule', { set: (v: FakeRangeRule) => ctx.enqueue({ set: 'cf.rule', v }, () => void (cf.rule = v)) });
        const out = { custom, cellValue };
        Object.defineProperty(out, 'stopIfTrue', { set: (v: boolean) => ctx.enqueue({ set: 'cf.stopIfTrue', v }, () => void (cf.stopIfTrue = v)) });
        return out;
      },
      clearAll: () => {
        ctx.enqueue({ call: 'conditionalFormats.clearAll' }, () => {
          const r = this.rect();
          const s = this.ws.sheet();
          s.conditionalFormats = s.conditionalFormats.filter((cf) => !intersects(parseRange(cf.range), r));
        });
      },
    };
    const dv = { rule: undefined as unknown, prompt: undefined as unknown, clear() {} };
    Object.defineProperty(dv, 'rule', {
      set: (rule: unknown) =>
        ctx.enqueue({ set: 'dataValidation.rule', rule }, () => {
          const source = (rule as { list?: { source?: string } }).list?.source ?? '';
          if (source.length > 255) throw new FakeOfficeError('InvalidArgument', 'The list source is longer than 255 characters.');
          this.ws.sheet().dataValidations.push({ range: rangeA1(this.rect()), rule });
        }),
    });
    Object.defineProperty(dv, 'prompt', {
      set: (prompt: unknown) =>
        ctx.enqueue({ set: 'dataValidation.prompt', prompt }, () => {
          const a = rangeA1(this.rect());
          const found = this.ws.sheet().dataValidations.find((d) => d.range === a);
          if (found) found.prompt = prompt;
        }),
    });
    dv.clear = () =>
      ctx.enqueue({ call: 'dataValidation.clear' }, () => {
        const r = this.rect();
        const s = this.ws.sheet();
        s.dataValidations = s.dataValidations.filter((d) => !intersects(parseRange(d.range), r));
      });
    this.dataValidation = dv;
  }

  rect(): RangeRef {
    this.cachedRect ??= this.rectOf();
    return this.cachedRect;
  }

  eachCell(fn: (c: FakeCell, row: number, col: number) => void): void {
    const r = this.rect();
    const s = this.ws.sheet();
    this.guardWrite(s);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(s.ensure(row, col), row, col);
  }

  private guardWrite(s: FakeSheet): void {
    if (s.protected) throw new FakeOfficeError('AccessDenied', `The sheet ${s.name} is protected.`);
  }

  private grid<T>(fn: (c: FakeCell | undefined) => T): T[][] {
    const r = this.rect();
    const s = this.ws.sheet();
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(fn(s.get(row, col)));
      out.push(line);
    }
    return out;
  }

  protected snapshot(prop: string): unknown {
    const r = this.rect();
    switch (prop) {
      case 'values':
        return this.grid((c) => c?.value ?? '');
      case 'formulas':
        return this.grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'address':
        return addressOf(this.ws.sheet(), r);
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      default:
        throw new FakeOfficeError('InvalidArgument', `Range.${prop} is not in the fake.`);
    }
  }

  get values(): FakeValue[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.writeGrid('values', v, false);
  }
  get formulas(): FakeValue[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v, true);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.ctx.enqueue({ set: 'numberFormat', v }, () => {
      this.checkShape(v);
      const r = this.rect();
      this.eachCell((c, row, col) => {
        const f = v[row - r.top][col - r.left];
        if (f === 'General') delete c.numberFormat;
        else c.numberFormat = f;
      });
    });
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  set hyperlink(link: FakeCell['hyperlink']) {
    this.ctx.enqueue({ set: 'hyperlink', link }, () =>
      this.eachCell((c) => {
        c.hyperlink = link;
        if (link?.textToDisplay !== undefined) interpretInput(c, `'${link.textToDisplay}`, false);
      }),
    );
  }

  private checkShape(v: unknown[][]): void {
    const r = this.rect();
    if (v.length !== r.bottom - r.top + 1 || v.some((row) => row.length !== r.right - r.left + 1)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range ${rangeA1(r)}.`);
    }
  }

  private writeGrid(kind: string, v: unknown[][], asFormula: boolean): void {
    this.ctx.enqueue({ set: kind, v }, () => {
      this.checkShape(v);
      const r = this.rect();
      this.eachCell((c, row, col) => interpretInput(c, v[row - r.top][col - r.left], asFormula));
    });
  }

  clear(_what?: string): void {
    this.ctx.enqueue({ call: 'Range.clear' }, () => {
      const s = this.ws.sheet();
      this.guardWrite(s);
      s.clear(this.rect());
      const r = this.rect();
      s.merges = s.merges.filter((m) => !intersects(parseRange(m), r));
    });
  }

  merge(_across?: boolean): void {
    this.ctx.enqueue({ call: 'Range.merge' }, () => {
      const s = this.ws.sheet();
      this.guardWrite(s);
      s.merges.push(rangeA1(this.rect()));
    });
  }

  select(): void {
    this.ctx.enqueue({ call: 'Range.select' }, () => {
      const s = this.ws.sheet();
      this.ctx.data.activeSheet = s.name;
      this.ctx.data.selection = { sheet: s.name, address: rangeA1(this.rect()) };
    });
  }

  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    if (type === 'Constants' || type === 'Formulas') return new FakeRangeAreas(this.ctx, () => this.filledAreas(type === 'Formulas'));
    if (type !== 'Visible') throw new FakeOfficeError('InvalidArgument', 'The fake only knows Visible, Constants and Formulas special cells.');
    return new FakeRangeAreas(this.ctx, () => {
      const r = this.rect();
      const s = this.ws.sheet();
      const areas: string[] = [];
      let start = -1;
      for (let row = r.top; row <= r.bottom + 1; row++) {
        const visible = row <= r.bottom && !s.hiddenRows.has(row);
        if (visible && start < 0) start = row;
        if (!visible && start >= 0) {
          areas.push(addressOf(s, { top: start, bottom: row - 1, left: r.left, right: r.right }));
          start = -1;
        }
      }
      return areas.length ? areas.join(',') : null;
    });
  }

  /** Non-empty constant (or formula) cells inside this range, as runs of adjacent cells per row. */
  private filledAreas(formulas: boolean): string | null {
    const r = this.rect();
    const s = this.ws.sheet();
    const areas: string[] = [];
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
    return areas.length ? areas.join(',') : null;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const r = this.rect();
      const s = this.ws.sheet();
      const hits = s.merges.filter((m) => intersects(parseRange(m), r));
      return hits.length ? hits.map((m) => `${quoteSheet(s.name)}!${m}`).join(',') : null;
    });
  }
}

type FakeRangeRule = { formula1?: string; formula2?: string; operator?: string };

