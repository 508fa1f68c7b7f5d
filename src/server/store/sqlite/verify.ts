// verify-log on SQLite, on its own read-only connection and in one read transaction: the hash chain (the
// check itself is shared: ../verifyChain.ts), then every folded table rebuilt from the chained log into
// TEMP tables of the same names and compared row for row, then SQLite's own integrity check.
import Database from 'better-sqlite3';
import { GENESIS } from '../chain';
import type { VerifyOptions, VerifyResult } from '../types';
import { CHAIN_COLUMNS, ChainCheck, OPERATIONAL_COUNTERS, type ChainRow } from '../verifyChain';
import type { Db } from './db';
import { logHead } from './queries';
import { replayLog } from './replay';
import { FOLDED_TABLES } from './schema';

const CHUNK = 5000;

export function verifyLog(file: string, opts: VerifyOptions = {}): VerifyResult {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    return db.transaction((): VerifyResult => {
      const head = logHead(db);
      const check = new ChainCheck(head, opts.anchors);
      const page = db.prepare(`SELECT ${CHAIN_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
      for (;;) {
        const rows = page.all(check.after) as ChainRow[];
        if (!rows.length) break;
        const broken = check.page(rows);
        if (broken) return broken;
        opts.progress?.(check.checked);
      }
      const chain = check.finish();
      // A missing earlier head is the first thing to report (the CLI names it).
    if (!chain.ok || !chain.foundHead) return chain;
      const problem = foldedDiffers(db) ?? integrity(db);
      return problem ? { ok: false, head, brokenSeq: 0, brokenId: null, reason: problem } : chain;
    })();
  } catch (e) {
    // A damaged file is a finding, not a failure to read: say so (exit 1), with SQLite's words.
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown }).code))) throw e;
    return { ok: false, head: { count: 0, seq: 0, hash: GENESIS }, brokenSeq: 0, brokenId: null, reason: `the database is corrupt (SQLite integrity check: ${e instanceof Error ? e.message : String(e)})` };
  } finally {
    db.close();
  }
}

/** Rebuilds the folded tables and the counters from the log into TEMP tables; names the first table that differs. */
function foldedDiffers(db: Db): string | undefined {
  const ddl = db.prepare(`SELECT sql FROM main.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC`).pluck();
  for (const t of [...FOLDED_TABLES, 'counters']) {
    for (const sql of ddl.all(t) as string[]) db.exec(sql.replace(/^CREATE TABLE /i, 'CREATE TEMP TABLE ').replace(/^CREATE INDEX /i, 'CREATE INDEX temp.'));
  }
  const put = db.prepare(`INSERT INTO temp.counters (name, n) VALUES (?, ?)`);
  for (const [name, n] of replayLog(db)) put.run(name, n);
  for (const t of [...FOLDED_TABLES, 'counters']) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(t) as string[]).filter((c) => c !== 'id').map((c) => `"${c}"`).join(', ');
    const where = t === 'counters' ? ` WHERE ${OPERATIONAL_COUNTERS}` : '';
    const stray = db.prepare(`SELECT ${cols} FROM main.${t}${where} EXCEPT SELECT ${cols} FROM temp.${t}`).get();
    const lost = db.prepare(`SELECT ${cols} FROM temp.${t} EXCEPT SELECT ${cols} FROM main.${t}${where}`).get();
    const counts = db.prepare(`SELECT (SELECT count(*) FROM main.${t}${where}) AS stored, (SELECT count(*) FROM temp.${t}) AS rebuilt`).get() as { stored: number; rebuilt: number };
    if (stray || lost || counts.stored !== counts.rebuilt) {
      const row = stray ? `a row the log does not account for: ${JSON.stringify(stray)}` : lost ? `a row the log implies is missing or altered: ${JSON.stringify(lost)}` : `${counts.stored} rows stored, ${counts.rebuilt} rebuilt`;
      return `the table "${t}" does not match what the chained log implies (${row})`;
    }
  }
  return undefined;
}

function integrity(db: Db): string | undefined {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  const bad = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  return bad.length ? `SQLite integrity check: ${bad.slice(0, 3).join('; ')}` : undefined;
}
