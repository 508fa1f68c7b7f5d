// Tool presence history on PostgreSQL: the same algorithm as the SQLite store (../sqlite/intervals.ts),
// run inside the ingest transaction, which holds the chain head lock (so no other writer interleaves).
import type { SnapshotTool } from '../sqlite/intervals';
import type { Client } from './pool';

interface Span {
  id: number;
  tool: string;
  status: string;
  first_at: number;
  last_at: number;
  name: string | null;
  version: string | null;
  enabled: number | null;
  active: number | null;
}

export async function applySnapshot(c: Client, dev: string, m: string, at: number, input: readonly SnapshotTool[]): Promise<void> {
  const one = async <T>(text: string, values: unknown[]): Promise<T | undefined> => (await c.query(text, values)).rows[0] as T | undefined;
  const key = [dev, m];
  const insert = (tool: string, status: string, t: Omit<SnapshotTool, 'id' | 'status'>, first: number, last: number) =>
    c.query(
      `INSERT INTO tool_intervals (developer, machine, tool, status, name, version, enabled, active, first_at, last_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [dev, m, tool, status, t.name, t.version, t.enabled, t.active, first, last],
    );
  const endingAt = async (t: SnapshotTool, when: number) =>
    (await one<{ id: number }>(`SELECT id FROM tool_intervals WHERE developer = $1 AND machine = $2 AND tool = $3 AND status = $4 AND last_at = $5`, [...key, t.id, t.status, when]))?.id;
  const setLast = (last: number, id: number) => c.query(`UPDATE tool_intervals SET last_at = $1 WHERE id = $2`, [last, id]);

  const tools = [...new Map(input.map((t) => [t.id, t])).values()];
  const isNew = ((await c.query(`INSERT INTO inventories (developer, machine, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [...key, at])).rowCount ?? 0) > 0;
  const around = await one<{ prev: number | null; next: number | null }>(
    `SELECT (SELECT max(at) FROM inventories WHERE developer = $1 AND machine = $2 AND at < $3) AS prev,
            (SELECT min(at) FROM inventories WHERE developer = $1 AND machine = $2 AND at > $3) AS next`,
    [...key, at],
  );
  const prev = around?.prev ?? null;
  const next = around?.next ?? null;
  if (next === null && isNew) {
    for (const t of tools) {
      const id = prev === null ? undefined : await endingAt(t, prev);
      if (id !== undefined) await c.query(`UPDATE tool_intervals SET last_at = $1, name = $2, version = $3, enabled = $4, active = $5 WHERE id = $6`, [at, t.name, t.version, t.enabled, t.active, id]);
      else await insert(t.id, t.status, t, at, at);
    }
    return;
  }
  const here = new Set(tools.map((t) => `${t.id}\u0000${t.status}`));
  if (isNew && prev !== null && next !== null) {
    const spans = (await c.query(`SELECT id, tool, status, first_at, last_at, name, version, enabled, active FROM tool_intervals WHERE developer = $1 AND machine = $2 AND first_at < $3 AND last_at > $3`, [...key, at])).rows as Span[];
    for (const s of spans) {
      if (here.has(`${s.tool}\u0000${s.status}`)) continue;
      await setLast(prev, s.id);
      await insert(s.tool, s.status, s, next, s.last_at);
    }
  }
  for (const t of tools) {
    const inside = await one(`SELECT id FROM tool_intervals WHERE developer = $1 AND machine = $2 AND tool = $3 AND status = $4 AND first_at <= $5 AND last_at >= $5 LIMIT 1`, [...key, t.id, t.status, at]);
    if (inside) continue;
    const before = prev === null ? undefined : await endingAt(t, prev);
    const after = next === null ? undefined : await one<{ id: number; last_at: number }>(`SELECT id, last_at FROM tool_intervals WHERE developer = $1 AND machine = $2 AND tool = $3 AND status = $4 AND first_at = $5`, [...key, t.id, t.status, next]);
    if (before !== undefined && after) {
      await setLast(after.last_at, before);
      await c.query(`DELETE FROM tool_intervals WHERE id = $1`, [after.id]);
    } else if (before !== undefined) await setLast(at, before);
    else if (after) await c.query(`UPDATE tool_intervals SET first_at = $1 WHERE id = $2`, [at, after.id]);
    else await insert(t.id, t.status, t, at, at);
  }
}
