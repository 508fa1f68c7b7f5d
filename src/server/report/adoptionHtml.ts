// The dashboard's and the evidence pack's adoption section: use (not presence) per tool, vendor, team
// and harness, shadow AI share, AI-assisted commits and pull requests, and the 12-week trend. Each figure
// links to the developers behind it (the admin's pages only).
import type { Adoption } from './adoption';
import { trendChart } from './adoptionChart';
import { barChart, esc } from './charts';
import { developerLink, pct, rowsOf, status, table } from './html';
import { queryString, type ReportQuery } from './query';

// One formatter each (a toLocaleString call builds a new one every time: thousands per dashboard).
const whole = new Intl.NumberFormat('en-US');
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const n = (v: number): string => (Number.isInteger(v) ? whole.format(v) : twoDecimals.format(v));

export function adoptionSection(a: Adoption, q: ReportQuery, opts: { heading?: string; links?: boolean } = {}): string {
  const links = opts.links !== false;
  const drill = (extra: Record<string, string>): string => `${esc(queryString({ since: q.since, until: q.until, team: q.team, tool: q.tool, status: q.status }, extra))}#adoption-developers`;
  const toolCell = (tool: string, name: string): string => (links ? `<a href="/${drill({ tool })}">${esc(name)}</a>` : esc(name));
  const teamCell = (team: string): string => (links && team !== '(no team)' ? `<a href="/${drill({ team })}">${esc(team)}</a>` : esc(team));
  const shadowNames = a.shadowTools.map((t) => `${esc(t.name)} (${t.developers})`).join(', ');
  return `<section id="adoption"><h2>${esc(opts.heading ?? 'AI adoption: who used which AI tools')}</h2>
<p class="meta">From the agents' own telemetry (OpenTelemetry), the agent hooks' daily activity, the editor's active days and the
pull requests' disclosure checks. Installed but unused tools do not count.</p>
<ul class="totals" id="adoption-totals"><li><b>${a.activeDevelopers}</b>active developers</li><li><b>${a.approvedDevelopers}</b>on approved tools</li>
<li><b>${a.unapprovedDevelopers}</b>on unapproved tools</li><li><b>${pct(a.shadowShare)}</b>of use unapproved</li>
<li><b>${pct(a.disclosure.aiCommitShare)}</b>of commits AI-assisted</li><li><b>${pct(a.disclosure.aiPullRequestShare)}</b>of pull requests AI-assisted</li></ul>
${trendChart('Weekly active developers, last 12 weeks', a.weeks)}
<p id="shadow-ai">Shadow AI: ${pct(a.shadowShare)} of developer-days of use were on tools the policy does not approve${shadowNames ? `: ${shadowNames}` : ''}.</p>
${barChart('Active developers per tool', a.tools.map((t) => ({ label: t.name, value: t.developers, text: `${t.developers} (${t.status})` })))}
${barChart('Active developers per vendor', a.vendors.map((v) => ({ label: v.vendor, value: v.developers })))}
<h3>Tools in use</h3>
${table(
  ['Tool', 'Vendor', 'Status', 'Developers', 'Days', 'Sessions', 'Prompts', 'Tool calls', 'Lines +/−', 'Tokens', 'Cost (USD)', 'Active hours'],
  a.tools.map((t) => [toolCell(t.tool, t.name), esc(t.vendor), status(t.status), t.developers, t.days, n(t.sessions), n(t.prompts), n(t.toolCalls), `${n(t.linesAdded)} / ${n(t.linesRemoved)}`, n(t.tokens), n(t.costUsd), n(t.activeHours)]),
  { numeric: [3, 4, 5, 6, 7, 9, 10, 11], id: 'adoption-tools', empty: 'No AI tool use reported in this range.' },
)}
<h3>Agents: sessions and tool calls per harness</h3>
${table(['Agent', 'Developers', 'Sessions', 'Prompts', 'Tool calls', 'Denied'], a.harnesses.map((h) => [toolCell(h.tool, h.name), h.developers, n(h.sessions), n(h.prompts), n(h.toolCalls), n(h.denials)]), { numeric: [1, 2, 3, 4, 5], id: 'adoption-harnesses', empty: 'No agent activity reported.' })}
<h3>Per team</h3>
${table(
  ['Team', 'Developers', 'Active', 'Adoption', 'On unapproved tools', 'Pull requests (AI-assisted)', 'Commits AI-assisted'],
  a.teams.map((t) => [teamCell(t.team), t.developers || '', t.active, t.developers ? pct(t.rate) : '', t.unapproved, `${t.pullRequests} (${t.aiPullRequests})`, t.commits ? `${t.aiCommits} of ${t.commits} (${pct(t.aiCommitShare)})` : '']),
  { numeric: [1, 2, 4], id: 'adoption-teams', empty: 'No teams (no roster) and no use.' },
)}
<h3>AI-assisted commits and pull requests per repository</h3>
${table(
  ['Repository (hash)', 'Pull requests', 'AI-assisted', 'Commits', 'AI-assisted commits', 'Share'],
  a.disclosure.byRepository.map((r) => [`<code class="hash">${esc(r.repository.slice(0, 23))}</code>`, r.pullRequests, r.aiPullRequests, r.commits, r.aiCommits, pct(r.aiCommitShare)]),
  { numeric: [1, 2, 3, 4], id: 'adoption-repositories', empty: 'No pull request was checked in this range.' },
)}
<h3 id="adoption-developers">Developers behind the figures</h3>
${table(
  ['Developer', 'Team', 'Tool', 'Status', 'Days', 'Sessions', 'Prompts', 'Tool calls', 'Tokens', 'Cost (USD)'],
  rowsOf(a.developers, (d) => [links ? developerLink(d.developer, q) : esc(d.developer), esc(d.team), esc(d.name), status(d.status), d.days, n(d.sessions), n(d.prompts), n(d.toolCalls), n(d.tokens), n(d.costUsd)]),
  { numeric: [4, 5, 6, 7, 8, 9], id: 'adoption-developer-table', empty: 'Nobody in this filter used an AI tool.' },
)}
</section>`;
}
