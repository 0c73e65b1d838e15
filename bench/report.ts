// Figures with their targets: printing and bench/results.json.

import * as fs from 'fs';
import * as os from 'os';

export interface Target {
  max: number;
  /** An aim rather than a requirement ("beat LibreOffice"). */
  soft?: boolean;
}

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
}

export function met(f: Figure): boolean | null {
  if (!f.target || f.value === null) return null;
  return f.value <= f.target.max;
}

function verdict(f: Figure): string {
  const m = met(f);
  if (!f.target) return '';
  if (m === null) return `doel ≤ ${f.target.max} ${f.unit}: niet gemeten`;
  const word = m ? 'GEHAALD' : f.target.soft ? 'niet gehaald (streven)' : 'NIET GEHAALD';
  return `doel ≤ ${f.target.max} ${f.unit}: ${word}`;
}

export function printFigures(figures: Figure[]): void {
  console.log('\nResultaten');
  const width = Math.max(...figures.map((f) => f.label.length));
  for (const f of figures) {
    const value = f.value === null ? 'n.v.t.' : `${f.value} ${f.unit}`;
    const extra = [verdict(f), f.note].filter(Boolean).join('; ');
    console.log(`  ${f.label.padEnd(width)}  ${value.padStart(12)}  ${extra}`);
  }
}

export function writeResults(file: string, figures: Figure[], meta: Record<string, unknown>): void {
  const body = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    ...meta,
    figures: figures.map((f) => ({ ...f, met: met(f) })),
  };
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}
