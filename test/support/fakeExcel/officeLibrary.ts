// Microsoft's Office.js Excel client library (@microsoft/office-js,
// excel-web-16.00.debug.js) loaded in a private scope, so tests run the
// adapter through Microsoft's own request building, PropertyNotLoaded checks,
// requirement-set guards and serializer. Its requests are sent to a custom
// function (HttpUtility.setCustomSendRequestFunc), which hands them to the
// fake workbook's backend (richApi.ts).
//
// The library is a classic script that expects to own the page's globals.
// officeLibraryLoader.js turns it into a function that runs it `with` a
// private window object: every top-level name the script declares becomes a
// property of that object, so nothing leaks into the test's (or the page's)
// globals and the page's real office.js is left alone. Node compiles it with
// `new Function` (librarySource.ts); the browser test bundles it with webpack
// (librarySource.browser.ts; no eval, so the pane's CSP stays as it is).

export interface OfficeLibrary {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

export type IsSetSupported = (name: string, version: string) => boolean;

/**
 * Run the wrapped library against a fresh private window. `isSetSupported`
 * answers the library's requirement-set questions (the fake host's API level).
 */
export function instantiateOfficeLibrary(run: (win: Record<string, unknown>) => void, isSetSupported: IsSetSupported): OfficeLibrary {
  const win: Record<string, unknown> = {
    navigator: { userAgent: 'Toetsblad fake host' },
    document: { getElementsByTagName: () => [], createElement: () => ({}), readyState: 'complete' },
    Promise,
    setTimeout,
    clearTimeout,
  };
  win.window = win;
  win.self = win;
  run(win);
  // The library reads requirement sets from window.Office.context.requirements; its own Office
  // namespace has no context outside a host, so give it one that asks the fake.
  const shim = Object.create(win.Office as object, { context: { value: { requirements: { isSetSupported } } } });
  Object.defineProperty(win, 'Office', { get: () => shim, set: () => undefined });
  const lib = win as unknown as OfficeLibrary & { OfficeExtension: { CommonUtility: { _doApiNotSupportedCheck: boolean } } };
  // The library sets this switch on a subclass (Utility), so its own guards never fire. Turn on
  // the table Microsoft ships: using a member above the host's API set throws ApiNotFound, as in Excel.
  (lib.OfficeExtension as unknown as { CommonUtility: { _doApiNotSupportedCheck: boolean } }).CommonUtility._doApiNotSupportedCheck = true;
  return lib;
}
