// verify-log on PostgreSQL, on a dedicated connection in one REPEATABLE READ snapshot that is rolled back:
// the hash chain (../verifyChain.ts), then every folded table rebuilt from the chained log into TEMP tables
// of the same names (pg_temp is searched first, so the ingest code writes there) and compared with EXCEPT
// ALL, then the integrity checks PostgreSQL offers: every table read through, and amcheck's B-tree check
// when that extension is installed (otherwise a note says it was not run).
import pg from 'pg';
import type { VerifyOptions, VerifyResult } from '../types';
import { CHAIN_COLUMNS, ChainCheck, OPERATIONAL_COUNTERS, type ChainRow } from '../verifyChain';
import { types } from './pool';
import type { Client } from './pool';
import { logHead } from './queries';
import { replayLog } from './replay';
import { FOLDED_TABLES, TABLES } from './schema';

const CHUNK = 5000;

export async function verifyLog(url: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  const c = client as unknown as Client;
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const head = await logHead(c);
    const check = new ChainCheck(head, opts.anchors);
    for (;;) {
      const rows = (await c.query(`SELECT ${CHAIN_COLUMNS} FROM events WHERE seq > $1 ORDER BY seq LIMIT ${CHUNK}`, [check.after])).rows as ChainRow[];
      if (!rows.length) break;
      const broken = check.page(rows);
      if (broken) return broken;
      opts.progress?.(check.checked);
    }
    const chain = check.finish();
    // A missing earlier head is the first thing to report (the CLI names it).
    if (!chain.ok || !chain.foundHead) return chain;
    const notes: string[] = [];
    const problem = (await foldedDiffers(c)) ?? (await integrity(c, notes));
    return problem ? { ok: false, head, brokenSeq: 0, brokenId: null, reason: problem } : { ...chain, notes };
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function foldedDiffers(c: Client): Promise<string | undefined> {
  await c.query(`CREATE TEMP SEQUENCE aip_verify_ids`);
  for (const t of [...FOLDED_TABLES, 'counters']) {
    await c.query(`CREATE TEMP TABLE ${t} (LIKE public.${t} INCLUDING DEFAULTS INCLUDING INDEXES)`);
  }
  await c.query(`ALTER TABLE pg_temp.tool_intervals ALTER COLUMN id SET DEFAULT nextval('pg_temp.aip_verify_ids')`);
  const counters = [...(await replayLog(c))];
  await c.query(`INSERT INTO pg_temp.counters (name, n) SELECT * FROM unnest($1::text[], $2::bigint[])`, [counters.map(([k]) => k), counters.map(([, n]) => n)]);
  for (const t of [...FOLDED_TABLES, 'counters']) {
    const names = (await c.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'id' ORDER BY ordinal_position`, [t])).rows.map((r: { column_name: string }) => `"${r.column_name}"`);
    const cols = names.join(', ');
    const where = t === 'counters' ? ` WHERE ${OPERATIONAL_COUNTERS}` : '';
    const stray = (await c.query(`SELECT ${cols} FROM public.${t}${where} EXCEPT ALL SELECT ${cols} FROM pg_temp.${t}`)).rows[0] as unknown;
    const lost = (await c.query(`SELECT ${cols} FROM pg_temp.${t} EXCEPT ALL SELECT ${cols} FROM public.${t}${where}`)).rows[0] as unknown;
    if (stray || lost) {
      const row = stray ? `a row the log does not account for: ${JSON.stringify(stray)}` : `a row the log implies is missing or altered: ${JSON.stringify(lost)}`;
      return `the table "${t}" does not match what the chained log implies (${row})`;
    }
  }
  return undefined;
}

async function integrity(c: Client, notes: string[]): Promise<string | undefined> {
  try {
    for (const t of TABLES) await c.query(`SELECT count(*) FROM public.${t}`);
    const amcheck = (await c.query(`SELECT 1 FROM pg_extension WHERE extname = 'amcheck'`)).rowCount;
    if (!amcheck) {
      notes.push('PostgreSQL: every table read through; index check skipped (the amcheck extension is not installed)');
      return undefined;
    }
    await c.query(
      `SELECT bt_index_check(i.indexrelid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am a ON a.oid = x.relam WHERE n.nspname = 'public' AND a.amname = 'btree'`,
    );
    return undefined;
  } catch (e) {
    return `PostgreSQL integrity check: ${e instanceof Error ? e.message : String(e)}`;
  }
}
