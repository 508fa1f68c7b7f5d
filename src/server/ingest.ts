// Stores a validated batch in one transaction: new events go into `events` and update the aggregate
// tables; ids already stored are counted as duplicates and change nothing.
import type { Db } from './db';
import type { IncomingEvent } from './validate';
import { applyAggregates } from './aggregates';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

export type Ingest = (events: readonly IncomingEvent[]) => IngestResult;

export function createIngest(db: Db): Ingest {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO events (id, type, time, developer, machine, policy_version, received, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bump = db.prepare(`INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n`);
  const aggregate = applyAggregates(db);
  return db.transaction((events: readonly IncomingEvent[]) => {
    aggregate.reset();
    const received = new Date().toISOString();
    const byType = new Map<string, number>();
    let accepted = 0;
    for (const e of events) {
      const developer = typeof e.developer === 'string' && e.developer ? e.developer : 'unknown';
      const machine = typeof e.machine === 'string' ? e.machine : null;
      const pv = typeof e.policyVersion === 'number' && Number.isInteger(e.policyVersion) ? e.policyVersion : null;
      const r = insert.run(e.id, e.type, e.time, developer, machine, pv, received, JSON.stringify(e));
      if (r.changes === 0) continue;
      accepted++;
      byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      aggregate.apply(e, developer, machine, pv);
    }
    aggregate.flush();
    const duplicates = events.length - accepted;
    if (accepted) bump.run('events', accepted);
    if (duplicates) bump.run('duplicates', duplicates);
    for (const [type, n] of byType) bump.run(`type:${type}`, n);
    return { accepted, duplicates };
  });
}
