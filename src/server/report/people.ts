// Who the report is about, and who has not done what: the population (developers with events in the
// range, plus the roster), acknowledgement per policy version, training state under the policy's
// dueWithinDays / renewalDays. Pure functions over the store's rows.
import type { AckRow, ReportRows, TrainingRow } from '../store/types';
import type { PolicyInfo } from './policyInfo';
import type { RosterEntry } from './roster';
import { DAY_MS, iso, isoOrNull } from './time';

export interface Person {
  developer: string;
  team: string | null;
  /** `active`: sent events in the range; `no data`: on the roster, nothing in the range. */
  state: 'active' | 'no data';
  firstSeen: string | null;
  lastSeen: string | null;
  enrolled: boolean;
}

export function population(rows: ReportRows, roster: readonly RosterEntry[], ranged: boolean, only?: string): Person[] {
  const team = new Map(roster.map((r) => [r.developer, r.team]));
  const known = new Map(rows.developers.map((d) => [d.developer, d]));
  const active = new Set(ranged ? rows.active : rows.developers.map((d) => d.developer));
  // Developers seen only through the agents' telemetry (no event of their own) used AI in the range too.
  for (const u of rows.usage.byDeveloper) active.add(u.developer);
  const enrolled = new Set(rows.enrolled);
  const ids = new Set([...active, ...roster.map((r) => r.developer)]);
  if (only !== undefined) {
    ids.clear();
    ids.add(only);
  }
  return [...ids].sort().map((developer) => {
    const d = known.get(developer);
    return {
      developer,
      team: team.get(developer) ?? null,
      state: active.has(developer) ? 'active' : 'no data',
      firstSeen: isoOrNull(d?.firstAt),
      lastSeen: isoOrNull(d?.lastAt),
      enrolled: enrolled.has(developer),
    };
  });
}

export interface AckVersion {
  version: number;
  current: boolean;
  developers: number;
  acknowledged: number;
  verified: number;
  coverage: number;
}

export interface AckRecord {
  developer: string;
  team: string | null;
  version: number;
  hash: string | null;
  /** The time the editor claims; for a verified record, the verified record's own. */
  time: string;
  verified: boolean;
  verifiedAt: string | null;
  /** When the server received the verified record (beside the claimed time), else null. */
  receivedAt: string | null;
  /** A self-declared acknowledgement dated before the verified one, if any. */
  selfDeclaredAt: string | null;
}

export interface Missing {
  developer: string;
  team: string | null;
  /** Policy version or training id. */
  item: string;
  state: 'not acknowledged' | 'overdue' | 'due' | 'no data';
  dueDate: string | null;
  /** The training's title (trainings only). */
  title?: string;
  /** For a training whose renewal is overdue: the last completion. */
  completedAt?: string | null;
}

export const ratio = (a: number, b: number): number => (b ? Math.round((a / b) * 1000) / 1000 : 0);
const day = (ms: number): string => iso(ms).slice(0, 10);

