// One source of the regional overview: read the file as `report` does (openInput), run the
// same engine and checks, and keep only the contribution (figures, not rows).
// Never throws: a file that cannot be read becomes an unreadable source.

import * as path from 'path';
import { buildReport } from '../core/report';
import type { SourceContribution } from '../core/regio';
import { sourceContribution, unreadableSource } from '../core/regio';
import { openInput } from './reportFile';

export async function readSource(file: string): Promise<SourceContribution> {
  const name = path.basename(file);
  try {
    const { snapshot } = openInput(file);
    return sourceContribution(name, snapshot, buildReport(snapshot));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return unreadableSource(name, /[.!?]$/.test(why) ? why : `${why}.`);
  }
}
