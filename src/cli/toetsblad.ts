// toetsblad report <input.xlsx> --out <output.xlsx> [--json <summary.json>]
// Exit codes: 0 report written (with or without findings), 1 input unreadable
// or output unwritable, 2 usage error. Errors are one Dutch line, never a stack trace.

import { ReportError } from '../files/reportError';
import { reportFile } from '../files/reportFile';
import { SEVERITY_LABEL } from '../core/findings/labels';

const USAGE = 'Gebruik: toetsblad report <invoer.xlsx> --out <uitvoer.xlsx> [--json <samenvatting.json>]';

export interface CliArgs {
  input: string;
  out: string;
  json?: string;
  quiet: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'report') throw new ReportError(command ? `Onbekende opdracht "${command}". ${USAGE}` : USAGE, 2);
  let input: string | undefined;
  let out: string | undefined;
  let json: string | undefined;
  let quiet = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new ReportError(`${a} verwacht een bestandsnaam. ${USAGE}`, 2);
      return v;
    };
    if (a === '--out' || a === '-o') out = next();
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--json') json = next();
    else if (a.startsWith('--json=')) json = a.slice(7);
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a.startsWith('-')) throw new ReportError(`Onbekende optie ${a}. ${USAGE}`, 2);
    else if (input === undefined) input = a;
    else throw new ReportError(`Eén invoerbestand per keer. ${USAGE}`, 2);
  }
  if (!input) throw new ReportError(`Geen invoerbestand opgegeven. ${USAGE}`, 2);
  if (!out) throw new ReportError(`--out ontbreekt. ${USAGE}`, 2);
  return { input, out, json, quiet };
}

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  try {
    const args = parseArgs(argv);
    const { summary } = await reportFile(args.input, args.out, args.json);
    if (!args.quiet) {
      const counts = (['error', 'warning', 'info'] as const).map(
        (s) => `${summary.findings.filter((f) => f.severity === s).length} ${SEVERITY_LABEL[s].toLowerCase()}`,
      );
      log(`Rapport geschreven naar ${args.out}: ${summary.generatedSheets.length} bladen, ${summary.figures.length} kengetallen, bevindingen: ${counts.join(', ')}.`);
    }
    return 0;
  } catch (e) {
    const code = e instanceof ReportError ? e.exitCode : 1;
    const raw = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    // Anything but our own errors is a bug: still one Dutch line, never a stack trace.
    const msg = e instanceof ReportError ? raw : `Interne fout (${raw}). Meld dit aan de beheerder van Toetsblad.`;
    process.stderr.write(`toetsblad: ${msg}\n`);
    return code;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
