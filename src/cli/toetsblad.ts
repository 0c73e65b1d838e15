// toetsblad report <input.xlsx> --out <output.xlsx> [--json <summary.json>]
// Exit codes: 0 report written (with or without findings), 1 input unreadable
// or output unwritable, 2 usage error. Errors are one Dutch line, never a stack trace.
// toetsblad regio <files or folders…> --out <regio.xlsx> [--json <regio.json>]
// Exit codes: 0 every file read and the overview written, 3 overview written
// but one or more files unreadable, 1 output unwritable, 2 usage error.

import { ReportError } from '../files/reportError';
import { reportFile } from '../files/reportFile';
import { regioFiles } from '../files/regio';
import { SEVERITY_LABEL } from '../core/findings/labels';

const USAGE = 'Gebruik: toetsblad report <invoer.xlsx> --out <uitvoer.xlsx> [--json <samenvatting.json>]';
const REGIO_USAGE = 'Gebruik: toetsblad regio <bestanden of mappen…> --out <regio.xlsx> [--json <regio.json>] [--jobs <n>]';

/** Exit code of `regio` when the overview was written but not every file could be read. */
export const EXIT_PARTLY_READ = 3;

export interface CliArgs {
  input: string;
  out: string;
  json?: string;
  quiet: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'report') throw new ReportError(command ? `Onbekende opdracht "${command}". ${USAGE} of ${REGIO_USAGE.replace('Gebruik: ', '')}` : USAGE, 2);
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

export interface RegioArgs {
  inputs: string[];
  out: string;
  json?: string;
  jobs?: number;
  quiet: boolean;
}

export function parseRegioArgs(rest: string[]): RegioArgs {
  const inputs: string[] = [];
  let out: string | undefined;
  let json: string | undefined;
  let jobs: number | undefined;
  let quiet = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new ReportError(`${a} verwacht een waarde. ${REGIO_USAGE}`, 2);
      return v;
    };
    if (a === '--out' || a === '-o') out = next();
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--json') json = next();
    else if (a.startsWith('--json=')) json = a.slice(7);
    else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const v = a === '--jobs' ? next() : a.slice(7);
      jobs = Number(v);
      if (!Number.isInteger(jobs) || jobs < 0) throw new ReportError(`--jobs verwacht een aantal (0 of meer). ${REGIO_USAGE}`, 2);
    } else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a.startsWith('-')) throw new ReportError(`Onbekende optie ${a}. ${REGIO_USAGE}`, 2);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new ReportError(`Geen bestanden of mappen opgegeven. ${REGIO_USAGE}`, 2);
  if (!out) throw new ReportError(`--out ontbreekt. ${REGIO_USAGE}`, 2);
  return { inputs, out, json, jobs, quiet };
}

async function regioMain(rest: string[], log: (line: string) => void): Promise<number> {
  const args = parseRegioArgs(rest);
  const { result, allRead } = await regioFiles(args.inputs, args.out, args.json, { jobs: args.jobs });
  if (!args.quiet) {
    const unreadable = result.sources.filter((s) => s.status === 'unreadable').length;
    const counting = result.sources.filter((s) => s.counts).length;
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    log(`Regio-overzicht geschreven naar ${args.out}: ${result.sources.length} bestanden, ${counting} tellen mee${unreadable ? `, ${unreadable} onleesbaar` : ''}; ${errors} ${SEVERITY_LABEL.error.toLowerCase()}en.`);
    for (const s of result.sources) if (!s.counts) log(`  ${s.file}: ${s.remark}`);
  }
  return allRead ? 0 : EXIT_PARTLY_READ;
}

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  try {
    if (argv[0] === 'regio') return await regioMain(argv.slice(1), log);
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
