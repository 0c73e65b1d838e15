// Which Excel API sets the adapter relies on. The manifest asks for the
// minimum (ExcelApi 1.7); everything above it is feature-detected at runtime
// and degrades gracefully.

export const MIN_EXCEL_API = '1.7';

/** Optional capabilities and the API set each needs. */
export const OPTIONAL_SETS = {
  /** Drop-down lists on generated sheets. */
  dataValidation: '1.8',
  /** Hidden (filtered) rows in the user's data, via visible special cells. */
  hiddenRows: '1.9',
  /** Merged areas in the user's data. */
  merges: '1.13',
  /** Page setup, print titles, header/footer and page breaks on generated sheets. */
  printLayout: '1.9',
} as const;

export type OptionalCapability = keyof typeof OPTIONAL_SETS;

export interface ApiSupport {
  minimum: boolean;
  dataValidation: boolean;
  hiddenRows: boolean;
  merges: boolean;
  printLayout: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function apiSupport(isSetSupported: IsSetSupported): ApiSupport {
  return {
    minimum: isSetSupported('ExcelApi', MIN_EXCEL_API),
    dataValidation: isSetSupported('ExcelApi', OPTIONAL_SETS.dataValidation),
    hiddenRows: isSetSupported('ExcelApi', OPTIONAL_SETS.hiddenRows),
    merges: isSetSupported('ExcelApi', OPTIONAL_SETS.merges),
    printLayout: isSetSupported('ExcelApi', OPTIONAL_SETS.printLayout),
  };
}

/** Everything on: for tests and hosts that report every set. */
export const FULL_SUPPORT: ApiSupport = { minimum: true, dataValidation: true, hiddenRows: true, merges: true, printLayout: true };
