// Folds the chained log into the aggregate tables, in arrival order, page by page: the same appender
// rules as ingest (aggregates.ts). Used by the schema 2 upgrade (into the real tables) and by verify-log
// (into TEMP tables of the same names, which SQLite resolves before the file's tables).
import type { ChainAuth } from '../types';
import { noteCounters } from '../serverNote';
import type { StoredEvent } from '../eventFold';
import { createAggregates } from './aggregates';
import type { Db } from './db';

const CHUNK = 5000;

interface Row {
  seq: number;
  type: string;
  at: number;
  developer: string;
  machine: string | null;
  policy_version: number | null;
  received: string;
  auth: ChainAuth;
  body: string;
}

/** Replays main.events into whatever `developers`, `acks`… resolve to; returns the counters it implies. */
export function replayLog(db: Db): Map<string, number> {
  const aggregates = createAggregates(db);
  const page = db.prepare(`SELECT seq, type, at, developer, machine, policy_version, received, auth, body FROM main.events WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
  const counters = new Map<string, number>();
  let after = 0;
  for (;;) {
    const rows = page.all(after) as Row[];
    if (!rows.length) break;
    after = rows[rows.length - 1].seq;
    for (const r of rows) {
      const parsed = JSON.parse(r.body) as Record<string, unknown>;
      const e: StoredEvent = { type: r.type, at: r.at, developer: r.developer, machine: r.machine, policyVersion: r.policy_version, received: Date.parse(r.received), editor: parsed.editor, extensionVersion: parsed.extensionVersion, data: parsed.data };
      aggregates.apply(e, r.auth);
      counters.set('events', (counters.get('events') ?? 0) + 1);
      counters.set(`type:${r.type}`, (counters.get(`type:${r.type}`) ?? 0) + 1);
      for (const name of noteCounters(r.type, parsed)) counters.set(name, (counters.get(name) ?? 0) + 1);
    }
    aggregates.flush();
  }
  return counters;
}
