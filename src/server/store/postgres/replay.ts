// Folds the chained log into the aggregate tables on PostgreSQL, in arrival order, page by page, with the
// ingest rules (aggregates.ts). Used by the schema 2 upgrade (into the real tables) and by verify-log
// (into TEMP tables of the same names: PostgreSQL resolves pg_temp before public, functions included).
import type { ChainAuth } from '../types';
import { noteCounters } from '../serverNote';
import { PgAggregates } from './aggregates';
import type { Client } from './pool';

const CHUNK = 5000;

interface Row {
  seq: string;
  type: string;
  at: string;
  developer: string;
  machine: string | null;
  policy_version: number | null;
  received: string;
  auth: ChainAuth;
  body: string;
}

/** Replays public.events; returns the counters it implies (events, type:*). */
export async function replayLog(c: Client): Promise<Map<string, number>> {
  const counters = new Map<string, number>();
  let after = 0;
  for (;;) {
    const rows = (await c.query(`SELECT seq, type, at, developer, machine, policy_version, received, auth, body FROM public.events WHERE seq > $1 ORDER BY seq LIMIT ${CHUNK}`, [after])).rows as Row[];
    if (!rows.length) break;
    after = Number(rows[rows.length - 1].seq);
    const agg = new PgAggregates(c);
    for (const r of rows) {
      const parsed = JSON.parse(r.body) as Record<string, unknown>;
      agg.apply({ type: r.type, at: Number(r.at), developer: r.developer, machine: r.machine, policyVersion: r.policy_version, received: Date.parse(r.received), editor: parsed.editor, extensionVersion: parsed.extensionVersion, data: parsed.data }, r.auth);
      counters.set('events', (counters.get('events') ?? 0) + 1);
      counters.set(`type:${r.type}`, (counters.get(`type:${r.type}`) ?? 0) + 1);
      for (const name of noteCounters(r.type, parsed)) counters.set(name, (counters.get(name) ?? 0) + 1);
    }
    await agg.flush();
  }
  return counters;
}
