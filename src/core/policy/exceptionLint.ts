// Checks of the `exceptions:` section that the schema cannot express: what each exception names exists,
// its scope has what it needs, `until` is not before `from`, and it lasts no longer than the policy allows.
// Reads the value defensively, like lint.ts: a part of the wrong shape is skipped (the schema reports it).
import { buildCatalog } from '../tools/catalog';
import { DAY_MS, dayStart, isPast } from './dates';
import { globError } from './patterns';
import type { PolicyProblem } from './types';

/** How long an exception may last when the policy does not say (`exceptions.maxDays`). */
export const DEFAULT_EXCEPTION_MAX_DAYS = 90;

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** Days from `from` to `until`, both inclusive (NaN when either is not a date). */
export function exceptionDays(from: string, until: string): number {
  return (dayStart(until) - dayStart(from)) / DAY_MS + 1;
}

export function lintExceptions(policy: Obj, now: Date): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const err = (path: string, message: string, code = 'lint'): void => void out.push({ severity: 'error', path, message, code });
  const section = obj(policy.exceptions);
  const granted = list(section.granted).map(obj);
  if (!granted.length) return out;
  const maxDays = typeof section.maxDays === 'number' ? section.maxDays : DEFAULT_EXCEPTION_MAX_DAYS;
  const classes = new Set(list(obj(policy.dataHandling).classes).map((c) => str(obj(c).id)).filter((c): c is string => !!c));
  const tools = list(policy.tools).map(obj);
  const catalog = buildCatalog({ catalog: list(policy.catalog).map(obj) as { id: string; name: string }[] });
  const knownTool = (t: string): boolean =>
    tools.some((x) => x.id === t || list(x.identifiers).some((i) => typeof i === 'string' && i.toLowerCase() === t.toLowerCase())) || !!catalog.get(t);

  const seen = new Set<string>();
  granted.forEach((e, i) => {
    const base = `/exceptions/granted/${i}`;
    const id = str(e.id);
    const what = `exception "${String(e.id)}"`;
    if (id && seen.has(id)) err(`${base}/id`, `duplicate exception id "${id}"`, 'duplicate');
    if (id) seen.add(id);

    const w = obj(e.what);
    const tool = str(w.tool);
    const server = str(w.mcpServer);
    if (tool && server) err(`${base}/what`, `${what} names both a tool and an MCP server; grant one thing per exception`);
    else if (!tool && !server && e.what !== undefined) err(`${base}/what`, `${what} names neither a tool nor an MCP server`);
    if (tool && !knownTool(tool)) {
      err(`${base}/what/tool`, `${what} refers to unknown tool "${tool}"; name a tool id of this policy, one of its identifiers, or an extension id in the catalog`, 'unknown-tool');
    }
    if (tool && (w.command !== undefined || w.url !== undefined)) err(`${base}/what`, `${what}: command and url pin an MCP server; they have no meaning for a tool`);
    const cls = str(w.dataClass);
    if (cls && classes.size && !classes.has(cls)) err(`${base}/what/dataClass`, `${what} refers to unknown data class "${cls}"`, 'unknown-class');

    const who = obj(e.who);
    if (e.scope === 'person' && !str(who.developer)) err(`${base}/who`, `${what} has scope "person" but names no developer in who.developer`, 'exception-scope');
    if (e.scope === 'team' && !str(who.team)) err(`${base}/who`, `${what} has scope "team" but names no team in who.team`, 'exception-scope');
    if (e.scope === 'repository' && !list(e.repositories).length) err(`${base}/scope`, `${what} has scope "repository" but lists no repositories`, 'exception-scope');
    list(e.repositories).forEach((g, j) => {
      const problem = typeof g === 'string' ? globError(g) : undefined;
      if (problem) err(`${base}/repositories/${j}`, `invalid glob "${String(g)}": ${problem}`, 'glob');
    });
    if (str(obj(e.conditions).expires)) err(`${base}/conditions/expires`, `${what}: use "until" for the end of an exception, not conditions.expires`);

    const from = str(e.from) ?? '';
    const until = str(e.until) ?? '';
    const days = exceptionDays(from, until);
    if (days < 1) err(`${base}/until`, `${what} ends (until ${until}) before it starts (from ${from})`, 'exception-dates');
    else if (days > maxDays) {
      err(`${base}/until`, `${what} lasts ${days} days (${from} to ${until}), more than the ${maxDays} days exceptions.maxDays allows`, 'exception-too-long');
    }
    if (isPast(until, now)) out.push({ severity: 'warning', path: `${base}/until`, message: `${what} expired on ${until}; remove it at the next version`, code: 'exception-expired' });
  });
  return out;
}
