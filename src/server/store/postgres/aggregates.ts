// The report's aggregates on PostgreSQL, maintained in the ingest transaction (the SQLite store's
// ../sqlite/aggregates.ts, same rules). Frequent summaries (developers, machines, activity days, daily
// inventories, exposures, policy versions, acknowledgements) are folded per batch in memory with the
// same merge rules and written with one statement per table; tool history goes, in arrival order, to
// one call of the aip_snapshots function (snapshotsFunction.ts).
import type { ChainAuth } from '../types';
import { acknowledgedVersion, BatchSeen, dayOf, enrolledTokenOf, ENROLLMENT, exposureKeys, isServerRecord, inventoryTools, obj, policyVersionOf, presentTools, str, trainingIdOf, type PolicyVersionSeen, type StoredEvent } from '../eventFold';
import type { Client } from './pool';

const K = (...parts: (string | number)[]): string => JSON.stringify(parts);

interface AckFold {
  dev: string;
  version: number;
  hash: string | null;
  first: number;
  auth: ChainAuth;
  verified: number | null;
  verifiedHash: string | null;
  verifiedReceived: number | null;
}

/** The upsert's rule in memory: the earliest record's hash and authentication; the earliest verified record's own hash and receive time. */
function mergeAck(a: AckFold, b: AckFold): AckFold {
  const verifiedFirst = b.verified !== null && (a.verified === null || b.verified < a.verified);
  return {
    ...a,
    hash: b.first < a.first ? (b.hash ?? a.hash) : (a.hash ?? b.hash),
    auth: b.first < a.first ? b.auth : a.auth,
    first: Math.min(a.first, b.first),
    verified: verifiedFirst ? b.verified : a.verified,
    verifiedHash: verifiedFirst ? b.verifiedHash : a.verifiedHash,
    verifiedReceived: verifiedFirst ? b.verifiedReceived : a.verifiedReceived,
  };
}

export class PgAggregates {
  private readonly seen = new BatchSeen();
  private readonly daily = new Map<string, number>();
  private readonly exposureDays = new Map<string, { n: number; last: number }>();
  private readonly exposureClasses = new Map<string, number>();
  private readonly exposureTools = new Map<string, number>();
  private readonly snapshots = { dev: [] as string[], machine: [] as string[], at: [] as number[], tools: [] as string[] };
  private readonly versions = new Map<string, PolicyVersionSeen & { first: number; last: number }>();
  private readonly acks = new Map<string, AckFold>();
  private readonly trainings = { dev: [] as string[], id: [] as string[], at: [] as number[], auth: [] as string[], title: [] as (string | null)[], received: [] as number[] };
  private readonly enrollments: { dev: string; token: string; at: number }[] = [];

  constructor(private readonly c: Client) {}

  apply(e: StoredEvent, auth: ChainAuth): void {
    const data = obj(e.data);
    if (isServerRecord(e.type)) {
      const token = e.type === ENROLLMENT ? enrolledTokenOf(data) : null;
      if (token) this.enrollments.push({ dev: e.developer, token, at: e.at });
      return;
    }
    const day = dayOf(e.at);
    const dev = e.developer;
    const verifiedAt = auth === 'shared' ? null : e.at;
    this.seen.note(e);
    switch (e.type) {
      case 'inventory': {
        const tools = inventoryTools(data);
        const key = K(day, dev);
        this.daily.set(key, Math.max(this.daily.get(key) ?? 0, presentTools(tools)));
        this.snapshots.dev.push(dev);
        this.snapshots.machine.push(e.machine ?? '');
        this.snapshots.at.push(e.at);
        this.snapshots.tools.push(JSON.stringify([...new Map(tools.map((t) => [t.id, t])).values()]));
        return;
      }
      case 'policy.loaded': {
        const seen = policyVersionOf(data);
        if (!seen) return;
        const v = { ...seen, first: e.at, last: e.at };
        const key = K(v.version, v.hash, v.signature);
        const p = this.versions.get(key);
        if (!p) this.versions.set(key, v);
        else {
          // As the upsert merges: later non-empty fields win, the first and last times widen.
          Object.assign(p, { org: v.org ?? p.org, published: v.published ?? p.published, effective: v.effective ?? p.effective, reviewedOn: v.reviewedOn ?? p.reviewedOn, nextReview: v.nextReview ?? p.nextReview });
          p.first = Math.min(p.first, v.first);
          p.last = Math.max(p.last, v.last);
        }
        return;
      }
      case 'policy.acknowledged': {
        const v = acknowledgedVersion(data, e);
        if (v === null) return;
        const key = K(dev, v);
        const hash = str(data.hash);
        const next: AckFold = { dev, version: v, hash, first: e.at, auth, verified: verifiedAt, verifiedHash: verifiedAt === null ? null : hash, verifiedReceived: verifiedAt === null ? null : e.received };
        const a = this.acks.get(key);
        this.acks.set(key, a ? mergeAck(a, next) : next);
        return;
      }
      case 'training.completed': {
        const id = trainingIdOf(data);
        if (id) {
          this.trainings.dev.push(dev);
          this.trainings.id.push(id);
          this.trainings.at.push(e.at);
          this.trainings.auth.push(auth);
          this.trainings.title.push(str(data.title));
          this.trainings.received.push(e.received);
        }
        return;
      }
      case 'exposure': {
        const k = K(day, dev);
        const x = this.exposureDays.get(k);
        if (x) Object.assign(x, { n: x.n + 1, last: Math.max(x.last, e.at) });
        else this.exposureDays.set(k, { n: 1, last: e.at });
        const { classes, tools } = exposureKeys(data);
        for (const c of classes) this.exposureClasses.set(K(day, dev, c), (this.exposureClasses.get(K(day, dev, c)) ?? 0) + 1);
        for (const t of tools) this.exposureTools.set(K(day, dev, t), (this.exposureTools.get(K(day, dev, t)) ?? 0) + 1);
        return;
      }
    }
  }

