// Finds which anchors occur in a text in one pass: an Aho-Corasick automaton compiled to a dense
// DFA over the characters the anchors use (case-folded; everything else is one class), so the scan is
// two table lookups per character. The tables are built in anchorTables.ts.
import { buildAnchorTables, type AnchorTables } from './anchorTables';

export class AnchorMatcher {
  /** Character code (< 128) to its class; 0 for characters no anchor uses. */
  private readonly classes: Uint8Array;
  private readonly delta: Int32Array;
  /** For each state, the anchor groups (indices into `groups`) that end there, including via suffix links. */
  private readonly outputs: Int32Array[];

  /**
   * `groups[i]` lists the lower-case anchors of item i; `find` reports which items had an anchor in the text, as
   * `base + i`. `tables`: the automaton built already (the built-in rules' are generated at build time).
   */
  constructor(
    readonly groups: readonly string[][],
    tables: AnchorTables = buildAnchorTables(groups),
    private readonly base = 0,
  ) {
    this.classes = tables.classes;
    this.delta = tables.delta;
    this.outputs = tables.outputs;
  }

  /**
   * Marks `hit[i] = 1` for every item with an anchor in text and, when `positions` is given, records where
   * each item's anchors end; returns how many items were hit.
   */
  find(text: string, hit: Uint8Array, positions?: number[][], digitRuns?: number[]): number {
    return this.scanRange(text, 0, text.length, { state: 0, runsFrom: 0 }, { hit, positions, digitRuns });
  }

  /** The automaton's pass over [from, to) and the search for digit runs over the same piece. */
  scanRange(text: string, from: number, to: number, at: AnchorCursor, found: AnchorHits): number {
    if (found.digitRuns) findDigitRuns(text, from, to, at, found.digitRuns);
    return this.anchorsIn(text, from, to, at, found);
  }

  /** The automaton over [from, to), carrying its state in `at` so a long text can be done in pieces. */
  anchorsIn(text: string, from: number, to: number, at: AnchorCursor, found: AnchorHits): number {
    const { delta, outputs, classes, base } = this;
    const { hit, positions } = found;
    let s = at.state;
    let count = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      s = c < 128 ? delta[s + classes[c]] : delta[s];
      if (s & 1) {
        s ^= 1;
        const o = outputs[s];
        for (let k = 0; k < o.length; k++) {
          const item = base + o[k];
          if (positions) positions[item].push(i);
          if (!hit[item]) {
            hit[item] = 1;
            count++;
          }
        }
      }
    }
    at.state = s;
    return count;
  }
}

export interface AnchorCursor {
  state: number;
  /** The state of a second automaton over the same text (anchorFinder.ts), when there is one. */
  restState?: number;
  /** Where the search for digit runs goes on (a run found in one piece may reach into the next). */
  runsFrom: number;
}

/** Nine digits, spaces and hyphens between them allowed, and the rest of the run: where number rules (cards, SSNs…) can match. */
const DIGIT_RUN = /[0-9](?:[ -]*[0-9]){8}[0-9 -]*/g;
/** How far past a piece's end a run that starts inside it is read. */
const RUN_REACH = 1024;

/**
 * Pushes the position of the ninth digit of each run that starts in [from, to). A regex search: V8 runs it about
 * four times faster than counting digits inside the automaton's loop did.
 */
function findDigitRuns(text: string, from: number, to: number, at: AnchorCursor, out: number[]): void {
  const start = Math.max(from, at.runsFrom);
  if (start >= to) return;
  const whole = from === 0 && to === text.length;
  const piece = whole ? text : text.slice(start, Math.min(text.length, to + RUN_REACH));
  const base = whole ? 0 : start;
  const end = to - base;
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(piece); m && m.index < end; m = DIGIT_RUN.exec(piece)) {
    const run = m[0];
    let k = 0;
    for (let n = 0; n < 9; k++) if (run.charCodeAt(k) >= 48 && run.charCodeAt(k) <= 57) n++;
    out.push(base + m.index + k - 1);
    at.runsFrom = base + m.index + run.length;
  }
}

/** What an anchor pass found: items hit, where (optional), and where runs of nine digits end. */
export interface AnchorHits {
  hit: Uint8Array;
  positions?: number[][];
  digitRuns?: number[];
}
