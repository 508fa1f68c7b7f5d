// Incremental aggregates behind the report: each newly stored event updates a few small tables in the
// same transaction, so the report reads summaries instead of scanning every event. Events stored by
// older versions are replayed through this too (migrate.ts), so it reads data defensively.
import type { ChainAuth } from '../types';
import { acknowledgedVersion, BatchSeen, dayOf, enrolledTokenOf, ENROLLMENT, exposureKeys, inventoryTools, isServerRecord, obj, policyVersionOf, presentTools, str, trainingIdOf, type StoredEvent } from '../eventFold';
import type { Db } from './db';
import { createIntervals } from './intervals';

export interface Aggregates {
  apply(e: StoredEvent, auth: ChainAuth): void;
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
    // One rule for both stores (../ackRule.ts): the earliest record's time, hash and authentication; beside
    // it the earliest verified record with its own hash and the server's receive time.
    ack: db.prepare(
      `INSERT INTO acks (developer, version, hash, first_at, first_auth, verified_at, verified_hash, verified_received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(developer, version) DO UPDATE SET
         hash = CASE WHEN excluded.first_at < first_at THEN coalesce(excluded.hash, hash) ELSE coalesce(hash, excluded.hash) END,
         first_auth = CASE WHEN excluded.first_at < first_at THEN excluded.first_auth ELSE first_auth END,
         first_at = min(first_at, excluded.first_at),
         verified_hash = CASE WHEN excluded.verified_at IS NOT NULL AND (verified_at IS NULL OR excluded.verified_at < verified_at) THEN excluded.verified_hash ELSE verified_hash END,
         verified_received = CASE WHEN excluded.verified_at IS NOT NULL AND (verified_at IS NULL OR excluded.verified_at < verified_at) THEN excluded.verified_received ELSE verified_received END,
         verified_at = CASE WHEN excluded.verified_at IS NULL THEN verified_at WHEN verified_at IS NULL THEN excluded.verified_at
                            ELSE min(verified_at, excluded.verified_at) END`,
    ),
    training: db.prepare(`INSERT OR IGNORE INTO training_completions (developer, training, at, auth, title, received) VALUES (?, ?, ?, ?, ?, ?)`),
    revoke: db.prepare(`UPDATE enrollments SET revoked_at = ? WHERE developer = ? AND revoked_at IS NULL`),
    enroll: db.prepare(`INSERT OR IGNORE INTO enrollments (token_hash, developer, created_at) VALUES (?, ?, ?)`),
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

  const seen = new BatchSeen();

  const flush = (): void => {
    for (const [dev, d] of seen.developers) q.developer.run(dev, d.first, d.last, d.pv, d.editor, d.ext);
    for (const m of seen.machines) q.machine.run(m);
    for (const [day, dev] of seen.activeDays()) q.activity.run(day, dev);
    for (const [pv, dev, first] of seen.versionsSeen()) q.policySeen.run(pv, dev, first);
    seen.clear();
  };

  const apply = (e: StoredEvent, auth: ChainAuth): void => {
    const data = obj(e.data);
    if (isServerRecord(e.type)) {
      const token = e.type === ENROLLMENT ? enrolledTokenOf(data) : null;
      if (token) {
        q.revoke.run(e.at, e.developer);
        q.enroll.run(token, e.developer, e.at);
      }
      return;
    }
    const day = dayOf(e.at);
    const dev = e.developer;
    const verifiedAt = auth === 'shared' ? null : e.at;
    seen.note(e);
    switch (e.type) {
      case 'inventory': {
        const tools = inventoryTools(data);
        q.daily.run(day, dev, presentTools(tools));
        intervals(dev, e.machine ?? '', e.at, tools);
        return;
      }
      case 'policy.loaded': {
        const v = policyVersionOf(data);
        if (v) q.version.run(v.version, v.hash, v.signature, v.org, v.published, v.effective, v.reviewedOn, v.nextReview, e.at, e.at);
        return;
      }
      case 'policy.acknowledged': {
        const v = acknowledgedVersion(data, e);
        if (v !== null) q.ack.run(dev, v, str(data.hash), e.at, auth, verifiedAt, verifiedAt === null ? null : str(data.hash), verifiedAt === null ? null : e.received);
        return;
      }
      case 'training.completed': {
        const id = trainingIdOf(data);
        if (id) q.training.run(dev, id, e.at, auth, str(data.title), e.received);
        return;
      }
      case 'exposure': {
        q.exposure.run(day, dev, e.at);
        const { classes, tools } = exposureKeys(data);
        for (const c of classes) q.exposureClass.run(day, dev, c);
        for (const t of tools) q.exposureTool.run(day, dev, t);
        return;
      }
    }
  };
  return { apply, flush };
}
