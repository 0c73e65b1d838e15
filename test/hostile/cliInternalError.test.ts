// A bug inside Toetsblad (not bad input) still ends as exit code 1 with one
// Dutch line on stderr: never a stack trace.

import * as reportFileModule from '../../src/files/reportFile';
import { main } from '../../src/cli/toetsblad';

describe('toetsblad report on an internal error', () => {
  afterEach(() => jest.restoreAllMocks());

  it('exits 1 with one Dutch line that names the error', async () => {
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    bug.stack = `${bug.message}\n    at buildReport (src/core/report.ts:1:1)`;
    jest.spyOn(reportFileModule, 'reportFile').mockRejectedValue(bug);
    expect(await main(['report', 'in.xlsx', '--out', 'out.xlsx'], () => undefined)).toBe(1);
    expect(written).toEqual(["toetsblad: Interne fout (Cannot read properties of undefined (reading 'x')). Meld dit aan de beheerder van Toetsblad.\n"]);
  });
});
