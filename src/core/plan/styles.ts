// What each named cell style looks like, defined once for both hosts.
// Colours are RGB hex without '#'.

import type { CellStyle } from './plan';

export interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
}

export const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 14, color: '1F3864' },
  subtitle: { bold: true, size: 12, color: '1F3864' },
  header: { bold: true, color: 'FFFFFF', fill: '2F5597' },
  section: { bold: true, fill: 'D9E1F2' },
  total: { bold: true, fill: 'EDEDED' },
  note: { italic: true, color: '7F7F7F' },
  input: { fill: 'FFF2CC' },
  muted: { color: '7F7F7F' },
};

/** Status colours shared by norms, budget and findings. */
export const STATUS_COLOURS = {
  good: { fill: 'C6EFCE', font: '006100' },
  warn: { fill: 'FFEB9C', font: '9C5700' },
  bad: { fill: 'FFC7CE', font: '9C0006' },
  none: { fill: 'EDEDED', font: '595959' },
} as const;
