// Tool presence history from inventory snapshots. Per developer, machine, tool and status, an interval
// [first_at, last_at] is a maximal run of consecutive snapshots of that machine that listed the tool with
// that status. Snapshots usually arrive in time order (extend or open intervals); one that arrives late
// (an offline queue) is fitted in: it may extend, join or split the intervals around its time.
import type { Db } from './db';

export interface SnapshotTool {
  id: string;
  status: string;
  name: string | null;
  version: string | null;
  enabled: number | null;
  active: number | null;
}

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

export function createIntervals(db: Db): (developer: string, machine: string, at: number, tools: readonly SnapshotTool[]) => void {
  const q = {
    snapshot: db.prepare(`INSERT OR IGNORE INTO inventories (developer, machine, at) VALUES (?, ?, ?)`),
    prev: db.prepare(`SELECT max(at) FROM inventories WHERE developer = ? AND machine = ? AND at < ?`).pluck(),
    next: db.prepare(`SELECT min(at) FROM inventories WHERE developer = ? AND machine = ? AND at > ?`).pluck(),
    endingAt: db.prepare(`SELECT id FROM tool_intervals WHERE developer = ? AND machine = ? AND tool = ? AND status = ? AND last_at = ?`).pluck(),
    startingAt: db.prepare(`SELECT id, last_at FROM tool_intervals WHERE developer = ? AND machine = ? AND tool = ? AND status = ? AND first_at = ?`),
    containing: db.prepare(`SELECT id FROM tool_intervals WHERE developer = ? AND machine = ? AND tool = ? AND status = ? AND first_at <= ? AND last_at >= ? LIMIT 1`).pluck(),
    spanning: db.prepare(`SELECT id, tool, status, first_at, last_at, name, version, enabled, active FROM tool_intervals WHERE developer = ? AND machine = ? AND first_at < ? AND last_at > ?`),
    extend: db.prepare(`UPDATE tool_intervals SET last_at = ?, name = ?, version = ?, enabled = ?, active = ? WHERE id = ?`),
    setFirst: db.prepare(`UPDATE tool_intervals SET first_at = ? WHERE id = ?`),
    setLast: db.prepare(`UPDATE tool_intervals SET last_at = ? WHERE id = ?`),
    remove: db.prepare(`DELETE FROM tool_intervals WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO tool_intervals (developer, machine, tool, status, name, version, enabled, active, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
  const open = (dev: string, m: string, t: SnapshotTool, first: number, last: number): void => {
    q.insert.run(dev, m, t.id, t.status, t.name, t.version, t.enabled, t.active, first, last);
  };

  return (dev, m, at, input) => {
    const tools = [...new Map(input.map((t) => [t.id, t])).values()];
    const isNew = q.snapshot.run(dev, m, at).changes > 0;
    const prev = q.prev.get(dev, m, at) as number | null;
    const next = q.next.get(dev, m, at) as number | null;
    if (next === null && isNew) {
      // In time order: extend what the previous snapshot had, open the rest.
      for (const t of tools) {
        const id = prev === null ? undefined : (q.endingAt.get(dev, m, t.id, t.status, prev) as number | undefined);
        if (id !== undefined) q.extend.run(at, t.name, t.version, t.enabled, t.active, id);
        else open(dev, m, t, at, at);
      }
      return;
    }
    // Late (or a second snapshot at the same instant): first split runs that this snapshot interrupts.
    const here = new Set(tools.map((t) => `${t.id}\u0000${t.status}`));
    if (isNew && prev !== null && next !== null) {
      for (const s of q.spanning.all(dev, m, at, at) as Span[]) {
        if (here.has(`${s.tool}\u0000${s.status}`)) continue;
        q.setLast.run(prev, s.id);
        q.insert.run(dev, m, s.tool, s.status, s.name, s.version, s.enabled, s.active, next, s.last_at);
      }
    }
    for (const t of tools) {
      if (q.containing.get(dev, m, t.id, t.status, at, at) !== undefined) continue;
      const before = prev === null ? undefined : (q.endingAt.get(dev, m, t.id, t.status, prev) as number | undefined);
      const after = next === null ? undefined : (q.startingAt.get(dev, m, t.id, t.status, next) as { id: number; last_at: number } | undefined);
      if (before !== undefined && after) {
        q.setLast.run(after.last_at, before);
        q.remove.run(after.id);
      } else if (before !== undefined) q.setLast.run(at, before);
      else if (after) q.setFirst.run(at, after.id);
      else open(dev, m, t, at, at);
    }
  };
}
