// The tables of the anchor automaton (anchors.ts): built from anchor groups, and packed for the data module that
// the build generates from the built-in rules (scripts/build/anchorTables.js), so a start does not build them.
import { nodeZlib } from '../nodeBuiltins';

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
  /** `delta`'s bytes (little-endian), brotli-compressed, base64. */
  delta: string;
  /** For each state with outputs: the state, the number of groups, the groups. */
  outputs: number[];
}

/** What identifies a list of anchor groups: the tables built from equal keys are equal. */
export function anchorKey(groups: readonly string[][]): string {
  return JSON.stringify(groups);
}

/** An Aho-Corasick automaton compiled to a dense DFA over the characters the anchors use (case-folded). */
export function buildAnchorTables(groups: readonly string[][]): AnchorTables {
  const classes = new Uint8Array(128);
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
  const flag = new Int32Array(n);
  for (let st = 0; st < n; st++) flag[st] = out[st].length ? 1 : 0;
  const table = delta.subarray(0, n * ALPHA);
  for (let i = 0; i < table.length; i++) table[i] = table[i] * ALPHA + flag[table[i]];
  const outputs: Int32Array[] = [];
  // Only states with outputs are ever looked up (bit 0 above).
  for (let st = 0; st < n; st++) if (out[st].length) outputs[st * ALPHA] = Int32Array.from(out[st]);
  return { classes, delta: table, outputs };
}

/** The packed form (build time). */
export function packAnchorTables(groups: readonly string[][], t: AnchorTables): PackedAnchorTables {
  const zlib = nodeZlib();
  const bytes = Buffer.from(t.delta.buffer, t.delta.byteOffset, t.delta.byteLength);
  const delta = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
  const outputs: number[] = [];
  t.outputs.forEach((o, st) => outputs.push(st, o.length, ...o));
  return { key: anchorKey(groups), classes: Array.from(t.classes), delta, outputs };
}

/** The tables again from their packed form (at run time: one decompression, no construction). */
export function unpackAnchorTables(p: PackedAnchorTables): AnchorTables {
  const bytes = nodeZlib().brotliDecompressSync(Buffer.from(p.delta, 'base64'));
  // A copy, aligned for the view; the bytes are in the platform's order (little-endian wherever Node runs).
  const delta = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const outputs: Int32Array[] = [];
  for (let i = 0; i < p.outputs.length; i += 2 + p.outputs[i + 1]) outputs[p.outputs[i]] = Int32Array.from(p.outputs.slice(i + 2, i + 2 + p.outputs[i + 1]));
  return { classes: Uint8Array.from(p.classes), delta, outputs };
}
