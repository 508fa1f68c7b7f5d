// Finds which anchors occur in a text in one pass: an Aho-Corasick automaton compiled to a dense
// DFA over ASCII (case-folded), so the scan is one table lookup per character.

const ALPHA = 128;

export class AnchorMatcher {
  private readonly delta: Int32Array;
  /** For each state, the anchor groups (indices into `groups`) that end there, including via suffix links. */
  private readonly outputs: Int32Array[];

  /** `groups[i]` lists the lower-case anchors of item i; `find` reports which items had an anchor in the text. */
  constructor(readonly groups: readonly string[][]) {
    const goto: Map<number, number>[] = [new Map()];
    const out: Set<number>[] = [new Set()];
    groups.forEach((anchors, item) => {
      for (const a of anchors) {
        let s = 0;
        for (const ch of a) {
          const c = ch.charCodeAt(0) & 0x7f;
          let next = goto[s].get(c);
          if (next === undefined) {
            next = goto.length;
            goto.push(new Map());
            out.push(new Set());
            goto[s].set(c, next);
          }
          s = next;
        }
        out[s].add(item);
      }
    });
    const n = goto.length;
    const delta = new Int32Array(n * ALPHA);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < ALPHA; c++) {
      const t = goto[0].get(c);
      delta[c] = t ?? 0;
      if (t !== undefined) queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const o of out[fail[s]]) out[s].add(o);
      for (let c = 0; c < ALPHA; c++) {
        const t = goto[s].get(c);
        if (t !== undefined) {
          fail[t] = delta[fail[s] * ALPHA + c];
          delta[s * ALPHA + c] = t;
          queue.push(t);
        } else {
          delta[s * ALPHA + c] = delta[fail[s] * ALPHA + c];
        }
      }
    }
    // Case folding: upper-case ASCII letters behave as their lower-case forms.
    for (let s = 0; s < n; s++) for (let c = 65; c <= 90; c++) delta[s * ALPHA + c] = delta[s * ALPHA + c + 32];
    // States are stored pre-multiplied by the alphabet size (a step is one addition and one load), with
    // bit 0 set when the state has outputs.
    for (let i = 0; i < delta.length; i++) delta[i] = delta[i] * ALPHA + (out[delta[i]].size ? 1 : 0);
    this.delta = delta;
    this.outputs = [];
    out.forEach((o, st) => {
      this.outputs[st * ALPHA] = Int32Array.from(o);
    });
  }

  /**
   * Marks `hit[i] = 1` for every item with an anchor in text and, when `positions` is given, records where
   * each item's anchors end; returns how many items were hit.
   */
  find(text: string, hit: Uint8Array, positions?: number[][], digitRuns?: number[]): number {
    return this.scanRange(text, 0, text.length, { state: 0, digits: 0 }, { hit, positions, digitRuns });
  }

  /** The same over [from, to), carrying the automaton state in `at` so a long text can be done in pieces. */
  scanRange(text: string, from: number, to: number, at: AnchorCursor, found: AnchorHits): number {
    const { delta, outputs } = this;
    const { hit, positions, digitRuns } = found;
    let s = at.state;
    let digits = at.digits;
    let count = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      s = c < ALPHA ? delta[s + c] : 0;
      if (c >= 48 && c <= 57) {
        // Nine digits, separators between them allowed: where number rules (cards, SSNs…) can match.
        if (++digits === 9 && digitRuns) digitRuns.push(i);
      } else if (c !== 32 && c !== 45) digits = 0;
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
    at.digits = digits;
    return count;
  }
}

export interface AnchorCursor {
  state: number;
  digits: number;
}

/** What an anchor pass found: items hit, where (optional), and where runs of nine digits end. */
export interface AnchorHits {
  hit: Uint8Array;
  positions?: number[][];
  digitRuns?: number[];
}
