// The admin's review queue page: per tool or MCP server, who asks and why, and a form per open request to
// approve (person, team or repository; expiry; conditions) or decline with a note. Plain POST forms with the
// session's CSRF token; no scripts (the page's CSP allows none).
import { esc } from '../report/charts';
import { status, table, verifiedLabel, when } from '../report/html';
import { pageShell } from '../report/page';
import type { QueueGroup, QueueItem } from './queue';

export interface RequestsPageOptions {
  nonce: string;
  csrf: string;
  /** Longest approval the published policy allows. */
  maxDays: number;
  now: number;
  organization?: string;
  /** A line about the last action (`?done=…`). */
  notice?: string;
}

const DAY = 86_400_000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function decisionText(i: QueueItem): string {
  const d = i.decision;
  if (!d) return '';
  const whom = d.scope === 'team' ? (d.who.team ?? '') : d.scope === 'repository' ? (d.repositories ?? []).join(', ') : (d.who.developer ?? '');
  if (d.status === 'declined') return `<span class="status-prohibited">declined</span> by ${esc(d.approvedBy)}${d.note ? `: ${esc(d.note)}` : ''}`;
  const note = d.conditions?.note ? `; conditions: ${esc(d.conditions.note)}` : '';
  return `<span class="status-approved">approved</span> for ${esc(d.scope)} ${esc(whom)}, ${esc(d.from)} to ${esc(d.until)}, by ${esc(d.approvedBy)}${note}`;
}

function decideForm(i: QueueItem, g: QueueGroup, o: RequestsPageOptions): string {
  // Read with a bearer token there is no session, so no form token: decisions are made signed in.
  if (!o.csrf) return '<span class="meta">open: sign in to the dashboard to decide</span>';
  const days = Math.min(Math.max(1, i.days || 1), o.maxDays);
  const until = day(o.now + (days - 1) * DAY);
  const latest = day(o.now + (o.maxDays - 1) * DAY);
  const scope = (v: string, label: string): string => `<option value="${v}"${i.scope === v ? ' selected' : ''}>${label}</option>`;
  const team = i.team ?? i.rosterTeam ?? '';
  const repo = i.repository ? `*/${i.repository}` : '';
  const id = esc(i.requestId);
  return `<form method="post" action="/requests/decide" class="decide" id="decide-${id}">
<input type="hidden" name="csrf" value="${esc(o.csrf)}"><input type="hidden" name="requestId" value="${id}">
<label>Scope<select name="scope">${scope('person', `person (${esc(i.developer)})`)}${scope('team', 'team')}${scope('repository', 'repository')}</select></label>
<label>Team<input name="team" value="${esc(team)}" maxlength="200"></label>
<label>Repositories<input name="repositories" value="${esc(repo)}" placeholder="*/acme/payments" maxlength="200"></label>
<label>Until<input type="date" name="until" value="${until}" min="${day(o.now)}" max="${latest}" required></label>
<label>Conditions or note<input name="note" maxlength="200"></label>
<label>Decided by<input name="approvedBy" value="${esc(g.owner ?? '')}" maxlength="200" required></label>
<button type="submit" name="decision" value="approved">Approve</button><button type="submit" name="decision" value="declined">Decline</button>
</form>`;
}

function groupSection(g: QueueGroup, o: RequestsPageOptions): string {
  const cls = g.dataClass ? ` · data class <b>${esc(g.dataClass)}</b>` : '';
  const rows = g.requests.map((i) => [
    esc(i.developer),
    esc(i.rosterTeam ?? i.team ?? ''),
    esc(i.scope) + (i.scope === 'repository' && i.repository ? ` ${esc(i.repository)}` : i.scope === 'team' && i.team ? ` ${esc(i.team)}` : ''),
    i.days,
    esc(i.reason),
    when(new Date(i.at).toISOString()),
    verifiedLabel(i.verified),
    i.decision ? decisionText(i) : decideForm(i, g, o),
  ]);
  return `<section class="queue-group" id="group-${esc(g.key.replace(/[^a-z0-9-]+/gi, '-'))}"><h2>${esc(g.label)}${cls}</h2>
<p class="meta">Policy: ${status(g.status)} · owner ${g.owner ? esc(g.owner) : '<i>none named</i>'} · ${g.requests.length} ${g.requests.length === 1 ? 'request' : 'requests'} from ${g.requesters} ${g.requesters === 1 ? 'developer' : 'developers'}${g.teams.length ? ` (teams: ${esc(g.teams.join(', '))})` : ''} · ${g.open} open</p>
${table(['Developer', 'Team', 'Asks for', 'Days', 'Reason', 'Requested', 'Identity', 'Decision'], rows, { numeric: [3] })}</section>`;
}

export function requestsPage(groups: readonly QueueGroup[], o: RequestsPageOptions): string {
  const open = groups.reduce((n, g) => n + g.open, 0);
  const org = o.organization ? `${esc(o.organization)} — ` : '';
  const body = `<header><h1>${org}Exception requests</h1>
<p class="meta">${open} open · approvals last at most ${o.maxDays} days (the published policy's exceptions.maxDays) · approved decisions reach the policy through <code>ai-policy exceptions pull</code></p>
<nav class="noprint"><a href="/">Dashboard</a><a href="/evidence">Evidence pack</a><form method="post" action="/logout"><button type="submit">Sign out</button></form></nav>
${o.notice ? `<p class="notice" role="status">${esc(o.notice)}</p>` : ''}</header>
${groups.length ? groups.map((g) => groupSection(g, o)).join('\n') : '<p class="empty">No exception requests yet.</p>'}`;
  return pageShell('AI Tool Policy — exception requests', o.nonce, body);
}
