// Scanning that never blocks: work is cut into slices of a few milliseconds with a yield between them,
// and edits re-scan only the changed lines (widened for rules that span lines).
import type { AnchorCursor } from './anchors';
import type { Detector, ScanInput } from './detector';
import { finish } from './detector';
import { LineIndex } from './lines';
import { splitWindows } from './plan';
import type { CompiledRule, ScanResult } from './types';

export interface CancelToken {
  readonly isCancellationRequested: boolean;
}

export interface SliceOptions {
  /** Milliseconds of work per slice (default 4, so that with the last step and a garbage collection a slice stays under 10). */
  budgetMs?: number;
  token?: CancelToken;
  /** Filled in while scanning: the number of slices, the longest one (ms) and the last step in it. */
  stats?: { slices: number; longestMs: number; longestStep?: string };
}

/** Text is cut into chunks so that one chunk of one rule stays well under a slice. */
const CHUNK = 16 * 1024;
/** Most characters of the anchor pass between two checks of the time budget. */
const ANCHOR_PIECE = 128 * 1024;
/** Overlap between chunks so that a match across a chunk boundary is still seen (longest single-line token). */
const OVERLAP = 4096;

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scans `input.text` in slices of at most about `budgetMs` each, yielding to the event loop between
 * them. Returns undefined when cancelled.
 */
export async function scanSliced(detector: Detector, input: ScanInput, opts: SliceOptions = {}): Promise<ScanResult | undefined> {
  const budget = opts.budgetMs ?? 4;
  const { text } = input;
  const result: ScanResult = { findings: [], suppressed: 0 };
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(text));
  let sliceStart = performance.now();
  const pause = async (step: string) => {
    const spent = performance.now() - sliceStart;
    if (spent >= budget) {
      if (opts.stats) {
        opts.stats.slices++;
        if (spent > opts.stats.longestMs) {
          opts.stats.longestMs = spent;
          opts.stats.longestStep = step;
        }
      }
      await yieldNow();
      sliceStart = performance.now();
    }
    return opts.token?.isCancellationRequested ?? false;
  };
  const found = detector.newHits(text);
  const cursor: AnchorCursor = { state: 0, runsFrom: 0 };
  // Pieces start small (the first run of the automaton is not yet optimized) and grow while they are quick.
  let piece = 16 * 1024;
  for (let from = 0; from < text.length; ) {
    const to = Math.min(text.length, from + piece);
    const t0 = performance.now();
    detector.findAnchors(text, from, to, cursor, found);
    from = to;
    if (performance.now() - t0 < budget / 4 && piece < ANCHOR_PIECE) piece *= 2;
    if (await pause('anchors')) return undefined;
  }
  const planned = detector.plan(text, input.path, found);
  if (await pause('plan')) return undefined;
  for (const { rule, windows } of planned) {
    if (windows) {
      const list = windows();
      if (await pause(`${rule.id} windows`)) return undefined;
      for (const w of splitWindows(list, CHUNK, OVERLAP)) {
        detector.runRule(rule, input, result, lines, w);
        if (await pause(rule.id)) return undefined;
      }
      continue;
    }
    for (const [from, to] of chunks(text, rule)) {
      const sub = { ...input, text, from, to };
      detector.runRule(rule, sub, result, lines, from === 0 && to === text.length ? undefined : window(text, from, to, rule));
      if (await pause(rule.id)) return undefined;
    }
  }
  return finish(dedupe(result));
}

function* chunks(text: string, rule: CompiledRule): Iterable<[number, number]> {
  if (text.length <= CHUNK || rule.multiline) {
    yield [0, text.length];
    return;
  }
  for (let from = 0; from < text.length; from += CHUNK) yield [from, Math.min(text.length, from + CHUNK)];
}

/** The window of text a chunk's rule runs on: the chunk plus an overlap on both sides, at line starts. */
function window(text: string, from: number, to: number, rule: CompiledRule): [number, number] {
  const pad = rule.multiline ? text.length : OVERLAP;
  const s = Math.max(0, text.lastIndexOf('\n', Math.max(0, from - pad)) + 1);
  const e = Math.min(text.length, to + pad);
  return [s, e];
}

function dedupe(r: ScanResult): ScanResult {
  const seen = new Set<string>();
  r.findings = r.findings.filter((f) => {
    const k = `${f.ruleId}:${f.start}:${f.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return r;
}

/**
 * Lines to re-scan after an edit of [startLine, endLine] (0-based, inclusive, in the new text): the
 * edited lines plus a margin, widened to the whole text when a multi-line rule (a key block) could be
 * involved.
 */
export function regionToRescan(text: string, startLine: number, endLine: number, multilineAnchors: readonly string[]): [number, number] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const a = Math.max(0, startLine - 2);
  const b = Math.min(starts.length - 1, endLine + 2);
  let from = starts[a];
  let to = b + 1 < starts.length ? starts[b + 1] - 1 : text.length;
  const slice = text.slice(from, to).toLowerCase();
  if (multilineAnchors.some((x) => slice.includes(x)) || /-----(?:begin|end)|^\s*kind:|^\s*data:/m.test(slice)) {
    from = 0;
    to = text.length;
  }
  return [from, to];
}

/** Findings of the rules that can match in [from, to) (offsets in the full text), for region re-scans. */
export function scanRegion(detector: Detector, text: string, from: number, to: number, path?: string): ScanResult {
  const result: ScanResult = { findings: [], suppressed: 0 };
  const index = new LineIndex(text);
  const lines = () => index;
  const region = text.slice(from, to);
  for (const { rule } of detector.plan(region, path)) {
    const win: [number, number] = rule.multiline ? [0, text.length] : [from, to];
    detector.runRule(rule, { text, path, from, to }, result, lines, win);
  }
  return finish(result);
}
