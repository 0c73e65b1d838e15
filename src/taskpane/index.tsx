// Task pane entry: wait for Office, check the requirement set, then render.
// Office.js is only touched here and in the host; components use WorkbookHost.

import { createRoot } from 'react-dom/client';
import { apiSupport } from '../hosts/office/requirements';
import { App, Unsupported } from './components/App';
import { excelHost } from './host';
import type { ExcelRun } from './host';
import { themeFor } from './theme';

function isSetSupported(name: string, version: string): boolean {
  const req = (Office.context as Partial<Office.Context> | undefined)?.requirements;
  return typeof req?.isSetSupported === 'function' ? req.isSetSupported(name, version) : false;
}

function storedLang(): 'nl' | 'en' {
  try {
    return window.localStorage.getItem('toetsblad.lang') === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

// The ES5 start-up guard (bootstrap.js) shows "Excel too old" if loading this bundle throws before this line.
const page = window as unknown as { __toetsbladStarted?: boolean; __toetsbladTooOld?: boolean };
page.__toetsbladStarted = true;

Office.onReady((info) => {
  // Internet Explorer or EdgeHTML: the guard already shows its screen.
  if (page.__toetsbladTooOld) return;
  const root = createRoot(document.getElementById('container')!);
  const theme = themeFor((Office.context as Partial<Office.Context> | undefined)?.officeTheme?.bodyBackgroundColor);
  const excel = typeof Excel !== 'undefined' && typeof Excel.run === 'function';
  if (!excel || (info.host !== null && info.host !== Office.HostType.Excel)) {
    root.render(<Unsupported theme={theme} reason="not-excel" />);
    return;
  }
  const support = apiSupport(isSetSupported);
  if (!support.minimum) {
    root.render(<Unsupported theme={theme} reason="old-excel" />);
    return;
  }
  // delayForCellEdit: a batch that arrives while the user is typing in a cell waits for Enter/Esc instead of failing.
  const run: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);
  // Dutch by default; the user's choice of English is remembered on this machine.
  root.render(<App host={excelHost(run, support)} theme={theme} initialLang={storedLang()} />);
});
