// Recomputes the hash chain row by row in arrival order, and checks that each row's indexed columns
// still say what its canonical JSON says (an edit of either breaks the row).
import canonicalize from 'canonicalize';
import { chainHash, GENESIS } from '../chain';
import type { VerifyProgress, VerifyResult } from '../types';
import type { Db } from './db';
import { logHead } from './queries';

const CHUNK = 5000;

interface Row {
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

function mismatch(r: Row): string | undefined {
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

export function verifyLog(db: Db, opts: { expectHead?: string; progress?: VerifyProgress } = {}): VerifyResult {
  return db.transaction((): VerifyResult => {
    const head = logHead(db);
    const page = db.prepare(`SELECT seq, id, type, time, developer, received, auth, body, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
    let prev = GENESIS;
    let after = 0;
    let checked = 0;
    let foundHead = opts.expectHead === undefined ? undefined : opts.expectHead === GENESIS;
    for (;;) {
      const rows = page.all(after) as Row[];
      if (!rows.length) break;
      for (const r of rows) {
        const expected = chainHash(prev, r.received, r.auth, r.body);
        if (expected !== r.hash) {
          const why = r.seq !== after + 1 && after + 1 < r.seq ? `rows ${after + 1}–${r.seq - 1} are missing before it` : 'its hash does not match its content and the previous row';
          return { ok: false, head, brokenSeq: r.seq, brokenId: r.id, reason: why };
        }
        const bad = mismatch(r);
        if (bad) return { ok: false, head, brokenSeq: r.seq, brokenId: r.id, reason: bad };
        if (opts.expectHead !== undefined && r.hash === opts.expectHead) foundHead = true;
        prev = r.hash;
        after = r.seq;
      }
      checked += rows.length;
      opts.progress?.(checked);
    }
    if (checked !== head.count) {
      return { ok: false, head, brokenSeq: after + 1, brokenId: null, reason: `the log has ${checked} rows but ${head.count} events were counted as stored: rows were removed after row ${after}` };
    }
    return { ok: true, head, foundHead };
  })();
}
