// Office errors mapped to what the user can do about them. The adapter only
// classifies; the pane turns a code into a Dutch (or English) sentence.

export type HostErrorCode =
  | 'cancelled'
  | 'cell-editing'
  | 'protected'
  | 'unsupported'
  | 'payload-too-large'
  | 'sheet-not-ours'
  | 'busy'
  | 'unknown';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
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

/** Office.js error codes (OfficeExtension.ErrorCodes / Excel.ErrorCodes) we can explain. */
const CODE_MAP: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: 'cell-editing',
  AccessDenied: 'protected',
  ApiNotAvailable: 'unsupported',
  ApiNotFound: 'unsupported',
  UnsupportedFeature: 'unsupported',
  UnsupportedOperation: 'unsupported',
  RequestPayloadSizeLimitExceeded: 'payload-too-large',
  ResponsePayloadSizeLimitExceeded: 'payload-too-large',
  PayloadTooLarge: 'payload-too-large',
  Conflict: 'busy',
  ActivityLimitReached: 'busy',
  ServiceNotAvailable: 'busy',
};

/** Turn anything thrown inside Excel.run into a HostError with a code the pane can explain. */
export function classifyError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown; message?: unknown } } | null;
  const code = typeof err?.code === 'string' ? err.code : typeof err?.debugInfo?.code === 'string' ? err.debugInfo.code : '';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  if (CODE_MAP[code]) return new HostError(CODE_MAP[code], message, code);
  // A protected sheet surfaces as a generic error whose text names the protection.
  if (/protect/i.test(message)) return new HostError('protected', message, code || undefined);
  if (/payload/i.test(message)) return new HostError('payload-too-large', message, code || undefined);
  if (/edit mode|cell edit/i.test(message)) return new HostError('cell-editing', message, code || undefined);
  return new HostError('unknown', message, code || undefined);
}
