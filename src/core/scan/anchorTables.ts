// The tables of the anchor automaton (anchors.ts): built from anchor groups, and packed for the data module that
// the build generates from the built-in rules (scripts/build/anchorTables.js), so a start does not build them.

export interface AnchorTables {
  /** Character code (< 128) to its class; 0 for characters no anchor uses. */
  classes: Uint8Array;
  /** States pre-multiplied by the alphabet size, bit 0 set when the state has outputs. */
  delta: Int32Array;
  /** For each (pre-multiplied) state with outputs, the groups that end there, including via suffix links. */
  outputs: Int32Array[];
}

/** The tables as the generated module carries them: `key` names the groups they were built from. */
export interface PackedAnchorTables {
  key: string;
  classes: number[];
  alpha: number;
  states: number;
  /** Base64 of 16-bit words: for each state, breadth-first, the state, its failure state, its edge count and edges (class, target). */
  trie: string;
  /** For each state with outputs: the state, the number of groups, the groups. */
  outputs: number[];
}

/** The automaton before it is made dense: the trie, breadth-first, with failure links. */
interface Automaton {
  classes: Uint8Array;
  alpha: number;
  /** Per state in breadth-first order (the root first): state, failure state, edge count, (class, target)... */
  trie: number[];
  out: number[][];
}

/** What identifies a list of anchor groups: the tables built from equal keys are equal. */
export function anchorKey(groups: readonly string[][]): string {
  return JSON.stringify(groups);
}

/** An Aho-Corasick automaton compiled to a dense DFA over the characters the anchors use (case-folded). */
export function buildAnchorTables(groups: readonly string[][]): AnchorTables {
  const a = automaton(groups);
  return dense(a.classes, a.alpha, a.out.length, a.trie, outputsOf(a.out, a.alpha));
}

function automaton(groups: readonly string[][]): Automaton {
  const classes = new Uint8Array(128);
  let k = 1;
  for (const g of groups) for (const a of g) for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 0x7f;
    if (!classes[c]) classes[c] = k++;
  }
  for (let c = 65; c <= 90; c++) classes[c] = classes[c + 32];
  // Even, so that bit 0 of a premultiplied state is free for the output flag.
  const alpha = k + (k & 1);
  // Trie in a dense table (0: no edge, as no edge leads back to the root); at most one state per anchor
  // character, plus the root.
  const maxStates = 1 + groups.reduce((n, g) => n + g.reduce((m, a) => m + a.length, 0), 0);
  const delta = new Int32Array(maxStates * alpha);
  const out: number[][] = [[]];
  groups.forEach((anchors, item) => {
    for (const a of anchors) {
      let st = 0;
      for (let i = 0; i < a.length; i++) {
        const at = st * alpha + classes[a.charCodeAt(i) & 0x7f];
        if (delta[at] === 0) {
          delta[at] = out.length;
          out.push([]);
        }
        st = delta[at];
      }
      if (!out[st].includes(item)) out[st].push(item);
    }
  });
  // Breadth-first: missing edges follow the failure link, outputs inherit the failure state's.
  const fail = new Int32Array(out.length);
  const trie: number[] = [];
  const queue: number[] = [0];
  for (let qi = 0; qi < queue.length; qi++) {
    const st = queue[qi];
    if (st) for (const o of out[fail[st]]) if (!out[st].includes(o)) out[st].push(o);
    const base = st * alpha;
    const fb = fail[st] * alpha;
    const row = [st, fail[st], 0];
    for (let c = 0; c < alpha; c++) {
      const t = delta[base + c];
      if (t > 0) {
        fail[t] = st ? delta[fb + c] : 0;
        queue.push(t);
        row.push(c, t);
        row[2]++;
      } else if (st) delta[base + c] = delta[fb + c];
    }
    trie.push(...row);
  }
  return { classes, alpha, trie, out };
}

function outputsOf(out: number[][], alpha: number): Int32Array[] {
  const outputs: Int32Array[] = [];
  // Only states with outputs are ever looked up (bit 0 of a premultiplied state).
  for (let st = 0; st < out.length; st++) if (out[st].length) outputs[st * alpha] = Int32Array.from(out[st]);
  return outputs;
}

/** The dense table: each state's row is its failure state's row (done before it, breadth-first) with its own edges over it. */
function dense(classes: Uint8Array, alpha: number, states: number, trie: ArrayLike<number>, outputs: Int32Array[]): AnchorTables {
  const delta = new Int32Array(states * alpha);
  for (let i = 0; i < trie.length; i += 3 + 2 * trie[i + 2]) {
    const base = trie[i] * alpha;
    if (trie[i]) delta.copyWithin(base, trie[i + 1] * alpha, trie[i + 1] * alpha + alpha);
    for (let e = i + 3; e < i + 3 + 2 * trie[i + 2]; e += 2) {
      const t = trie[e + 1] * alpha;
      delta[base + trie[e]] = t + (outputs[t] ? 1 : 0);
    }
  }
  return { classes, delta, outputs };
}

/** The packed form (build time). */
export function packAnchorTables(groups: readonly string[][]): PackedAnchorTables {
  const a = automaton(groups);
  if (a.out.length > 0xffff) throw new Error(`the anchor automaton has ${a.out.length} states: more than its packed form holds`);
  const outputs: number[] = [];
  a.out.forEach((o, st) => {
    if (o.length) outputs.push(st, o.length, ...o);
  });
  const trie = Buffer.from(Uint16Array.from(a.trie).buffer).toString('base64');
  return { key: anchorKey(groups), classes: Array.from(a.classes), alpha: a.alpha, states: a.out.length, trie, outputs };
}

/** The tables again from their packed form (at run time: one copy of a row per state, no search). */
export function unpackAnchorTables(p: PackedAnchorTables): AnchorTables {
  const bytes = Buffer.from(p.trie, 'base64');
  // An aligned copy for the view; the words are in the platform's order (little-endian wherever Node runs).
  const trie = new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const outputs: Int32Array[] = [];
  for (let i = 0; i < p.outputs.length; i += 2 + p.outputs[i + 1]) outputs[p.outputs[i] * p.alpha] = Int32Array.from(p.outputs.slice(i + 2, i + 2 + p.outputs[i + 1]));
  return dense(Uint8Array.from(p.classes), p.alpha, p.states, trie, outputs);
}
