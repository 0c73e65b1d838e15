// Risk bands, defined once. Every place that colours or classifies an effect
// (the heatmap's conditional formats, the top-risk table, the checks) reads
// them from here.

export interface Band {
  id: 'laag' | 'midden' | 'hoog' | 'zeer-hoog';
  label: string;
  /** Lowest effect (kans × schade) in this band. */
  min: number;
  fill: string;
  font: string;
}

const LOOK = {
  laag: { label: 'Laag', fill: 'C6EFCE', font: '006100' },
  midden: { label: 'Midden', fill: 'FFEB9C', font: '9C5700' },
  hoog: { label: 'Hoog', fill: 'F8CBAD', font: '833C0B' },
  'zeer-hoog': { label: 'Zeer hoog', fill: 'FF7C80', font: '7F0000' },
} as const;

/**
 * Default lower bounds of the midden, hoog and zeer-hoog bands per scale.
 * 1–3: 1–2 low, 3–4 medium, 6 high, 9 very high.
 * 1–5: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high.
 */
const DEFAULT_THRESHOLDS: Record<number, [number, number, number]> = {
  3: [3, 6, 9],
  4: [4, 8, 12],
  5: [5, 10, 20],
};

export function defaultThresholds(scale: number): [number, number, number] {
  if (DEFAULT_THRESHOLDS[scale]) return DEFAULT_THRESHOLDS[scale];
  const max = scale * scale;
  return [Math.ceil(max * 0.2), Math.ceil(max * 0.4), Math.ceil(max * 0.75)];
}

/** Parse a user's "3;6;9" (or "3,6,9") threshold setting; null when unusable. */
export function parseThresholds(text: string): [number, number, number] | null {
  const parts = text.split(/[;,\s]+/).filter(Boolean).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  if (!(parts[0] < parts[1] && parts[1] < parts[2])) return null;
  return [parts[0], parts[1], parts[2]];
}

export function bandsFor(thresholds: [number, number, number]): Band[] {
  const [m, h, z] = thresholds;
  return [
    { id: 'laag', min: 1, ...LOOK.laag },
    { id: 'midden', min: m, ...LOOK.midden },
    { id: 'hoog', min: h, ...LOOK.hoog },
    { id: 'zeer-hoog', min: z, ...LOOK['zeer-hoog'] },
  ];
}

export function bandOf(effect: number, bands: Band[]): Band {
  let found = bands[0];
  for (const b of bands) if (effect >= b.min) found = b;
  return found;
}

export function bandIndex(effect: number, bands: Band[]): number {
  return bands.indexOf(bandOf(effect, bands));
}
