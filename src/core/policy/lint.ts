// Checks that the schema cannot express: owners, data class references, globs, regexes, dates, ids.
// Runs on the parsed value even when the schema found errors (so an author fixes everything in one
// round): every field is read defensively, and a part of the wrong shape is skipped, not trusted.
import { addDays, dayStart, isPast } from './dates';
import { lintExceptions } from './exceptionLint';
import { ownerProblem } from './owners';
import { globError, globWarning, matchesEmpty, regexError } from './patterns';
import { isLoopbackHost } from '../loopback';
import type { Policy, PolicyProblem } from './types';

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const strings = (x: unknown): string[] => list(x).filter((s): s is string => typeof s === 'string');

export function lintPolicy(policy: Policy | Obj, now: Date = new Date()): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const err = (path: string, message: string, code = 'lint'): void => void out.push({ severity: 'error', path, message, code });
  const warn = (path: string, message: string, code = 'lint'): void => void out.push({ severity: 'warning', path, message, code });
  const p = obj(policy);
  const dh = obj(p.dataHandling);
  const tools = list(p.tools).map(obj);
  const servers = list(obj(p.mcp).servers).map(obj);
  const rules = list(dh.rules).map(obj);
  const classes = new Set(list(dh.classes).map((c) => str(obj(c).id)).filter((c): c is string => !!c));

  const version = p.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) err('/version', 'version must be a positive integer');
  duplicates(list(dh.classes).map((c) => obj(c).id), '/dataHandling/classes', 'data class', err);
  duplicates(tools.map((t) => t.id), '/tools', 'tool', err);
  duplicates(rules.map((r) => r.id), '/dataHandling/rules', 'data rule', err);
  duplicates(list(p.training).map((t) => obj(t).id), '/training', 'training', err);
  duplicates(servers.map((s) => s.name), '/mcp/servers', 'MCP server', err, 'name');

  const owner = ownerProblem(p.owner, 'the policy');
  if (owner) warn(owner.path ? `/owner/${owner.path}` : '/owner', owner.message, 'owner-contact');

  const seenIdentifiers = new Map<string, string>();
  tools.forEach((tool, i) => {
    const base = `/tools/${i}`;
    const what = `tool "${String(tool.id)}"`;
    owned(tool.owner, `${base}/owner`, what);
    strings(tool.dataClasses).forEach((c, j) => {
      if (classes.size && !classes.has(c)) err(`${base}/dataClasses/${j}`, `${what} refers to unknown data class "${c}"`, 'unknown-class');
    });
    if (tool.status === 'prohibited' && list(tool.dataClasses).length) warn(`${base}/dataClasses`, `prohibited ${what} lists data classes; they have no effect`);
    list(tool.identifiers).forEach((id, j) => {
      if (typeof id !== 'string') return;
      const k = id.toLowerCase();
      const other = seenIdentifiers.get(k);
      if (other && other !== tool.id) err(`${base}/identifiers/${j}`, `identifier "${id}" is also claimed by tool "${other}"`, 'duplicate');
      seenIdentifiers.set(k, String(tool.id));
    });
    conditions(tool.conditions, `${base}/conditions`, what);
  });

  servers.forEach((s, i) => {
    const base = `/mcp/servers/${i}`;
    const what = `MCP server "${String(s.name)}"`;
    owned(s.owner, `${base}/owner`, what);
    strings(s.dataClasses).forEach((c, j) => {
      if (classes.size && !classes.has(c)) err(`${base}/dataClasses/${j}`, `${what} refers to unknown data class "${c}"`, 'unknown-class');
    });
    conditions(s.conditions, `${base}/conditions`, what);
  });

  rules.forEach((r, i) => {
    const base = `/dataHandling/rules/${i}`;
    const cls = str(r.class);
    if (cls && classes.size && !classes.has(cls)) err(`${base}/class`, `data rule "${String(r.id)}" refers to unknown data class "${cls}"`, 'unknown-class');
    globs(r.paths, `${base}/paths`, true);
    const pattern = str(r.pattern);
    if (pattern !== undefined) regex(pattern, `${base}/pattern`, `data rule "${String(r.id)}"`);
    if (list(r.keywords).length && pattern === undefined) warn(`${base}/keywords`, `data rule "${String(r.id)}" has keywords but no pattern; they have no effect`);
  });
  const allowlist = obj(dh.allowlist);
  globs(allowlist.paths, '/dataHandling/allowlist/paths', true);
  list(allowlist.patterns).forEach((x, i) => typeof x === 'string' && regex(x, `/dataHandling/allowlist/patterns/${i}`, 'allowlist pattern'));

  // The audit client refuses plain http off loopback; say so here rather than lose every event later.
  for (const key of ['endpoint', 'otlpEndpoint'] as const) {
    const url = str(obj(p.audit)[key]);
    if (url && !/^https:\/\//i.test(url) && !loopbackHttp(url)) err(`/audit/${key}`, `audit.${key} must use https (plain http only to loopback): ${url}`, 'insecure-endpoint');
  }

  // Review cadence and validity (dates the schema refused read as NaN and are skipped here).
  const [published, effective, expires, reviewedOn, nextReview] = [p.published, p.effective, p.expires, p.reviewedOn, p.nextReview].map((d) => str(d) ?? '');
  const reviewed = dayStart(reviewedOn);
  const next = dayStart(nextReview);
  if (next < reviewed) err('/nextReview', `nextReview (${nextReview}) is before reviewedOn (${reviewedOn})`);
  else if (next > addDays(reviewed, 366)) err('/nextReview', `nextReview (${nextReview}) is more than a year after reviewedOn (${reviewedOn}); the policy must be reviewed at least annually`, 'review-cadence');
  if (isPast(nextReview, now)) warn('/nextReview', `review overdue: nextReview was ${nextReview}`, 'review-overdue');
  if (isPast(expires, now)) err('/expires', `policy expired on ${expires}`, 'expired');
  if (expires && dayStart(expires) < dayStart(effective)) err('/expires', `expires (${expires}) is before effective (${effective})`);
  if (dayStart(effective) < dayStart(published)) warn('/effective', `effective (${effective}) is before published (${published})`);
  const ack = obj(p.acknowledgement);
  if (ack.required === false && typeof ack.withinDays === 'number' && ack.withinDays > 0) warn('/acknowledgement/withinDays', 'withinDays has no effect when acknowledgement is not required');
  out.push(...lintExceptions(p, now));
  return out;

  function owned(value: unknown, path: string, what: string): void {
    if (typeof value !== 'string') return;
    if (!value.trim()) return err(path, `${what} has no accountable owner`, 'no-owner');
    const problem = ownerProblem(value, what);
    if (problem) warn(path, problem.message, 'owner-contact');
  }

  function conditions(value: unknown, base: string, what: string): void {
    const c = obj(value);
    globs(c.workspaces, `${base}/workspaces`, false);
    globs(c.repositories, `${base}/repositories`, false);
    const expiry = str(c.expires);
    if (isPast(expiry, now)) warn(`${base}/expires`, `approval of ${what} expired on ${expiry}`, 'tool-expired');
  }

  function globs(value: unknown, base: string, relative: boolean): void {
    list(value).forEach((g, i) => {
      if (typeof g !== 'string') return;
      const e = globError(g);
      if (e) return err(`${base}/${i}`, `invalid glob "${g}": ${e}`, 'glob');
      const w = relative ? globWarning(g) : undefined;
      if (w) warn(`${base}/${i}`, `glob "${g}": ${w}`, 'glob');
    });
  }

  function regex(pattern: string, path: string, what: string): void {
    const e = regexError(pattern);
    if (e) return err(path, `${what}: ${e}`, 'regex');
    if (matchesEmpty(pattern)) err(path, `${what}: pattern matches the empty string and would flag everything`, 'regex');
  }
}

function loopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

function duplicates(ids: unknown[], base: string, what: string, err: (path: string, message: string, code?: string) => void, field = 'id'): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string') return;
    if (seen.has(id)) err(`${base}/${i}/${field}`, `duplicate ${what} ${field} "${id}"`, 'duplicate');
    seen.add(id);
  });
}