  /** Writes the batch's summaries, one statement per table. */
  async flush(): Promise<void> {
    const c = this.c;
    if (this.snapshots.dev.length) {
      const x = this.snapshots;
      await c.query(`SELECT aip_snapshots($1::text[], $2::text[], $3::bigint[], $4::jsonb[])`, [x.dev, x.machine, x.at, x.tools]);
    }
    if (this.versions.size) {
      const v = [...this.versions.values()];
      await c.query(
        `INSERT INTO policy_versions AS p (version, hash, signature, organization, published, effective, reviewed_on, next_review, first_at, last_at)
         SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[])
         ON CONFLICT (version, hash, signature) DO UPDATE SET
           organization = coalesce(excluded.organization, p.organization), published = coalesce(excluded.published, p.published),
           effective = coalesce(excluded.effective, p.effective), reviewed_on = coalesce(excluded.reviewed_on, p.reviewed_on),
           next_review = coalesce(excluded.next_review, p.next_review), first_at = least(p.first_at, excluded.first_at), last_at = greatest(p.last_at, excluded.last_at)`,
        [v.map((r) => r.version), v.map((r) => r.hash), v.map((r) => r.signature), v.map((r) => r.org), v.map((r) => r.published), v.map((r) => r.effective), v.map((r) => r.reviewedOn), v.map((r) => r.nextReview), v.map((r) => r.first), v.map((r) => r.last)],
      );
    }
    if (this.acks.size) {
      const a = [...this.acks.values()];
      const newer = `excluded.verified_at IS NOT NULL AND (a.verified_at IS NULL OR excluded.verified_at < a.verified_at)`;
      await c.query(
        `INSERT INTO acks AS a (developer, version, hash, first_at, first_auth, verified_at, verified_hash, verified_received)
         SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::bigint[], $5::text[], $6::bigint[], $7::text[], $8::bigint[])
         ON CONFLICT (developer, version) DO UPDATE SET
           hash = CASE WHEN excluded.first_at < a.first_at THEN coalesce(excluded.hash, a.hash) ELSE coalesce(a.hash, excluded.hash) END,
           first_auth = CASE WHEN excluded.first_at < a.first_at THEN excluded.first_auth ELSE a.first_auth END,
           first_at = least(a.first_at, excluded.first_at),
           verified_hash = CASE WHEN ${newer} THEN excluded.verified_hash ELSE a.verified_hash END,
           verified_received = CASE WHEN ${newer} THEN excluded.verified_received ELSE a.verified_received END,
           verified_at = CASE WHEN excluded.verified_at IS NULL THEN a.verified_at WHEN a.verified_at IS NULL THEN excluded.verified_at
                              ELSE least(a.verified_at, excluded.verified_at) END`,
        [a.map((r) => r.dev), a.map((r) => r.version), a.map((r) => r.hash), a.map((r) => r.first), a.map((r) => r.auth), a.map((r) => r.verified), a.map((r) => r.verifiedHash), a.map((r) => r.verifiedReceived)],
      );
    }
    if (this.trainings.dev.length) {
      const t = this.trainings;
      await c.query(`INSERT INTO training_completions (developer, training, at, auth, title, received) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[]) ON CONFLICT DO NOTHING`, [t.dev, t.id, t.at, t.auth, t.title, t.received]);
    }
    for (const x of this.enrollments) {
      await c.query(`UPDATE enrollments SET revoked_at = $1 WHERE developer = $2 AND revoked_at IS NULL`, [x.at, x.dev]);
      await c.query(`INSERT INTO enrollments (token_hash, developer, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [x.token, x.dev, x.at]);
    }
    const { seen } = this;
    if (seen.developers.size) {
      const d = [...seen.developers];
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
    if (seen.machines.size) await c.query(`INSERT INTO machines (machine) SELECT * FROM unnest($1::text[]) ON CONFLICT DO NOTHING`, [[...seen.machines]]);
    if (seen.activity.size) {
      const a = seen.activeDays();
      await c.query(`INSERT INTO activity (day, developer) SELECT * FROM unnest($1::integer[], $2::text[]) ON CONFLICT DO NOTHING`, [a.map((r) => r[0]), a.map((r) => r[1])]);
    }
    if (seen.policies.size) {
      const p = seen.versionsSeen();
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
