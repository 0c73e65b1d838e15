// Office errors mapped to what the user can do about them. The adapter only
// classifies, by the error's code (never by its message, which Office
// localizes); the pane turns the code into a Dutch or English sentence
// (src/taskpane/i18n/officeErrors.ts) and shows a Details section with the
// code, Office's debugInfo.errorLocation and the step that failed.

export type HostErrorCode =
  | 'cancelled'
  | 'cell-editing'
  | 'protected'
  | 'unsupported'
  | 'payload-too-large'
  | 'sheet-not-ours'
  | 'busy'
  | 'workbook-changed'
  | 'unknown';

export class HostError extends Error {
  /** Generated sheets a failed write left incomplete (they are emptied or partly rewritten). */
  leftBehind?: string[];
  /** Office's debugInfo.errorLocation, e.g. "Range.values", when Office gave one. */
  location?: string;
  constructor(
    readonly code: HostErrorCode,
    message: string,
    /** Office's own error code (OfficeExtension.ErrorCodes / Excel.ErrorCodes), or our detail. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export class CancelledError extends HostError {
  constructor() {
    super('cancelled', 'Cancelled by the user');
  }
}

/**
 * Every error code Office.js documents (OfficeExtension.ErrorCodes and Excel.ErrorCodes in
 * @types/office-js, plus the core codes of the client library), with the category the pane explains.
 */
export const OFFICE_ERROR_CODES: Record<string, HostErrorCode> = {
  AccessDenied: 'protected',
  ActivityLimitReached: 'busy',
  ApiNotAvailable: 'unsupported',
  ApiNotFound: 'unsupported',
  CannotRegisterEvent: 'unknown',
  CannotUpdateReadOnlyProperty: 'unknown',
  Conflict: 'busy',
  ConnectionFailure: 'busy',
  DirtySupportingFormula: 'busy',
  EmptyChartSeries: 'unknown',
  FilteredRangeConflict: 'protected',
  FormulaLengthExceedsLimit: 'unknown',
  GeneralException: 'unknown',
  InactiveWorkbook: 'busy',
  InsertDeleteConflict: 'protected',
  InvalidArgument: 'unknown',
  InvalidBinding: 'unknown',
  InvalidObjectPath: 'unknown',
  InvalidOperation: 'unknown',
  InvalidOperationInCellEditMode: 'cell-editing',
  InvalidOrTimedOutSession: 'busy',
  InvalidReference: 'unknown',
  InvalidRequestContext: 'unknown',
  InvalidSelection: 'unknown',
  ItemAlreadyExists: 'sheet-not-ours',
  ItemNotFound: 'workbook-changed',
  MergedRangeConflict: 'protected',
  NonBlankCellOffSheet: 'unknown',
  NotImplemented: 'unsupported',
  OpenWorkbookLinksBlocked: 'unsupported',
  OperationCellsExceedLimit: 'payload-too-large',
  PayloadTooLarge: 'payload-too-large',
  PivotTableRangeConflict: 'protected',
  PowerQueryRefreshResourceChallenge: 'unsupported',
  PropertyNotLoaded: 'unknown',
  RangeExceedsLimit: 'payload-too-large',
  RangeImageExceedsLimit: 'payload-too-large',
  RefreshWorkbookLinksBlocked: 'unsupported',
  RequestAborted: 'busy',
  RequestPayloadSizeLimitExceeded: 'payload-too-large',
  ResponsePayloadSizeLimitExceeded: 'payload-too-large',
  RunMustReturnPromise: 'unknown',
  ServiceNotAvailable: 'busy',
  Timeout: 'busy',
  UnsupportedFeature: 'unsupported',
  UnsupportedFillType: 'unsupported',
  UnsupportedOperation: 'unsupported',
  UnsupportedSheet: 'unsupported',
  ValueNotLoaded: 'unknown',
  WriteNotSupportedWhenModalDialogOpen: 'busy',
};

/** Turn anything thrown inside Excel.run into a HostError with a code the pane can explain. */
export function classifyError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown } } | null;
  const code = typeof err?.code === 'string' ? err.code : typeof err?.debugInfo?.code === 'string' ? err.debugInfo.code : '';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const out = new HostError(OFFICE_ERROR_CODES[code] ?? 'unknown', message, code || undefined);
  if (typeof err?.debugInfo?.errorLocation === 'string' && err.debugInfo.errorLocation) out.location = err.debugInfo.errorLocation;
  return out;
}

/** The copyable Details section: Office's code, where Office says it failed, our step, and what is left. */
export function errorDetails(err: HostError, step: string): string {
  const lines = [`Code: ${err.detail ?? err.code}`, `Stap / step: ${step}`];
  if (err.location) lines.push(`Locatie / errorLocation: ${err.location}`);
  if (err.leftBehind?.length) lines.push(`Onvolledig / incomplete: ${err.leftBehind.join(', ')}`);
  lines.push(`Melding / message: ${err.message}`);
  return lines.join('\n');
}
