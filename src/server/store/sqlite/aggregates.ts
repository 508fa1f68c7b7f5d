// Incremental aggregates behind the report: each newly stored event updates a few small tables in the
// same transaction, so the report reads summaries instead of scanning every event. Events stored by
// older versions are replayed through this too (migrate.ts), so it reads data defensively.
import type { AuthKind } from '../types';
import type { Db } from './db';
import { createIntervals, type SnapshotTool } from './intervals';

export const DAY_MS = 86_400_000;
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const flag = (v: unknown): number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && !!x))] : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export interface StoredEvent {
  type: string;
  at: number;
  developer: string;
  machine: string | null;
  policyVersion: number | null;
  editor?: unknown;
  extensionVersion?: unknown;
  data?: unknown;
}

export interface Aggregates {
  apply(e: StoredEvent, auth: AuthKind): void;
  /** Writes what is kept once per batch (developers, machines, activity days, versions seen). */
  flush(): void;
}

export function createAggregates(db: Db): Aggregates {
  const q = {
    developer: db.prepare(
      `INSERT INTO developers (developer, first_at, last_at, policy_version, editor, extension_version) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(developer) DO UPDATE SET first_at = min(first_at, excluded.first_at),
         policy_version = CASE WHEN excluded.last_at >= last_at THEN coalesce(excluded.policy_version, policy_version) ELSE policy_version END,
         editor = CASE WHEN excluded.last_at >= last_at THEN coalesce(excluded.editor, editor) ELSE editor END,
         extension_version = CASE WHEN excluded.last_at >= last_at THEN coalesce(excluded.extension_version, extension_version) ELSE extension_version END,
         last_at = max(last_at, excluded.last_at)`,
    ),
    machine: db.prepare(`INSERT OR IGNORE INTO machines (machine) VALUES (?)`),
    activity: db.prepare(`INSERT OR IGNORE INTO activity (day, developer) VALUES (?, ?)`),
    policySeen: db.prepare(
      `INSERT INTO policy_seen (version, developer, first_at) VALUES (?, ?, ?) ON CONFLICT(version, developer) DO UPDATE SET first_at = min(first_at, excluded.first_at)`,
    ),
    daily: db.prepare(
      `INSERT INTO daily (day, developer, ai_tools) VALUES (?, ?, ?) ON CONFLICT(day, developer) DO UPDATE SET ai_tools = max(ai_tools, excluded.ai_tools)`,
    ),
    version: db.prepare(
      `INSERT INTO policy_versions (version, hash, signature, organization, published, effective, reviewed_on, next_review, first_at, last_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(version, hash, signature) DO UPDATE SET
         organization = coalesce(excluded.organization, organization), published = coalesce(excluded.published, published),
         effective = coalesce(excluded.effective, effective), reviewed_on = coalesce(excluded.reviewed_on, reviewed_on),
         next_review = coalesce(excluded.next_review, next_review), first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
    ),
    ack: db.prepare(
      `INSERT INTO acks (developer, version, hash, first_at, first_auth, verified_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(developer, version) DO UPDATE SET
         hash = CASE WHEN excluded.first_at < first_at THEN coalesce(excluded.hash, hash) ELSE coalesce(hash, excluded.hash) END,
         first_auth = CASE WHEN excluded.first_at < first_at THEN excluded.first_auth ELSE first_auth END,
         first_at = min(first_at, excluded.first_at),
         verified_at = CASE WHEN excluded.verified_at IS NULL THEN verified_at WHEN verified_at IS NULL THEN excluded.verified_at
                            ELSE min(verified_at, excluded.verified_at) END`,
    ),
    training: db.prepare(`INSERT OR IGNORE INTO training_completions (developer, training, at, auth, title) VALUES (?, ?, ?, ?, ?)`),
    exposure: db.prepare(
      `INSERT INTO exposure_days (day, developer, n, last_at) VALUES (?, ?, 1, ?) ON CONFLICT(day, developer) DO UPDATE SET n = n + 1, last_at = max(last_at, excluded.last_at)`,
    ),
    exposureClass: db.prepare(
      `INSERT INTO exposure_classes (day, developer, class, n) VALUES (?, ?, ?, 1) ON CONFLICT(day, developer, class) DO UPDATE SET n = n + 1`,
    ),
    exposureTool: db.prepare(
      `INSERT INTO exposure_tools (day, developer, tool, n) VALUES (?, ?, ?, 1) ON CONFLICT(day, developer, tool) DO UPDATE SET n = n + 1`,
    ),
  };
  const intervals = createIntervals(db);

  /** Who was seen in a batch; written once per batch rather than once per event. */
  const seen = {
    developers: new Map<string, { first: number; last: number; pv: number | null; editor: string | null; ext: string | null }>(),
    machines: new Set<string>(),
    activity: new Set<string>(),
    policies: new Map<string, number>(),
  };

  const flush = (): void => {
    for (const [dev, d] of seen.developers) q.developer.run(dev, d.first, d.last, d.pv, d.editor, d.ext);
    for (const m of seen.machines) q.machine.run(m);
    for (const key of seen.activity) {
      const [day, dev] = JSON.parse(key) as [number, string];
      q.activity.run(day, dev);
    }
    for (const [key, first] of seen.policies) {
      const [pv, dev] = JSON.parse(key) as [number, string];
      q.policySeen.run(pv, dev, first);
    }
    seen.developers.clear();
    seen.machines.clear();
    seen.activity.clear();
    seen.policies.clear();
  };

  const note = (e: StoredEvent): void => {
    const editor = obj(e.editor);
    const editorText = str(editor.name) ? `${editor.name} ${str(editor.version) ?? ''}`.trim() : null;
    const ext = str(e.extensionVersion);
    const d = seen.developers.get(e.developer);
    if (!d) seen.developers.set(e.developer, { first: e.at, last: e.at, pv: e.policyVersion, editor: editorText, ext });
    else {
      if (e.at < d.first) d.first = e.at;
      if (e.at >= d.last) Object.assign(d, { last: e.at, pv: e.policyVersion ?? d.pv, editor: editorText ?? d.editor, ext: ext ?? d.ext });
    }
    if (e.machine) seen.machines.add(e.machine);
    seen.activity.add(JSON.stringify([dayOf(e.at), e.developer]));
    if (e.policyVersion !== null) {
      const key = JSON.stringify([e.policyVersion, e.developer]);
      seen.policies.set(key, Math.min(seen.policies.get(key) ?? e.at, e.at));
    }
  };

  const apply = (e: StoredEvent, auth: AuthKind): void => {
    const data = obj(e.data);
    const day = dayOf(e.at);
    const dev = e.developer;
    const verifiedAt = auth === 'shared' ? null : e.at;
    note(e);
    switch (e.type) {
      case 'inventory': {
        const tools: SnapshotTool[] = [];
        for (const raw of Array.isArray(data.tools) ? data.tools : []) {
          const t = obj(raw);
          const id = str(t.id);
          if (id) tools.push({ id, status: str(t.status) ?? 'unlisted', name: str(t.name), version: str(t.version), enabled: flag(t.enabled), active: flag(t.active) });
        }
        q.daily.run(day, dev, tools.filter((t) => t.enabled !== 0).length);
        intervals(dev, e.machine ?? '', e.at, tools);
        return;
      }
      case 'policy.loaded': {
        if (typeof data.version !== 'number') return;
        q.version.run(data.version, str(data.hash) ?? '', str(data.signature) ?? '', str(data.organization), str(data.published), str(data.effective), str(data.reviewedOn), str(data.nextReview), e.at, e.at);
        return;
      }
      case 'policy.acknowledged': {
        const v = typeof data.version === 'number' ? data.version : e.policyVersion;
        if (v !== null) q.ack.run(dev, v, str(data.hash), e.at, auth, verifiedAt);
        return;
      }
      case 'training.completed': {
        const id = str(data.trainingId) ?? str(data.training);
        if (id) q.training.run(dev, id, e.at, auth, str(data.title));
        return;
      }
      case 'exposure': {
        q.exposure.run(day, dev, e.at);
        const classes = strings(data.classes);
        const tools = strings(data.tools);
        for (const c of classes.length ? classes : ['unknown']) q.exposureClass.run(day, dev, c);
        for (const t of tools.length ? tools : ['none']) q.exposureTool.run(day, dev, t);
        return;
      }
    }
  };
  return { apply, flush };
}
