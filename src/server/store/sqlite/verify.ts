// Recomputes the hash chain of the SQLite log in one read transaction (the check itself is shared: ../verifyChain.ts).
import type { VerifyProgress, VerifyResult } from '../types';
import { CHAIN_COLUMNS, ChainCheck, type ChainRow } from '../verifyChain';
import type { Db } from './db';
import { logHead } from './queries';

const CHUNK = 5000;

export function verifyLog(db: Db, opts: { expectHead?: string; progress?: VerifyProgress } = {}): VerifyResult {
  return db.transaction((): VerifyResult => {
    const check = new ChainCheck(logHead(db), opts.expectHead);
    const page = db.prepare(`SELECT ${CHAIN_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
    for (;;) {
      const rows = page.all(check.after) as ChainRow[];
      if (!rows.length) break;
      const broken = check.page(rows);
      if (broken) return broken;
      opts.progress?.(check.checked);
    }
    return check.finish();
  })();
}
