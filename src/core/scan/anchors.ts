// Finds which anchors occur in a text in one pass: an Aho-Corasick automaton compiled to a dense
// DFA over the characters the anchors use (case-folded; everything else is one class), so the scan is
// two table lookups per character.

export class AnchorMatcher {
  /** Character code (< 128) to its class; 0 for characters no anchor uses. */
  private readonly classes = new Uint8Array(128);
  private readonly delta: Int32Array;
  /** For each state, the anchor groups (indices into `groups`) that end there, including via suffix links. */
  private readonly outputs: Int32Array[];

  /** `groups[i]` lists the lower-case anchors of item i; `find` reports which items had an anchor in the text. */
  constructor(readonly groups: readonly string[][]) {
    const { classes } = this;
    let k = 1;
    for (const g of groups) for (const a of g) for (let i = 0; i < a.length; i++) {
      const c = a.charCodeAt(i) & 0x7f;
      if (!classes[c]) classes[c] = k++;
    }
    for (let c = 65; c <= 90; c++) classes[c] = classes[c + 32];
    // Even, so that bit 0 of a premultiplied state is free for the output flag.
    const ALPHA = k + (k & 1);
    // Trie in a dense table (0: no edge, as no edge leads back to the root); at most one state per anchor
    // character, plus the root.
    const maxStates = 1 + groups.reduce((n, g) => n + g.reduce((m, a) => m + a.length, 0), 0);
    const delta = new Int32Array(maxStates * ALPHA);
    const out: number[][] = [[]];
    let n = 1;
    groups.forEach((anchors, item) => {
      for (const a of anchors) {
        let st = 0;
        for (let i = 0; i < a.length; i++) {
          const at = st * ALPHA + classes[a.charCodeAt(i) & 0x7f];
          if (delta[at] === 0) {
            delta[at] = n++;
            out.push([]);
          }
          st = delta[at];
        }
        if (!out[st].includes(item)) out[st].push(item);
      }
    });
    // Breadth-first: missing edges follow the failure link, outputs inherit the failure state's.
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < ALPHA; c++) if (delta[c] > 0) queue.push(delta[c]);
    for (let qi = 0; qi < queue.length; qi++) {
      const st = queue[qi];
      for (const o of out[fail[st]]) if (!out[st].includes(o)) out[st].push(o);
      const base = st * ALPHA;
      const fb = fail[st] * ALPHA;
      for (let c = 0; c < ALPHA; c++) {
        const t = delta[base + c];
        if (t > 0) {
          fail[t] = delta[fb + c];
          queue.push(t);
        } else delta[base + c] = delta[fb + c];
      }
    }
    // States are stored pre-multiplied by the alphabet size (a step is one addition and one load), with
    // bit 0 set when the state has outputs.
    const flag = new Int32Array(n);
    for (let st = 0; st < n; st++) flag[st] = out[st].length ? 1 : 0;
    const table = delta.subarray(0, n * ALPHA);
    for (let i = 0; i < table.length; i++) table[i] = table[i] * ALPHA + flag[table[i]];
    this.delta = table;
    this.outputs = [];
    // Only states with outputs are ever looked up (bit 0 above).
    for (let st = 0; st < n; st++) if (out[st].length) this.outputs[st * ALPHA] = Int32Array.from(out[st]);
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
  private anchorsIn(text: string, from: number, to: number, at: AnchorCursor, found: AnchorHits): number {
    const { delta, outputs, classes } = this;
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
          if (positions) positions[o[k]].push(i);
          if (!hit[o[k]]) {
            hit[o[k]] = 1;
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
