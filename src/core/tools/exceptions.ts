// The policy's time-boxed exceptions: which one, if any, clears a tool, an MCP server or a data class for
// this developer, team and repository at a given time, and which end soon. The clock is always passed in.
// An exception is in force from the start of its `from` day to the end of its `until` day (UTC), and only
// for its scope: the developer it names, the members of its team, or anyone in its repositories.
import { DAY_MS, dayStart } from '../policy/dates';
import type { Policy, PolicyException } from '../policy/types';
import { evaluateConditions, remoteMatches, type ConditionContext } from './conditions';

/** Who and where is asking, at what time. Unknown parts never satisfy a scope. */
export interface ExceptionContext extends ConditionContext {
  now: Date;
}

/** What is asked about: a tool (its policy id and identifiers), an MCP server as configured, and optionally a data class. */
export type ExceptionSubject =
  | { tool: { id?: string; identifiers: string[] }; dataClass?: string }
  | { mcpServer: { name: string; command?: string; args?: string[]; url?: string }; dataClass?: string };

export type ExceptionState = 'pending' | 'in-force' | 'expiring' | 'expired';

/** Start of the `from` day and end of the `until` day, in ms (NaN when a date is malformed). */
export function exceptionWindow(e: Pick<PolicyException, 'from' | 'until'>): { start: number; end: number } {
  return { start: dayStart(e.from), end: dayStart(e.until) + DAY_MS };
}

/** True when `at` lies in the exception's days; a malformed date never is. */
export function inForceAt(e: Pick<PolicyException, 'from' | 'until'>, at: Date): boolean {
  const { start, end } = exceptionWindow(e);
  const t = at.getTime();
  return t >= start && t < end;
}

/** Where the exception stands at `now`; `expiring` means in force and ending within `warnDays`. */
export function exceptionState(e: Pick<PolicyException, 'from' | 'until'>, now: Date, warnDays = 30): ExceptionState {
  const { start, end } = exceptionWindow(e);
  const t = now.getTime();
  // A malformed date (the validator refuses it) is never in force.
  if (Number.isNaN(start) || !(t < end)) return 'expired';
  if (t < start) return 'pending';
  return end - t <= warnDays * DAY_MS ? 'expiring' : 'in-force';
}

/** True when the exception's scope (and its repositories and conditions) covers this developer, team and place. */
export function inScope(e: PolicyException, ctx: ExceptionContext): boolean {
  const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
  if (e.scope === 'person' && !same(e.who.developer, ctx.developer)) return false;
  if (e.scope === 'team' && !ctx.teams?.some((t) => same(t, e.who.team))) return false;
  if (e.scope === 'repository' && !e.repositories?.length) return false;
  if (e.repositories?.length) {
    const remotes = ctx.repositories ?? [];
    if (!remotes.length || !remotes.every((r) => remoteMatches(r, e.repositories ?? []))) return false;
  }
  return evaluateConditions(e.conditions, ctx).met;
}

const trimUrl = (u: string) => u.trim().replace(/\/+$/, '').toLowerCase();

function names(e: PolicyException, subject: ExceptionSubject): boolean {
  const w = e.what;
  if (w.dataClass !== subject.dataClass) return false;
  if ('tool' in subject) {
    if (!w.tool) return false;
    const wanted = w.tool.toLowerCase();
    return subject.tool.id?.toLowerCase() === wanted || subject.tool.identifiers.some((i) => i.toLowerCase() === wanted);
  }
  const s = subject.mcpServer;
  if (!w.mcpServer || w.mcpServer.toLowerCase() !== s.name.toLowerCase()) return false;
  // A pinned command or URL must match, so that a server merely named like the approved one is not cleared.
  const commandLine = [s.command ?? '', ...(s.args ?? [])].join(' ').trim();
  if (w.command && w.command !== s.command && w.command !== commandLine) return false;
  if (w.url && (!s.url || trimUrl(w.url) !== trimUrl(s.url))) return false;
  return true;
}

/** The exception in force that clears the subject for this context at `ctx.now`, the one ending last first. */
export function findException(policy: Pick<Policy, 'exceptions'> | undefined, subject: ExceptionSubject, ctx: ExceptionContext): PolicyException | undefined {
  const matching = (policy?.exceptions?.granted ?? []).filter((e) => names(e, subject) && inForceAt(e, ctx.now) && inScope(e, ctx));
  return matching.sort((a, b) => b.until.localeCompare(a.until))[0];
}

/** Data classes that exceptions in force add to a tool's or MCP server's clearance here, with the exceptions. */
export function clearedByException(
  policy: Pick<Policy, 'exceptions'> | undefined,
  subject: ExceptionSubject,
  ctx: ExceptionContext,
): { classes: string[]; exceptions: PolicyException[] } {
  const exceptions: PolicyException[] = [];
  const classes = new Set<string>();
  for (const e of policy?.exceptions?.granted ?? []) {
    const cls = e.what.dataClass;
    if (!cls || classes.has(cls)) continue;
    if (names(e, { ...subject, dataClass: cls }) && inForceAt(e, ctx.now) && inScope(e, ctx)) {
      classes.add(cls);
      exceptions.push(e);
    }
  }
  return { classes: [...classes], exceptions };
}

/** Exceptions in force at `now` that end within `days` days, soonest first (whatever their scope). */
export function expiringWithin(policy: Pick<Policy, 'exceptions'> | undefined, days: number, now: Date): PolicyException[] {
  return (policy?.exceptions?.granted ?? [])
    .filter((e) => inForceAt(e, now) && exceptionWindow(e).end - now.getTime() <= days * DAY_MS)
    .sort((a, b) => a.until.localeCompare(b.until));
}

/** An exception as the editor's inventory carries it: enough to say what it grants, to whom and until when. */
export interface ExceptionNote {
  id: string;
  scope: PolicyException['scope'];
  until: string;
  team?: string;
  dataClass?: string;
}

export function exceptionNotes(list: readonly PolicyException[] | undefined): ExceptionNote[] | undefined {
  if (!list?.length) return undefined;
  return list.map((e) => ({ id: e.id, scope: e.scope, until: e.until, ...(e.who.team ? { team: e.who.team } : {}), ...(e.what.dataClass ? { dataClass: e.what.dataClass } : {}) }));
}

/** "approved for you by exception exc-1 until 2026-12-31", the words the status shows. */
export function exceptionReason(e: PolicyException): string {
  const whom = e.scope === 'person' ? 'for you' : e.scope === 'team' ? `for team ${e.who.team ?? ''}` : 'in this repository';
  const what = e.what.dataClass ? `${e.what.dataClass} data cleared` : 'approved';
  return `${what} ${whom} by exception "${e.id}" until ${e.until} (approved by ${e.approvedBy})`;
}
