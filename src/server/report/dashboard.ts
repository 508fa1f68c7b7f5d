// The evidence dashboard: filters, charts and the evidence tables (usage with history, who has not
// acknowledged or trained, exposures), rendered on the server from the report. No scripts.
import type { Report } from './build';
import { adoptionSection } from './adoptionHtml';
import { barChart, esc, pairChart, timeChart } from './charts';
import { developerLink, filterForm, pct, rangeText, rowsOf, stateLabel, status, table, verifiedLabel, when } from './html';
import { pageShell } from './page';
import { queryString, type ReportQuery } from './query';
import { expiredExceptionsTable } from '../exceptions/expiredTable';
import type { ExceptionEvidenceRow } from '../exceptions/evidence';

export function dashboardPage(r: Report, q: ReportQuery, nonce: string, expiredInUse: readonly ExceptionEvidenceRow[] = []): string {
  const t = r.totals;
  const org = r.policy?.organization ? `${esc(r.policy.organization)} — ` : '';
  const version = r.policy?.version !== undefined ? ` · published policy v${esc(r.policy.version)}` : '';
  const qs = queryString(q);
  const ack = r.acknowledgements;
  const current = ack.versions.find((v) => v.current);
  const body = `
<header><h1>${org}AI tool usage and policy evidence</h1>
<p class="meta">${rangeText(r)} · generated ${esc(r.generatedAt)}${version}</p>
<nav class="noprint"><a href="/v1/report${esc(queryString(q, { format: 'csv' }))}">Download CSV</a><a href="/v1/report${esc(queryString(q, { format: 'json' }))}">JSON</a>
<a href="/evidence${esc(queryString({ since: q.since, until: q.until, team: q.team }))}">Evidence pack</a><a href="/requests">Exception requests</a>
<form method="post" action="/logout"><button type="submit">Sign out</button></form></nav>
${filterForm(r, q, '/')}
<ul class="totals" id="totals"><li><b>${t.developers}</b>developers</li><li><b>${t.active}</b>sent events</li><li><b>${t.noData}</b>no data</li>
<li><b>${r.adoption.activeDevelopers}</b>used AI tools</li><li><b>${t.machines}</b>machines</li><li><b>${r.exposures.total}</b>exposures</li><li><b>${t.events}</b>events stored</li></ul></header>

${adoptionSection(r.adoption, q)}

<section id="usage"><h2>Usage tracking: which developers had which AI tools installed</h2>
${barChart('Tools by policy status (distinct tools)', r.census.byStatus.map((s) => ({ label: s.status, value: s.tools, text: `${s.tools} ${s.tools === 1 ? 'tool' : 'tools'}, ${s.developers} ${s.developers === 1 ? 'developer' : 'developers'}` })))}
${pairChart('Developers with unapproved tools, per week', ['unlisted', 'prohibited'], r.trend.map((w) => ({ label: w.week, a: w.unlisted, b: w.prohibited })))}
<h3>Census: approved vs unlisted vs prohibited</h3>
${table(['Tool', 'Name', 'Status', 'Developers'], r.census.tools.map((c) => [esc(c.tool), esc(c.name), status(c.status), c.developers]), { numeric: [3], id: 'census' })}
<h3>Tools by developer (with history in the range)</h3>
${table(
  ['Developer', 'Team', 'Tool', 'Version', 'Status', 'Machines', 'First seen', 'Last seen', 'Now'],
  rowsOf(r.usage, (u) => [developerLink(u.developer, q), esc(u.team), esc(u.name ?? u.tool), esc(u.version), status(u.status), u.machines, when(u.firstSeen), when(u.lastSeen), u.present ? 'present' : '<span class="removed">removed</span>']),
  { numeric: [5], id: 'usage-table', empty: 'No tool in this range and filter.' },
)}
${expiredExceptionsTable(expiredInUse)}</section>

<section id="distribution"><h2>Policy distribution: who acknowledged which version</h2>
${barChart('Acknowledgement coverage per policy version', ack.versions.map((v) => ({ label: `v${v.version}${v.current ? ' (current)' : ''}`, value: v.coverage, text: `${v.acknowledged} of ${v.developers} (${pct(v.coverage)}), ${v.verified} verified` })), 1)}
<h3>Not acknowledged${current ? ` (current: v${current.version})` : ''}</h3>
${table(['Developer', 'Team', 'Version', 'State', 'Due'], rowsOf(ack.missing, (m) => [developerLink(m.developer, q), esc(m.team), esc(m.item), stateLabel(m.state), esc(m.dueDate)]), { id: 'not-acknowledged', empty: 'Everyone in scope acknowledged.' })}
<h3>Acknowledgements</h3>
${table(['Developer', 'Team', 'Policy version', 'Content hash', 'Acknowledged', 'Identity'], rowsOf(ack.records, (a) => [developerLink(a.developer, q), esc(a.team), a.version, esc(a.hash?.slice(0, 16)), when(a.time), verifiedLabel(a.verified)]), { numeric: [2] })}
</section>

<section id="training"><h2>Training completion</h2>
${barChart('Completion per training', r.training.courses.map((c) => ({ label: c.title ?? c.id, value: c.coverage, text: `${c.completed} of ${c.developers} (${pct(c.coverage)}), ${c.overdue} overdue` })), 1)}
<h3>Missing or overdue</h3>
${table(['Developer', 'Team', 'Training', 'State', 'Due'], rowsOf(r.training.missing, (m) => [developerLink(m.developer, q), esc(m.team), esc(m.title ?? m.item), stateLabel(m.state), esc(m.dueDate)]), { id: 'training-missing', empty: 'Nobody in scope is missing a training.' })}
<h3>Completions</h3>
${table(['Developer', 'Team', 'Training', 'Completed', 'Identity'], rowsOf(r.training.records, (x) => [developerLink(x.developer, q), esc(x.team), esc(x.title ?? x.training), when(x.time), verifiedLabel(x.verified)]))}
</section>

<section id="exposures"><h2>Exposure warnings</h2>
${timeChart('Exposure events per week', r.exposures.byWeek.map((w) => ({ label: w.week, total: w.n, part: w.n })))}
${barChart('Exposure events by data class', r.exposures.byClass.map((c) => ({ label: c.class, value: c.n })))}
${barChart('Exposure events by active tool', r.exposures.byTool.map((c) => ({ label: c.tool, value: c.n })))}
${table(['Developer', 'Team', 'Exposures', 'Last'], rowsOf(r.exposures.byDeveloper, (d) => [developerLink(d.developer, q), esc(d.team), d.n, when(d.last)]), { numeric: [2] })}
</section>

<section id="developers"><h2>Developers in scope</h2>
${table(['Developer', 'Team', 'State', 'First seen', 'Last seen', 'Enrolled'], rowsOf(r.developers, (p) => [developerLink(p.developer, q), esc(p.team), stateLabel(p.state), when(p.firstSeen), when(p.lastSeen), p.enrolled ? 'yes' : 'no']), { id: 'developers-table' })}
</section>
<p class="meta">Log head: <code class="hash">${esc(r.log.headHash)}</code> (${r.log.events} events)${qs ? '' : ''}</p>`;
  return pageShell('AI tool policy evidence', nonce, body);
}
