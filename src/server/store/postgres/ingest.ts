// Storing a batch on PostgreSQL, in one transaction: lock the chain head row (a second instance's batch
// waits here, so appends are serialized and the chain stays one line), skip ids already stored (a client
// resending, possibly to another instance), append the new events with their hashes under the unique
// id constraint, move the head, and update the aggregates and counters.
import { chainHash } from '../chain';
import type { IngestBatch, IngestResult } from '../types';
import { noteCounters, SERVER_NOTE } from '../serverNote';
import { PgAggregates } from './aggregates';
import type { Client } from './pool';
import { PgUsage } from './usage';

export async function ingestBatch(c: Client, batch: IngestBatch): Promise<IngestResult> {
  const head = (await c.query(`SELECT seq, hash FROM chain_head FOR UPDATE`)).rows[0] as { seq: number; hash: string };
  const ids = batch.events.map((e) => e.event.id);
  const seen = new Set<string>((await c.query(`SELECT id FROM events WHERE id = ANY($1::text[])`, [ids])).rows.map((r: { id: string }) => r.id));
  const cols = { seq: [] as number[], id: [] as string[], type: [] as string[], time: [] as string[], at: [] as number[], developer: [] as string[], machine: [] as (string | null)[], pv: [] as (number | null)[], body: [] as string[], hash: [] as string[] };
  const stored = [];
  let { seq, hash } = head;
  for (const e of batch.events) {
    if (seen.has(e.event.id)) continue;
    seen.add(e.event.id);
    seq++;
    hash = chainHash(hash, batch.received, batch.auth, e.body);
    cols.seq.push(seq);
    cols.id.push(e.event.id);
    cols.type.push(e.event.type);
    cols.time.push(e.event.time);
    cols.at.push(e.at);
    cols.developer.push(e.developer);
    cols.machine.push(e.event.machine ?? null);
    cols.pv.push(typeof e.event.policyVersion === 'number' ? e.event.policyVersion : null);
    cols.body.push(e.body);
    cols.hash.push(hash);
    stored.push(e);
  }
  const duplicates = batch.events.length - stored.length;
  const counts = new Map<string, number>();
  if (stored.length) {
    const r = await c.query(
      `INSERT INTO events (seq, id, type, time, at, developer, machine, policy_version, received, auth, body, hash)
       SELECT s, i, t, tm, a, d, m, pv, $9, $10, b, h FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::integer[], $11::text[], $12::text[])
         AS u(s, i, t, tm, a, d, m, pv, b, h)
       ON CONFLICT (id) DO NOTHING`,
      [cols.seq, cols.id, cols.type, cols.time, cols.at, cols.developer, cols.machine, cols.pv, batch.received, batch.auth, cols.body, cols.hash],
    );
    // Under the head lock nobody else inserts, so every row must have gone in; otherwise undo the batch.
    if (r.rowCount !== stored.length) throw new Error(`stored ${r.rowCount} of ${stored.length} new events; the batch was rolled back`);
    await c.query(`UPDATE chain_head SET seq = $1, hash = $2`, [seq, hash]);
    const agg = new PgAggregates(c);
    const usage = new PgUsage(c);
    for (const e of stored) {
      counts.set(`type:${e.event.type}`, (counts.get(`type:${e.event.type}`) ?? 0) + 1);
      if (e.note) for (const name of noteCounters(e.event.type, { [SERVER_NOTE]: e.note })) counts.set(name, (counts.get(name) ?? 0) + 1);
      const s = { type: e.event.type, at: e.at, developer: e.developer, machine: e.event.machine ?? null, policyVersion: typeof e.event.policyVersion === 'number' ? e.event.policyVersion : null, received: Date.parse(batch.received), editor: e.event.editor, extensionVersion: e.event.extensionVersion, data: e.event.data };
      agg.apply(s, batch.auth);
      usage.event(s, e.event.id);
    }
    await agg.flush();
    await usage.flush();
    counts.set('events', stored.length);
  }
  if (duplicates) counts.set('duplicates', duplicates);
  if (counts.size) {
    const list = [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
    await c.query(
      `INSERT INTO counters AS k (name, n) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT (name) DO UPDATE SET n = k.n + excluded.n`,
      [list.map(([k]) => k), list.map(([, n]) => n)],
    );
  }
  return { accepted: stored.length, duplicates };
}
