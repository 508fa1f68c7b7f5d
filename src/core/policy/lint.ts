// Checks that the schema cannot express: owners, data class references, globs, regexes, dates, ids.
import { addDays, dayStart, isPast } from './dates';
import { globError, globWarning, matchesEmpty, regexError } from './patterns';
import { isLoopbackHost } from '../loopback';
import type { Policy, PolicyProblem, ToolConditions } from './types';

export function lintPolicy(policy: Policy, now: Date = new Date()): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const err = (path: string, message: string, code = 'lint'): void => void out.push({ severity: 'error', path, message, code });
  const warn = (path: string, message: string, code = 'lint'): void => void out.push({ severity: 'warning', path, message, code });
  const classes = new Set(policy.dataHandling.classes.map((c) => c.id));

  if (!Number.isInteger(policy.version) || policy.version < 1) err('/version', 'version must be a positive integer');
  duplicates(policy.dataHandling.classes.map((c) => c.id), '/dataHandling/classes', 'data class', err);
  duplicates(policy.tools.map((t) => t.id), '/tools', 'tool', err);
  duplicates(policy.dataHandling.rules?.map((r) => r.id) ?? [], '/dataHandling/rules', 'data rule', err);
  duplicates(policy.training?.map((t) => t.id) ?? [], '/training', 'training', err);
  duplicates(policy.mcp?.servers.map((s) => s.name) ?? [], '/mcp/servers', 'MCP server', err, 'name');

  const seenIdentifiers = new Map<string, string>();
  policy.tools.forEach((tool, i) => {
    const base = `/tools/${i}`;
    if (!tool.owner?.trim()) err(`${base}/owner`, `tool "${tool.id}" has no accountable owner`, 'no-owner');
    tool.dataClasses.forEach((c, j) => {
      if (!classes.has(c)) err(`${base}/dataClasses/${j}`, `tool "${tool.id}" refers to unknown data class "${c}"`, 'unknown-class');
    });
    if (tool.status === 'prohibited' && tool.dataClasses.length) warn(`${base}/dataClasses`, `prohibited tool "${tool.id}" lists data classes; they have no effect`);
    tool.identifiers.forEach((id, j) => {
      const k = id.toLowerCase();
      const other = seenIdentifiers.get(k);
      if (other && other !== tool.id) err(`${base}/identifiers/${j}`, `identifier "${id}" is also claimed by tool "${other}"`, 'duplicate');
      seenIdentifiers.set(k, tool.id);
    });
    conditions(tool.conditions, `${base}/conditions`, `tool "${tool.id}"`);
  });

  policy.mcp?.servers.forEach((s, i) => {
    const base = `/mcp/servers/${i}`;
    if (!s.owner?.trim()) err(`${base}/owner`, `MCP server "${s.name}" has no accountable owner`, 'no-owner');
    s.dataClasses?.forEach((c, j) => {
      if (!classes.has(c)) err(`${base}/dataClasses/${j}`, `MCP server "${s.name}" refers to unknown data class "${c}"`, 'unknown-class');
    });
    conditions(s.conditions, `${base}/conditions`, `MCP server "${s.name}"`);
  });

  const dh = policy.dataHandling;
  dh.rules?.forEach((r, i) => {
    const base = `/dataHandling/rules/${i}`;
    if (!classes.has(r.class)) err(`${base}/class`, `data rule "${r.id}" refers to unknown data class "${r.class}"`, 'unknown-class');
    globs(r.paths, `${base}/paths`, true);
    if (r.pattern !== undefined) regex(r.pattern, `${base}/pattern`, `data rule "${r.id}"`);
    if (r.keywords?.length && r.pattern === undefined) warn(`${base}/keywords`, `data rule "${r.id}" has keywords but no pattern; they have no effect`);
  });
  globs(dh.allowlist?.paths, '/dataHandling/allowlist/paths', true);
  dh.allowlist?.patterns?.forEach((p, i) => regex(p, `/dataHandling/allowlist/patterns/${i}`, 'allowlist pattern'));

  // The audit client refuses plain http off loopback; say so here rather than lose every event later.
  for (const key of ['endpoint', 'otlpEndpoint'] as const) {
    const url = policy.audit?.[key];
    if (url && !/^https:\/\//i.test(url) && !loopbackHttp(url)) err(`/audit/${key}`, `audit.${key} must use https (plain http only to loopback): ${url}`, 'insecure-endpoint');
  }

  // Review cadence and validity.
  const reviewed = dayStart(policy.reviewedOn);
  const next = dayStart(policy.nextReview);
  if (next < reviewed) err('/nextReview', `nextReview (${policy.nextReview}) is before reviewedOn (${policy.reviewedOn})`);
  else if (next > addDays(reviewed, 366)) err('/nextReview', `nextReview (${policy.nextReview}) is more than a year after reviewedOn (${policy.reviewedOn}); the policy must be reviewed at least annually`, 'review-cadence');
  if (isPast(policy.nextReview, now)) warn('/nextReview', `review overdue: nextReview was ${policy.nextReview}`, 'review-overdue');
  if (isPast(policy.expires, now)) err('/expires', `policy expired on ${policy.expires}`, 'expired');
  if (policy.expires && dayStart(policy.expires) < dayStart(policy.effective)) err('/expires', `expires (${policy.expires}) is before effective (${policy.effective})`);
  if (dayStart(policy.effective) < dayStart(policy.published)) warn('/effective', `effective (${policy.effective}) is before published (${policy.published})`);
  if (policy.acknowledgement?.required === false && policy.acknowledgement.withinDays > 0) warn('/acknowledgement/withinDays', 'withinDays has no effect when acknowledgement is not required');
  return out;

  function conditions(c: ToolConditions | undefined, base: string, what: string): void {
    if (!c) return;
    globs(c.workspaces, `${base}/workspaces`, false);
    globs(c.repositories, `${base}/repositories`, false);
    if (isPast(c.expires, now)) warn(`${base}/expires`, `approval of ${what} expired on ${c.expires}`, 'tool-expired');
  }

  function globs(list: string[] | undefined, base: string, relative: boolean): void {
    list?.forEach((g, i) => {
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

function duplicates(
  ids: string[],
  base: string,
  what: string,
  err: (path: string, message: string, code?: string) => void,
  field = 'id',
): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) err(`${base}/${i}/${field}`, `duplicate ${what} ${field} "${id}"`, 'duplicate');
    seen.add(id);
  });
}
