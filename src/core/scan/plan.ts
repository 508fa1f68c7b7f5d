// Which rules run on a text, and on which parts of it: an anchored rule runs only on windows around its
// anchors' occurrences, a rule with a prefilter only around the prefilter's matches.
import type { AnchorHits } from './anchors';
import type { AnchorFinder } from './anchorFinder';
import type { CompiledRule } from './types';

export interface PlannedRule {
  rule: CompiledRule;
  /** [start, end) windows, computed on demand; undefined means the whole text. */
  windows?: () => [number, number][];
}

const DEFAULT_REACH: [number, number] = [100, 1200];
/** Texts shorter than this are scanned whole: windows would cost more than they save. */
export const SMALL = 8192;

/** Empty hit records for an anchor pass over `text`. */
export function newHits(text: string, anchored: readonly CompiledRule[]): AnchorHits & { digitRuns: number[] } {
  return {
    hit: new Uint8Array(anchored.length),
    positions: text.length <= SMALL ? undefined : anchored.map(() => [] as number[]),
    digitRuns: [],
  };
}

/** `found`: the result of an anchor pass already made (the sliced scanner makes it in pieces). */
export function planScan(
  text: string,
  anchored: readonly CompiledRule[],
  always: readonly CompiledRule[],
  matcher: AnchorFinder,
  found?: AnchorHits,
): PlannedRule[] {
  const small = text.length <= SMALL;
  let hits = found;
  if (!hits) {
    hits = newHits(text, anchored);
    matcher.find(text, hits.hit, hits.positions, hits.digitRuns);
  }
  const { hit, positions } = hits;
  const digitRuns = hits.digitRuns ?? [];
  const out: PlannedRule[] = [];
  anchored.forEach((rule, i) => {
    if (!hit[i]) return;
    out.push({ rule, windows: positions && !rule.multiline ? () => windowsAround(text, positions[i], rule.reach ?? DEFAULT_REACH) : undefined });
  });
  for (const rule of always) {
    if (rule.prefilter !== 'digits') out.push({ rule });
    else if (digitRuns.length) out.push({ rule, windows: small ? undefined : () => windowsAround(text, digitRuns, rule.reach ?? [40, 40]) });
  }
  return out;
}

/** Merged windows [p - back, p + fwd], the end pushed to the line end when it is near, so `$` keeps its meaning. */
export function windowsAround(text: string, positions: readonly number[], [back, fwd]: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  let cs = -1;
  let ce = -1;
  const close = () => {
    // Bounded search: an unbounded indexOf would walk a minified file's one long line.
    const nl = text.slice(ce, ce + 2000).indexOf('\n');
    const e = nl !== -1 ? ce + nl : text.length - ce < 2000 ? text.length : ce;
    const last = out[out.length - 1];
    if (last && cs <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([cs, e]);
  };
  for (const p of positions) {
    const s = Math.max(0, p - back);
    const e = Math.min(text.length, p + fwd);
    if (cs >= 0 && s <= ce) ce = Math.max(ce, e);
    else {
      if (cs >= 0) close();
      cs = s;
      ce = e;
    }
  }
  if (cs >= 0) close();
  return out;
}

/** Windows cut to at most `max` characters (overlapping by `overlap`), so that one piece of work stays short. */
export function splitWindows(windows: [number, number][], max: number, overlap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of windows) {
    for (let a = s; a < e; a += max) out.push([Math.max(s, a - (a > s ? overlap : 0)), Math.min(e, a + max)]);
  }
  return out;
}
