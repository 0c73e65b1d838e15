// FakeExcel: an in-memory Excel for tests and the benchmark. It implements
// exactly the Office.js subset src/hosts/office uses, counts every
// context.sync and measures each request and response (JSON length).
//
//   const fake = FakeExcel.fromSnapshot(snapshot);
//   await fake.run((ctx) => readWorkbook(ctx));
//   fake.syncCount; fake.maxRequestChars; fake.sheet('TB Bevindingen')?.at('A1')
//
// In a browser, install() puts it behind the global `Excel.run` the pane calls.

import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import type { FakeHooks, SyncRecord } from './context';
import { FakeRequestContext } from './context';
import type { FakeSheet } from './model';
import { dataFromSnapshot, FakeWorkbookData } from './model';

export { FakeOfficeError, interpretInput, REQUEST_LIMIT, RESPONSE_LIMIT } from './context';
export type { SyncRecord, FakeHooks } from './context';
export { FakeSheet, FakeWorkbookData, dataFromSnapshot } from './model';
export type { FakeCell, FakeConditionalFormat, FakeFormat } from './model';

export interface FakeExcelOptions {
  /** Highest ExcelApi minor version the fake host claims (default 1.17). */
  apiVersion?: number;
  hooks?: FakeHooks;
}

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  apiVersion: number;
  hooks: FakeHooks;

  constructor(
    readonly data: FakeWorkbookData,
    opts: FakeExcelOptions = {},
  ) {
    this.apiVersion = opts.apiVersion ?? 1.17;
    this.hooks = opts.hooks ?? {};
  }

  static fromSnapshot(snap: WorkbookSnapshot, opts?: FakeExcelOptions): FakeExcel {
    return new FakeExcel(dataFromSnapshot(snap), opts);
  }

  static empty(opts?: FakeExcelOptions): FakeExcel {
    return new FakeExcel(new FakeWorkbookData(), opts);
  }

  /** A fresh request context, typed as the real one so adapter code accepts it. */
  context(): Excel.RequestContext {
    return new FakeRequestContext(this.data, this.hooks, this.syncs) as unknown as Excel.RequestContext;
  }

  /** Like Excel.run: runs the batch, then syncs what is still queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = this.context();
    const result = await batch(ctx);
    if ((ctx as unknown as FakeRequestContext).pending > 0) await ctx.sync();
    return result;
  }

  isSetSupported(name: string, version = '1.1'): boolean {
    if (name !== 'ExcelApi') return false;
    const [maj, min] = version.split('.').map(Number);
    const [hm, hn] = String(this.apiVersion).split('.').map(Number);
    return maj < hm || (maj === hm && (min ?? 0) <= (hn ?? 0));
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestChars(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestChars));
  }

  get maxResponseChars(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseChars));
  }

  resetCounts(): void {
    this.syncs.length = 0;
  }

  sheetNames(): string[] {
    return this.data.sheets.map((s) => s.name);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.data.find(name);
  }

  get selection(): { sheet: string; address: string } | null {
    return this.data.selection;
  }

  /** Cell text as a person would read it ('' for empty), for assertions. */
  text(sheet: string, address: string): string {
    const c = this.sheet(sheet)?.at(address);
    return c ? String(c.formula ?? c.value) : '';
  }

  /**
   * Make this fake the page's Excel: `Excel.run` and requirement checks go to
   * it. Used by the browser test; office.js itself still loads and runs.
   */
  install(win: { Excel?: unknown; Office?: unknown } & Record<string, unknown>): void {
    win.Excel = { run: (batch: (ctx: Excel.RequestContext) => Promise<unknown>) => this.run(batch) };
    win.__toetsbladFakeExcel = this;
  }
}
