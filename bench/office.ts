// Office.js round trips per task-pane action (placeholder until the fake host exists).

import type { Figure } from './report';

export async function measureOfficeRoundTrips(_input: string, rows: number): Promise<Figure[]> {
  return [{ id: `office.${rows}.syncs`, label: `Office.js syncs per actie, ${rows} rijen`, value: null, unit: 'syncs', note: 'niet gemeten' }];
}
