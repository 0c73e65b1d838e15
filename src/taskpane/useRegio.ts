// State of the "Regio-overzicht" panel: one run at a time, progress per file
// and per write step, Annuleren, and the outcome.

import { useCallback, useRef, useState } from 'react';
import type { RegioResult } from '../core/regio';
import type { WorkbookHost } from './host';
import type { RegioStrings } from './i18n/regio';
import type { Strings } from './i18n/strings';
import { errorStatus } from './usePane';
import type { PickedFile, RegioPhase } from './regio';
import { regioOverview } from './regio';

export type RegioStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; phase: RegioPhase; done: number; total: number }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string; detail?: string };

export function useRegio(host: WorkbookHost, t: RegioStrings, pane: Strings) {
  const [status, setStatus] = useState<RegioStatus>({ kind: 'idle' });
  const [result, setResult] = useState<RegioResult | null>(null);
  const abort = useRef<AbortController | null>(null);
  const run = useCallback(
    async (files: PickedFile[]) => {
      if (abort.current || files.length === 0) return;
      const controller = new AbortController();
      abort.current = controller;
      setStatus({ kind: 'busy', phase: 'files', done: 0, total: files.length });
      try {
        const r = await regioOverview(host, files, { signal: controller.signal, onProgress: (done, total, phase) => setStatus({ kind: 'busy', phase, done, total }) });
        setResult(r);
        setStatus({ kind: 'done', text: t.done(r.sources.filter((s) => s.counts).length, r.sources.length) });
      } catch (e) {
        // Office's errors get the pane's own advice and copyable details.
        const s = errorStatus(e, pane, 'regio-overzicht');
        setStatus(s.kind === 'error' && s.text === pane.errors.cancelled ? { kind: 'error', text: t.cancelled } : { kind: 'error', text: t.failed(s.kind === 'error' ? s.text : ''), detail: s.kind === 'error' ? s.detail : undefined });
      } finally {
        abort.current = null;
      }
    },
    [host, t, pane],
  );
  return { status, result, run, cancel: () => abort.current?.abort() };
}
