// FakeExcel: an in-memory Excel behind Microsoft's own Office.js client
// library. `context()` is a real `Excel.RequestContext` from
// @microsoft/office-js; its requests go, serialized exactly as they would go
// to Excel on the web, to this workbook's RichApi backend (richApi.ts). So
// request building, PropertyNotLoaded, requirement-set guards and wire sizes
// are Microsoft's; the workbook semantics are the fake's. Every request is
// counted and measured (characters of the JSON body and of the response).
//
//   const fake = FakeExcel.fromSnapshot(snapshot);
//   await fake.run((ctx) => readWorkbook(ctx));
//   fake.syncCount; fake.maxRequestBytes; fake.sheet('TB Bevindingen')?.at('A1')
//
// In a browser, install() puts it behind the global `Excel.run` the pane calls.

import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { runOfficeLibrary } from './librarySource';
import type { FakeSheet } from './model';
import { dataFromSnapshot, FakeWorkbookData } from './model';
import type { OfficeLibrary } from './officeLibrary';
import { instantiateOfficeLibrary } from './officeLibrary';
import type { BackendHooks } from './richApi';
import { PAYLOAD_LIMIT, RichApiBackend } from './richApi';

export { FakeOfficeError, interpretInput, PAYLOAD_LIMIT, STRICT_RULES, MAX_FORMULA, MAX_TEXT } from './richApi';
export { FakeSheet, FakeWorkbookData, dataFromSnapshot } from './model';
export type { FakeCell, FakeConditionalFormat, FakeFormat } from './model';

/** What the fake refuses, as Excel on the web would (with our 1 MB margin below its 5 MB). */
export const REQUEST_LIMIT = PAYLOAD_LIMIT;
export const RESPONSE_LIMIT = PAYLOAD_LIMIT;

export interface SyncRecord {
  /** UTF-8 bytes of the serialized request body, as Office.js sends it. */
  requestBytes: number;
  responseBytes: number;
  /** Actions in the request. */
  operations: number;
}

export interface FakeHooks extends BackendHooks {
  /** Latency per round trip, to watch progress and cancel (Excel on the web takes tens to hundreds of ms). */
  syncDelayMs?: number;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi minor version the fake host claims (default 1.17). */
  apiVersion?: number;
  hooks?: FakeHooks;
}

let library: OfficeLibrary | undefined;
/** The fake whose requirement sets the library asks about: the one that made the latest context. */
const active: { host?: FakeExcel } = {};
const hosts = new Map<string, WeakRef<FakeExcel>>();
let nextHost = 1;
const ORIGIN = 'https://fake-excel.invalid/';

interface SendRequest {
  url: string;
  body?: unknown;
}

async function send(request: SendRequest): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const id = request.url.slice(ORIGIN.length).split('/')[0];
  const fake = hosts.get(id)?.deref();
  if (!fake) return { statusCode: 404, headers: {}, body: '' };
  const bodyText = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  return fake.handle(bodyText);
}

/** Microsoft's Excel client library, loaded once and wired to the fakes. */
export function officeLibrary(): OfficeLibrary {
  if (!library) {
    library = instantiateOfficeLibrary(runOfficeLibrary, (name, version) => (active.host ? active.host.isSetSupported(name, version) : true));
    (library.OfficeExtension as unknown as { HttpUtility: { setCustomSendRequestFunc(f: typeof send): void } }).HttpUtility.setCustomSendRequestFunc(send);
  }
  return library;
}

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  apiVersion: number;
  hooks: FakeHooks;
  readonly backend: RichApiBackend;
  private readonly url: string;

  constructor(
    readonly data: FakeWorkbookData,
    opts: FakeExcelOptions = {},
  ) {
    this.apiVersion = opts.apiVersion ?? 1.17;
    this.hooks = opts.hooks ?? {};
    const id = String(nextHost++);
    hosts.set(id, new WeakRef(this));
    this.url = `${ORIGIN}${id}/`;
    this.backend = new RichApiBackend(
      data,
      () => this.hooks,
      () => this.syncs.length + 1,
    );
  }

  static fromSnapshot(snap: WorkbookSnapshot, opts?: FakeExcelOptions): FakeExcel {
    return new FakeExcel(dataFromSnapshot(snap), opts);
  }

  static empty(opts?: FakeExcelOptions): FakeExcel {
    return new FakeExcel(new FakeWorkbookData(), opts);
  }

  /** The backend's side of one round trip. */
  async handle(bodyText: string): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
    if (this.hooks.syncDelayMs) await new Promise((r) => setTimeout(r, this.hooks.syncDelayMs));
    const r = this.backend.execute(bodyText);
    this.syncs.push({ requestBytes: r.requestBytes, responseBytes: r.responseBytes, operations: r.actions });
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(r.response) };
  }

  /** A real Excel.RequestContext (Microsoft's library) whose requests this fake answers. */
  context(): Excel.RequestContext {
    const lib = officeLibrary();
    active.host = this;
    return new lib.Excel.RequestContext(this.url) as unknown as Excel.RequestContext;
  }

  /** Options of the last Excel.run call that passed any (the pane asks for delayForCellEdit). */
  lastRunOptions: Excel.RunOptions | null = null;

  /** Like Excel.run (options such as delayForCellEdit are recorded; the fake has no cell edit mode). */
  async run<T>(optionsOrBatch: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), maybeBatch?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
    if (typeof optionsOrBatch !== 'function') this.lastRunOptions = optionsOrBatch;
    const ctx = this.context();
    const result = await batch(ctx);
    // Excel.run syncs what is still queued; an empty queue costs no round trip.
    await ctx.sync();
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

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
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
   * Make this fake the page's Excel: `Excel.run` goes to it, through
   * Microsoft's client library. Used by the browser test; the page's own
   * office.js still loads and runs.
   */
  install(win: { Excel?: unknown; Office?: unknown } & Record<string, unknown>): void {
    win.Excel = { run: (a: never, b?: never) => this.run(a, b) };
    win.__toetsbladFakeExcel = this;
  }
}
