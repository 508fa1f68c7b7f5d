// The report's aggregates on PostgreSQL, maintained in the ingest transaction (the SQLite store's
// ../sqlite/aggregates.ts, same rules). Frequent summaries (developers, machines, activity days, daily
// inventories, exposures) are summed per batch in memory and written with one statement per table;
// tool history and the rarer records are written event by event.
import type { AuthKind } from '../types';
import { dayOf, type StoredEvent } from '../sqlite/aggregates';
import type { SnapshotTool } from '../sqlite/intervals';
import { applySnapshot } from './intervals';
import type { Client } from './pool';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const flag = (v: unknown): number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && !!x))] : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const K = (...parts: (string | number)[]): string => JSON.stringify(parts);

export class PgAggregates {
  private readonly developers = new Map<string, { first: number; last: number; pv: number | null; editor: string | null; ext: string | null }>();
  private readonly machines = new Set<string>();
  private readonly activity = new Set<string>();
  private readonly policies = new Map<string, number>();
  private readonly daily = new Map<string, number>();
  private readonly exposureDays = new Map<string, { n: number; last: number }>();
  private readonly exposureClasses = new Map<string, number>();
  private readonly exposureTools = new Map<string, number>();

  constructor(private readonly c: Client) {}

  private note(e: StoredEvent): void {
    const editor = obj(e.editor);
    const editorText = str(editor.name) ? `${editor.name} ${str(editor.version) ?? ''}`.trim() : null;
    const ext = str(e.extensionVersion);
    const d = this.developers.get(e.developer);
    if (!d) this.developers.set(e.developer, { first: e.at, last: e.at, pv: e.policyVersion, editor: editorText, ext });
    else {
      if (e.at < d.first) d.first = e.at;
      if (e.at >= d.last) Object.assign(d, { last: e.at, pv: e.policyVersion ?? d.pv, editor: editorText ?? d.editor, ext: ext ?? d.ext });
    }
    if (e.machine) this.machines.add(e.machine);
    this.activity.add(K(dayOf(e.at), e.developer));
    if (e.policyVersion !== null) {
      const key = K(e.policyVersion, e.developer);
      this.policies.set(key, Math.min(this.policies.get(key) ?? e.at, e.at));
    }
  }

