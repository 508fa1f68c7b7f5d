// Incremental aggregates behind the report: each newly stored event updates a few small tables, so
// the report reads summaries instead of scanning every event.
import type { Db } from './db';
import type { IncomingEvent } from './validate';

interface ToolData {
  id?: unknown;
  name?: unknown;
  version?: unknown;
  status?: unknown;
  enabled?: unknown;
  active?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const flag = (v: unknown): number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x) : []);

export interface Aggregates {
  /** Starts a batch. */
  reset(): void;
  /** Updates the per-event aggregates of a newly stored event. */
  apply(e: IncomingEvent, dev: string, machine: string | null, pv: number | null): void;
  /** Writes the per-batch aggregates (developers, machines, policy versions seen). */
  flush(): void;
}

export function applyAggregates(db: Db): Aggregates {
  const q = {
    developer: db.prepare(
      `INSERT INTO developers (developer, first_seen, last_seen, policy_version, editor, extension_version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(developer) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
         policy_version = CASE WHEN excluded.last_seen >= last_seen THEN coalesce(excluded.policy_version, policy_version) ELSE policy_version END,
         editor = CASE WHEN excluded.last_seen >= last_seen THEN coalesce(excluded.editor, editor) ELSE editor END,
         extension_version = CASE WHEN excluded.last_seen >= last_seen THEN coalesce(excluded.extension_version, extension_version) ELSE extension_version END,
         last_seen = max(last_seen, excluded.last_seen)`,
    ),
    machine: db.prepare(`INSERT OR IGNORE INTO machines (machine) VALUES (?)`),
    policySeen: db.prepare(`INSERT OR IGNORE INTO policy_seen (version, developer) VALUES (?, ?)`),
    snapshotTime: db.prepare(`SELECT time FROM snapshots WHERE developer = ? AND machine = ?`).pluck(),
    snapshot: db.prepare(
      `INSERT INTO snapshots (developer, machine, time) VALUES (?, ?, ?) ON CONFLICT(developer, machine) DO UPDATE SET time = excluded.time`,
    ),
    clearTools: db.prepare(`DELETE FROM dev_tools WHERE developer = ? AND machine = ?`),
    tool: db.prepare(
      `INSERT INTO dev_tools (developer, machine, tool, name, version, status, enabled, active, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(developer, machine, tool) DO UPDATE SET name = excluded.name, version = excluded.version,
         status = excluded.status, enabled = excluded.enabled, active = excluded.active, seen = excluded.seen`,
    ),
    removeTool: db.prepare(`DELETE FROM dev_tools WHERE developer = ? AND machine = ? AND tool = ?`),
    daily: db.prepare(
      `INSERT INTO daily (day, developer, ai_tools) VALUES (?, ?, ?) ON CONFLICT(day, developer) DO UPDATE SET ai_tools = max(ai_tools, excluded.ai_tools)`,
    ),
    ack: db.prepare(
      `INSERT INTO acks (developer, version, hash, time) VALUES (?, ?, ?, ?)
       ON CONFLICT(developer, version) DO UPDATE SET time = min(time, excluded.time), hash = coalesce(hash, excluded.hash)`,
    ),
    training: db.prepare(
      `INSERT INTO trainings (developer, training, title, time) VALUES (?, ?, ?, ?)
       ON CONFLICT(developer, training) DO UPDATE SET time = min(time, excluded.time), title = coalesce(excluded.title, title)`,
    ),
    exposure: db.prepare(`INSERT INTO exposures (day, class, tool, n) VALUES (?, ?, ?, 1) ON CONFLICT(day, class, tool) DO UPDATE SET n = n + 1`),
    exposureDev: db.prepare(
      `INSERT INTO exposure_devs (developer, n, last) VALUES (?, 1, ?) ON CONFLICT(developer) DO UPDATE SET n = n + 1, last = max(last, excluded.last)`,
    ),
  };

  const putTool = (dev: string, machine: string, t: ToolData, time: string): void => {
    const id = str(t.id);
    if (!id) return;
    q.tool.run(dev, machine, id, str(t.name), str(t.version), str(t.status) ?? 'unlisted', flag(t.enabled), flag(t.active), time);
  };

  /** Who was seen in a batch; written once per batch rather than once per event. */
  const seen = {
    developers: new Map<string, { first: string; last: string; pv: number | null; editor: string | null; ext: string | null }>(),
    machines: new Set<string>(),
    policies: new Set<string>(),
  };

  const reset = (): void => {
    seen.developers.clear();
    seen.machines.clear();
    seen.policies.clear();
  };

  const flush = (): void => {
    for (const [dev, d] of seen.developers) q.developer.run(dev, d.first, d.last, d.pv, d.editor, d.ext);
    for (const m of seen.machines) q.machine.run(m);
    for (const key of seen.policies) {
      const [pv, dev] = JSON.parse(key) as [number, string];
      q.policySeen.run(pv, dev);
    }
    reset();
  };

  const note = (e: IncomingEvent, dev: string, machine: string | null, pv: number | null): void => {
    const editor = e.editor && typeof e.editor === 'object' ? (e.editor as Record<string, unknown>) : {};
    const editorText = str(editor.name) ? `${editor.name} ${str(editor.version) ?? ''}`.trim() : null;
    const d = seen.developers.get(dev);
    if (!d) seen.developers.set(dev, { first: e.time, last: e.time, pv, editor: editorText, ext: str(e.extensionVersion) });
    else {
      if (e.time < d.first) d.first = e.time;
      if (e.time >= d.last) Object.assign(d, { last: e.time, pv: pv ?? d.pv, editor: editorText ?? d.editor, ext: str(e.extensionVersion) ?? d.ext });
    }
    if (machine) seen.machines.add(machine);
    if (pv !== null) seen.policies.add(JSON.stringify([pv, dev]));
  };

  const apply = (e: IncomingEvent, dev: string, machine: string | null, pv: number | null): void => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const day = e.time.slice(0, 10);
    const m = machine ?? '';
    note(e, dev, machine, pv);
    switch (e.type) {
      case 'inventory': {
        const tools = (Array.isArray(data.tools) ? data.tools : []).filter((t): t is ToolData => !!t && typeof t === 'object');
        q.daily.run(day, dev, tools.filter((t) => t.enabled !== false).length);
        const last = q.snapshotTime.get(dev, m) as string | undefined;
        if (last && last > e.time) return; // an older snapshot arriving late does not replace a newer one
        q.clearTools.run(dev, m);
        for (const t of tools) putTool(dev, m, t, e.time);
        q.snapshot.run(dev, m, e.time);
        return;
      }
      case 'tool.added':
        putTool(dev, m, (data.tool && typeof data.tool === 'object' ? data.tool : data) as ToolData, e.time);
        return;
      case 'tool.removed': {
        const id = str((data.tool as ToolData | undefined)?.id) ?? str(data.id);
        if (id) q.removeTool.run(dev, m, id);
        return;
      }
      case 'policy.acknowledged': {
        const v = typeof data.version === 'number' ? data.version : pv;
        if (v !== null) q.ack.run(dev, v, str(data.hash), e.time);
        return;
      }
      case 'training.completed': {
        const id = str(data.trainingId) ?? str(data.training);
        if (id) q.training.run(dev, id, str(data.title), e.time);
        return;
      }
      case 'exposure': {
        const classes = strings(data.classes);
        const tools = strings(data.tools);
        for (const c of classes.length ? classes : ['unknown']) for (const t of tools.length ? tools : ['none']) q.exposure.run(day, c, t);
        q.exposureDev.run(dev, e.time);
        return;
      }
    }
  };
  return { apply, flush, reset };
}
