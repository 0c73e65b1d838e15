// Task pane weight (placeholder).
import type { Figure } from './report';

export async function measurePane(_root: string): Promise<Figure[]> {
  return [{ id: 'pane.initialJsGzipKb', label: 'Taakvenster: initiële JS (gzip)', value: null, unit: 'KB', target: { max: 300 }, note: 'niet gemeten' }];
}