const dateMs = (d: string | null | undefined): number | undefined => {
  const ms = d ? Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

/** When a version started to apply: the published policy's effective or publication date, else what the editors that loaded it reported. */
function versionStart(rows: ReportRows, policy: PolicyInfo | undefined): (version: number) => number | undefined {
  return (version) => {
    if (policy?.version === version) {
      const own = dateMs(policy.effective) ?? dateMs(policy.published);
      if (own !== undefined) return own;
    }
    const dates = rows.policyVersions.filter((v) => v.version === version).map((v) => dateMs(v.effective) ?? dateMs(v.published)).filter((d): d is number => d !== undefined);
    return dates.length ? Math.max(...dates) : undefined;
  };
}

export function acknowledgements(rows: ReportRows, people: readonly Person[], policy: PolicyInfo | undefined, asOf: number) {
  const inScope = new Map(people.map((p) => [p.developer, p]));
  const acked = new Map<number, Map<string, AckRow>>();
  for (const a of rows.acks) if (inScope.has(a.developer)) (acked.get(a.version) ?? acked.set(a.version, new Map()).get(a.version)!).set(a.developer, a);
  const seen = new Map<number, Map<string, number>>();
  for (const s of rows.policySeen) (seen.get(s.version) ?? seen.set(s.version, new Map()).get(s.version)!).set(s.developer, s.firstAt);
  const all = new Set<number>([...rows.policyVersions.map((v) => v.version), ...seen.keys(), ...acked.keys()]);
  if (policy?.version !== undefined) all.add(policy.version);
  // Only the server's own published policy is "current": a version that editors claim to have loaded is a claim.
  const current = policy?.version;
  const startOf = versionStart(rows, policy);
  const known = new Map(rows.developers.map((d) => [d.developer, d.firstAt]));
  const within = policy?.acknowledgement?.required ? policy.acknowledgement.withinDays : undefined;

  const versions: AckVersion[] = [];
  const missing: Missing[] = [];
  for (const version of [...all].sort((a, b) => b - a)) {
    const by = acked.get(version) ?? new Map<string, AckRow>();
    const saw = seen.get(version) ?? new Map<string, number>();
    const expected = people.filter((p) => version === current || saw.has(p.developer) || by.has(p.developer));
    const done = expected.filter((p) => by.has(p.developer));
    versions.push({
      version,
      current: version === current,
      developers: expected.length,
      acknowledged: done.length,
      verified: done.filter((p) => by.get(p.developer)?.verifiedAt !== null).length,
      coverage: ratio(done.length, expected.length),
    });
    for (const p of expected) {
      if (by.has(p.developer)) continue;
      // From when they first ran that version; otherwise from the version's publication (or effective) date, or
      // from when they were first seen if that is later (someone who joined after it was published).
      const firstSeen = known.get(p.developer);
      const start = startOf(version);
      const from = saw.get(p.developer) ?? (firstSeen !== undefined && start !== undefined ? Math.max(firstSeen, start) : firstSeen);
      const due = within !== undefined && from !== undefined ? from + within * DAY_MS : undefined;
      const state = p.state === 'no data' && from === undefined ? 'no data' : due !== undefined && asOf > due ? 'overdue' : 'not acknowledged';
      missing.push({ developer: p.developer, team: p.team, item: `v${version}`, state, dueDate: due === undefined ? null : day(due) });
    }
  }
  const records: AckRecord[] = rows.acks
    .filter((a) => inScope.has(a.developer))
    .map((a) => ({
      developer: a.developer,
      team: inScope.get(a.developer)?.team ?? null,
      version: a.version,
      // A verified record keeps its own time and hash; an earlier self-declared one is shown beside it, not merged into it.
      hash: a.verifiedAt !== null ? (a.verifiedHash ?? a.hash) : a.hash,
      time: iso(a.verifiedAt ?? a.firstAt),
      verified: a.verifiedAt !== null,
      verifiedAt: isoOrNull(a.verifiedAt),
      receivedAt: isoOrNull(a.verifiedReceived),
      selfDeclaredAt: a.verifiedAt !== null && a.firstAt < a.verifiedAt ? iso(a.firstAt) : null,
    }));
  return { current: current ?? null, versions, records, missing };
}

export interface Course {
  id: string;
  title: string | null;
  required: boolean;
  dueWithinDays: number | null;
  renewalDays: number | null;
  developers: number;
  completed: number;
  verified: number;
  due: number;
  overdue: number;
  noData: number;
  coverage: number;
}

export interface TrainingRecord {
  developer: string;
  team: string | null;
  training: string;
  title: string | null;
  time: string;
  firstTime: string;
  verified: boolean;
  /** When the server received the latest completion (beside the claimed time). */
  receivedAt: string | null;
}

export function trainings(rows: ReportRows, people: readonly Person[], policy: PolicyInfo | undefined, asOf: number) {
  const inScope = new Map(people.map((p) => [p.developer, p]));
  const done = new Map<string, TrainingRow>();
  for (const t of rows.trainings) if (inScope.has(t.developer)) done.set(`${t.training}\u0000${t.developer}`, t);
  const known = new Map(rows.developers.map((d) => [d.developer, d.firstAt]));
  const courses: Course[] = [];
  const missing: Missing[] = [];
  const required = policy?.training ?? [];
  for (const t of required) {
    const c: Course = { id: t.id, title: t.title, required: true, dueWithinDays: t.dueWithinDays ?? null, renewalDays: t.renewalDays ?? null, developers: people.length, completed: 0, verified: 0, due: 0, overdue: 0, noData: 0, coverage: 0 };
    for (const p of people) {
      const r = done.get(`${t.id}\u0000${p.developer}`);
      if (r) {
        const renew = t.renewalDays !== undefined ? r.lastAt + t.renewalDays * DAY_MS : undefined;
        if (renew !== undefined && asOf > renew) {
          c.overdue++;
          missing.push({ developer: p.developer, team: p.team, item: t.id, title: t.title, state: 'overdue', dueDate: day(renew), completedAt: iso(r.lastAt) });
        } else {
          c.completed++;
          if (r.lastAuth !== 'shared') c.verified++;
        }
        continue;
      }
      const from = known.get(p.developer);
      if (from === undefined) {
        c.noData++;
        missing.push({ developer: p.developer, team: p.team, item: t.id, title: t.title, state: 'no data', dueDate: null });
        continue;
      }
      const due = t.dueWithinDays !== undefined ? from + t.dueWithinDays * DAY_MS : undefined;
      const late = due !== undefined && asOf > due;
      if (late) c.overdue++;
      else c.due++;
      missing.push({ developer: p.developer, team: p.team, item: t.id, title: t.title, state: late ? 'overdue' : 'due', dueDate: due === undefined ? null : day(due) });
    }
    c.coverage = ratio(c.completed, c.developers);
    courses.push(c);
  }
  // Trainings recorded by editors that the published policy does not (or no longer) require.
  const extra = new Map<string, Course>();
  for (const r of done.values()) {
    if (required.some((t) => t.id === r.training)) continue;
    const c = extra.get(r.training) ?? { id: r.training, title: r.title, required: false, dueWithinDays: null, renewalDays: null, developers: people.length, completed: 0, verified: 0, due: 0, overdue: 0, noData: 0, coverage: 0 };
    c.completed++;
    if (r.lastAuth !== 'shared') c.verified++;
    c.coverage = ratio(c.completed, c.developers);
    extra.set(r.training, c);
  }
  const records: TrainingRecord[] = [...done.values()].map((r) => ({
    developer: r.developer,
    team: inScope.get(r.developer)?.team ?? null,
    training: r.training,
    title: r.title,
    time: iso(r.lastAt),
    firstTime: iso(r.firstAt),
    verified: r.lastAuth !== 'shared',
    receivedAt: isoOrNull(r.lastReceived),
  }));
  return { courses: [...courses, ...extra.values()], records, missing };
}
