// Checking the hash chain, shared by every store: rows are fed in arrival order (seq), page by page; each
// row's hash must follow from the previous one and its indexed columns must say what its canonical JSON
// says. The store only pages through its rows and reads its head.
import canonicalize from 'canonicalize';
import { chainHash, GENESIS } from './chain';
import type { Anchor, LogHead, VerifyResult } from './types';

export interface ChainRow {
  seq: number;
  id: string;
  type: string;
  time: string;
  developer: string;
  received: string;
  auth: string;
  body: string;
  hash: string;
}

/** The columns a store selects, in seq order, to feed a ChainCheck. */
/**
 * Counters outside the evidence, left out when the counters table is compared with the log: duplicates the
 * server ignored, and the OTLP receiver's request and item counts (telemetry is folded into usage rows, not
 * chained; see docs/server.md).
 */
export const OPERATIONAL_COUNTERS = `name <> 'duplicates' AND name NOT LIKE 'otlp:%'`;

export const CHAIN_COLUMNS = 'seq, id, type, time, developer, received, auth, body, hash';

function mismatch(r: ChainRow): string | undefined {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(r.body) as Record<string, unknown>;
  } catch {
    return 'its stored JSON is not readable';
  }
  if (canonicalize(e) !== r.body) return 'its stored JSON is not in canonical form';
  if (e.id !== r.id || e.type !== r.type || e.time !== r.time || ((e.developer as string | undefined) || 'unknown') !== r.developer) {
    return 'its columns (id, type, time, developer) differ from its stored JSON';
  }
  return undefined;
}

export class ChainCheck {
  private prev = GENESIS;
  /** seq of the last row checked (the next page starts after it). */
  after = 0;
  checked = 0;
  /** Anchors not yet found in the log. */
  private readonly pending: Anchor[];

  constructor(
    private readonly head: LogHead,
    anchors: readonly Anchor[] = [],
  ) {
    this.pending = anchors.filter((a) => !(a.hash === GENESIS && !a.seq));
  }

  /** Checks one page; returns the failure when a row is broken. */
  page(rows: readonly ChainRow[]): VerifyResult | undefined {
    for (const r of rows) {
      const expected = chainHash(this.prev, r.received, r.auth, r.body);
      if (expected !== r.hash) {
        const why = r.seq !== this.after + 1 && this.after + 1 < r.seq ? `rows ${this.after + 1}–${r.seq - 1} are missing before it` : 'its hash does not match its content and the previous row';
        return { ok: false, head: this.head, brokenSeq: r.seq, brokenId: r.id, reason: why };
      }
      const bad = mismatch(r);
      if (bad) return { ok: false, head: this.head, brokenSeq: r.seq, brokenId: r.id, reason: bad };
      if (this.pending.length) {
        const at = this.pending.findIndex((a) => (a.seq === undefined ? a.hash === r.hash : a.seq === r.seq));
        if (at >= 0) {
          const a = this.pending[at];
          if (a.hash !== r.hash) return { ok: false, head: this.head, brokenSeq: r.seq, brokenId: r.id, reason: `a published head says row ${r.seq} had hash ${a.hash}; today it is ${r.hash}: the log was rewritten` };
          this.pending.splice(at, 1);
        }
      }
      this.prev = r.hash;
      this.after = r.seq;
    }
    this.checked += rows.length;
    return undefined;
  }

  /** After the last page: every counted row must have been seen. */
  finish(): VerifyResult {
    if (this.checked !== this.head.count) {
      return {
        ok: false,
        head: this.head,
        brokenSeq: this.after + 1,
        brokenId: null,
        reason: `the log has ${this.checked} rows but ${this.head.count} events were counted as stored: rows were removed after row ${this.after}`,
      };
    }
    return { ok: true, head: this.head, foundHead: this.pending.length === 0 };
  }

  /** The anchors that were not found (the log was cut or replaced before them). */
  missing(): readonly Anchor[] {
    return this.pending;
  }
}