  async apply(e: StoredEvent, auth: AuthKind): Promise<void> {
    const data = obj(e.data);
    const day = dayOf(e.at);
    const dev = e.developer;
    const verifiedAt = auth === 'shared' ? null : e.at;
    this.note(e);
    switch (e.type) {
      case 'inventory': {
        const tools: SnapshotTool[] = [];
        for (const raw of Array.isArray(data.tools) ? data.tools : []) {
          const t = obj(raw);
          const id = str(t.id);
          if (id) tools.push({ id, status: str(t.status) ?? 'unlisted', name: str(t.name), version: str(t.version), enabled: flag(t.enabled), active: flag(t.active) });
        }
        const key = K(day, dev);
        this.daily.set(key, Math.max(this.daily.get(key) ?? 0, tools.filter((t) => t.enabled !== 0).length));
        await applySnapshot(this.c, dev, e.machine ?? '', e.at, tools);
        return;
      }
      case 'policy.loaded': {
        if (typeof data.version !== 'number') return;
        await this.c.query(
          `INSERT INTO policy_versions AS p (version, hash, signature, organization, published, effective, reviewed_on, next_review, first_at, last_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (version, hash, signature) DO UPDATE SET
             organization = coalesce(excluded.organization, p.organization), published = coalesce(excluded.published, p.published),
             effective = coalesce(excluded.effective, p.effective), reviewed_on = coalesce(excluded.reviewed_on, p.reviewed_on),
             next_review = coalesce(excluded.next_review, p.next_review), first_at = least(p.first_at, excluded.first_at), last_at = greatest(p.last_at, excluded.last_at)`,
          [data.version, str(data.hash) ?? '', str(data.signature) ?? '', str(data.organization), str(data.published), str(data.effective), str(data.reviewedOn), str(data.nextReview), e.at],
        );
        return;
      }
      case 'policy.acknowledged': {
        const v = typeof data.version === 'number' ? data.version : e.policyVersion;
        if (v === null) return;
        await this.c.query(
          `INSERT INTO acks AS a (developer, version, hash, first_at, first_auth, verified_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (developer, version) DO UPDATE SET
             hash = CASE WHEN excluded.first_at < a.first_at THEN coalesce(excluded.hash, a.hash) ELSE coalesce(a.hash, excluded.hash) END,
             first_auth = CASE WHEN excluded.first_at < a.first_at THEN excluded.first_auth ELSE a.first_auth END,
             first_at = least(a.first_at, excluded.first_at),
             verified_at = CASE WHEN excluded.verified_at IS NULL THEN a.verified_at WHEN a.verified_at IS NULL THEN excluded.verified_at
                                ELSE least(a.verified_at, excluded.verified_at) END`,
          [dev, v, str(data.hash), e.at, auth, verifiedAt],
        );
        return;
      }
      case 'training.completed': {
        const id = str(data.trainingId) ?? str(data.training);
        if (id) {
          await this.c.query(`INSERT INTO training_completions (developer, training, at, auth, title) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [dev, id, e.at, auth, str(data.title)]);
        }
        return;
      }
      case 'exposure': {
        const k = K(day, dev);
        const x = this.exposureDays.get(k);
        if (x) Object.assign(x, { n: x.n + 1, last: Math.max(x.last, e.at) });
        else this.exposureDays.set(k, { n: 1, last: e.at });
        const classes = strings(data.classes);
        const tools = strings(data.tools);
        for (const c of classes.length ? classes : ['unknown']) this.exposureClasses.set(K(day, dev, c), (this.exposureClasses.get(K(day, dev, c)) ?? 0) + 1);
        for (const t of tools.length ? tools : ['none']) this.exposureTools.set(K(day, dev, t), (this.exposureTools.get(K(day, dev, t)) ?? 0) + 1);
        return;
      }
    }
  }

  /** Writes the batch's summaries, one statement per table. */
  async flush(): Promise<void> {
    const c = this.c;
    const cols = <T extends unknown[]>(keys: Iterable<string>): T[] => [...keys].map((k) => JSON.parse(k) as T);
    if (this.developers.size) {
      const d = [...this.developers];
      await c.query(
        `INSERT INTO developers AS d (developer, first_at, last_at, policy_version, editor, extension_version)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[], $6::text[])
         ON CONFLICT (developer) DO UPDATE SET first_at = least(d.first_at, excluded.first_at),
           policy_version = CASE WHEN excluded.last_at >= d.last_at THEN coalesce(excluded.policy_version, d.policy_version) ELSE d.policy_version END,
           editor = CASE WHEN excluded.last_at >= d.last_at THEN coalesce(excluded.editor, d.editor) ELSE d.editor END,
           extension_version = CASE WHEN excluded.last_at >= d.last_at THEN coalesce(excluded.extension_version, d.extension_version) ELSE d.extension_version END,
           last_at = greatest(d.last_at, excluded.last_at)`,
        [d.map(([k]) => k), d.map(([, v]) => v.first), d.map(([, v]) => v.last), d.map(([, v]) => v.pv), d.map(([, v]) => v.editor), d.map(([, v]) => v.ext)],
      );
    }
    if (this.machines.size) await c.query(`INSERT INTO machines (machine) SELECT * FROM unnest($1::text[]) ON CONFLICT DO NOTHING`, [[...this.machines]]);
    if (this.activity.size) {
      const a = cols<[number, string]>(this.activity);
      await c.query(`INSERT INTO activity (day, developer) SELECT * FROM unnest($1::integer[], $2::text[]) ON CONFLICT DO NOTHING`, [a.map((r) => r[0]), a.map((r) => r[1])]);
    }
    if (this.policies.size) {
      const p = [...this.policies].map(([k, first]) => [...(JSON.parse(k) as [number, string]), first] as const);
      await c.query(
        `INSERT INTO policy_seen AS s (version, developer, first_at) SELECT * FROM unnest($1::integer[], $2::text[], $3::bigint[])
         ON CONFLICT (version, developer) DO UPDATE SET first_at = least(s.first_at, excluded.first_at)`,
        [p.map((r) => r[0]), p.map((r) => r[1]), p.map((r) => r[2])],
      );
    }
    if (this.daily.size) {
      const d = [...this.daily].map(([k, n]) => [...(JSON.parse(k) as [number, string]), n] as const);
      await c.query(
        `INSERT INTO daily AS d (day, developer, ai_tools) SELECT * FROM unnest($1::integer[], $2::text[], $3::integer[])
         ON CONFLICT (day, developer) DO UPDATE SET ai_tools = greatest(d.ai_tools, excluded.ai_tools)`,
        [d.map((r) => r[0]), d.map((r) => r[1]), d.map((r) => r[2])],
      );
    }
    if (this.exposureDays.size) {
      const x = [...this.exposureDays].map(([k, v]) => [...(JSON.parse(k) as [number, string]), v.n, v.last] as const);
      await c.query(
        `INSERT INTO exposure_days AS x (day, developer, n, last_at) SELECT * FROM unnest($1::integer[], $2::text[], $3::bigint[], $4::bigint[])
         ON CONFLICT (day, developer) DO UPDATE SET n = x.n + excluded.n, last_at = greatest(x.last_at, excluded.last_at)`,
        [x.map((r) => r[0]), x.map((r) => r[1]), x.map((r) => r[2]), x.map((r) => r[3])],
      );
    }
    for (const [table, col, map] of [
      ['exposure_classes', 'class', this.exposureClasses],
      ['exposure_tools', 'tool', this.exposureTools],
    ] as const) {
      if (!map.size) continue;
      const x = [...map].map(([k, n]) => [...(JSON.parse(k) as [number, string, string]), n] as const);
      await c.query(
        `INSERT INTO ${table} AS x (day, developer, ${col}, n) SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::bigint[])
         ON CONFLICT (day, developer, ${col}) DO UPDATE SET n = x.n + excluded.n`,
        [x.map((r) => r[0]), x.map((r) => r[1]), x.map((r) => r[2]), x.map((r) => r[3])],
      );
    }
  }
}
