// Storing a batch: one IMMEDIATE transaction takes the write lock (so a second process on the same file
// waits rather than forking the chain), reads the chain head, appends each new event with its hash and
// updates the aggregates. Ids already stored are duplicates (a client resending after a lost answer).
import { chainHash, GENESIS } from '../chain';
import type { ChainAuth, IngestBatch, IngestResult } from '../types';
import type { StoredEvent } from '../eventFold';
import type { CheckedEvent } from '../../validate';
import { noteCounters, SERVER_NOTE } from '../serverNote';
import { createAggregates } from './aggregates';
import type { Db } from './db';
import { createUsageWriter } from './usage';

export interface LogRow {
  id: string;
  type: string;
  time: string;
  at: number;
  developer: string;
  machine: string | null;
  policyVersion: number | null;
  received: string;
  auth: ChainAuth;
  /** Canonical JSON of the event. */
  body: string;
  parsed: { editor?: unknown; extensionVersion?: unknown; data?: unknown };
  /** Counters the server's note adds (not understood, clock ahead). */
  noted: string[];
}

/** Appends rows to the log (chain + aggregates + counters); call inside a transaction. Returns the rows stored. */
export function createAppender(db: Db): (rows: Iterable<LogRow>) => number {
  const head = db.prepare(`SELECT hash FROM events ORDER BY seq DESC LIMIT 1`).pluck();
  const insert = db.prepare(
    `INSERT OR IGNORE INTO events (id, type, time, at, developer, machine, policy_version, received, auth, body, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bump = db.prepare(`INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n`);
  const aggregates = createAggregates(db);
  const usage = createUsageWriter(db);
  return (rows) => {
    let prev = (head.get() as string | undefined) ?? GENESIS;
    const byType = new Map<string, number>();
    const noted = new Map<string, number>();
    let stored = 0;
    for (const r of rows) {
      const hash = chainHash(prev, r.received, r.auth, r.body);
      if (insert.run(r.id, r.type, r.time, r.at, r.developer, r.machine, r.policyVersion, r.received, r.auth, r.body, hash).changes === 0) continue;
      prev = hash;
      stored++;
      byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
      for (const name of r.noted) noted.set(name, (noted.get(name) ?? 0) + 1);
      const e: StoredEvent = { type: r.type, at: r.at, developer: r.developer, machine: r.machine, policyVersion: r.policyVersion, received: Date.parse(r.received), editor: r.parsed.editor, extensionVersion: r.parsed.extensionVersion, data: r.parsed.data };
      aggregates.apply(e, r.auth);
      usage.event(e, r.id);
    }
    aggregates.flush();
    usage.flush();
    if (stored) bump.run('events', stored);
    for (const [type, n] of byType) bump.run(`type:${type}`, n);
    for (const [name, n] of noted) bump.run(name, n);
    return stored;
  };
}

/** A checked event as a row of the log. */
export function logRowOf(c: CheckedEvent, received: string, auth: ChainAuth): LogRow {
  return {
    id: c.event.id,
    type: c.event.type,
    time: c.event.time,
    at: c.at,
    developer: c.developer,
    machine: c.event.machine ?? null,
    policyVersion: typeof c.event.policyVersion === 'number' ? c.event.policyVersion : null,
    received,
    auth,
    body: c.body,
    parsed: c.event,
    noted: c.note ? noteCounters(c.event.type, { [SERVER_NOTE]: c.note }) : [],
  };
}

export function createIngest(db: Db): (batch: IngestBatch) => IngestResult {
  const append = createAppender(db);
  const bump = db.prepare(`INSERT INTO counters (name, n) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n`);
  const tx = db.transaction((batch: IngestBatch): IngestResult => {
    const accepted = append(batch.events.map((c) => logRowOf(c, batch.received, batch.auth)));
    const duplicates = batch.events.length - accepted;
    if (duplicates) bump.run('duplicates', duplicates);
    return { accepted, duplicates };
  });
  return (batch) => tx.immediate(batch);
}
