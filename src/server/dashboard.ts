// The evidence dashboard: charts and the three evidence tables (usage, policy distribution, training),
// rendered on the server from the report. Long tables are cut in the page; the CSV has every row.
import { barChart, esc, timeChart } from './charts';
import { pageShell } from './page';
import type { Report } from './report';

const MAX_ROWS = 2000;

function table(headers: string[], rows: (string | number | null | undefined)[][], numeric: number[] = []): string {
  if (!rows.length) return '<p class="empty">No records yet.</p>';
  const shown = rows.slice(0, MAX_ROWS);
  const head = `<tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  const body = shown
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c === null || c === undefined ? '' : String(c)}</td>`).join('')}</tr>`)
    .join('');
  const more = rows.length > shown.length ? `<p class="meta">${rows.length - shown.length} more rows in the CSV export.</p>` : '';
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>${more}`;
}

const status = (s: string): string => `<span class="status-${esc(s)}">${esc(s)}</span>`;
const pct = (r: number): string => `${Math.round(r * 100)}%`;
const day = (iso: string): string => esc(iso.replace('T', ' ').slice(0, 16));

export function dashboardPage(r: Report, nonce: string): string {
  const t = r.totals;
  const org = r.policy?.organization ? `${esc(r.policy.organization)} — ` : '';
  const version = r.policy?.version !== undefined ? ` · published policy v${esc(r.policy.version)}` : '';
  const body = `
<header><h1>${org}AI tool usage and policy evidence</h1>
<p class="meta">Generated ${esc(r.generatedAt)}${version}</p>
<nav class="noprint"><a href="/v1/report?format=csv">Download CSV</a><a href="/v1/report?format=json">JSON</a>
<form method="post" action="/logout"><button type="submit">Sign out</button></form></nav>
<ul class="totals"><li><b>${t.events}</b>events</li><li><b>${t.developers}</b>developers</li><li><b>${t.machines}</b>machines</li>
<li><b>${r.exposures.total}</b>exposures</li><li><b>${t.duplicates}</b>duplicates ignored</li></ul></header>

<section><h2>Usage tracking: which developers use which AI tools</h2>
${barChart('Tools by policy status (distinct tools)', r.census.byStatus.map((s) => ({ label: s.status, value: s.tools, text: `${s.tools} ${s.tools === 1 ? 'tool' : 'tools'}, ${s.developers} ${s.developers === 1 ? 'developer' : 'developers'}` })))}
${barChart('Developers per AI tool', r.census.tools.slice(0, 25).map((c) => ({ label: `${c.name ?? c.tool} (${c.status})`, value: c.developers })))}
${timeChart('Adoption: developers reporting (light) and with AI tools enabled (dark), per day', r.adoption.map((a) => ({ label: a.day, total: a.reporting, part: a.using })))}
<h3>Census: approved vs unlisted</h3>
${table(['Tool', 'Name', 'Status', 'Developers'], r.census.tools.map((c) => [esc(c.tool), esc(c.name), status(c.status), c.developers]), [3])}
<h3>Tools in use by developer</h3>
${table(
  ['Developer', 'Tool', 'Version', 'Status', 'Enabled', 'Active', 'Last seen'],
  r.toolsByDeveloper.map((u) => [esc(u.developer), esc(u.name ?? u.tool), esc(u.version), status(u.status), u.enabled === null ? '' : u.enabled ? 'yes' : 'no', u.active === null ? '' : u.active ? 'yes' : 'no', day(u.lastSeen)]),
)}</section>

<section><h2>Policy distribution: who acknowledged which version</h2>
${barChart('Acknowledgement coverage per policy version', r.acknowledgements.versions.map((v) => ({ label: `v${v.version}`, value: v.coverage, text: `${v.acknowledged} of ${v.developers} (${pct(v.coverage)})` })), 1)}
${table(['Developer', 'Policy version', 'Content hash', 'Acknowledged'], r.acknowledgements.records.map((a) => [esc(a.developer), a.version, esc(a.hash?.slice(0, 16)), day(a.time)]), [1])}
</section>

<section><h2>Training completion</h2>
${barChart('Completion per training', r.training.courses.map((c) => ({ label: c.title ?? c.id, value: c.coverage, text: `${c.completed} of ${c.developers} (${pct(c.coverage)})` })), 1)}
${table(['Developer', 'Training', 'Completed'], r.training.records.map((x) => [esc(x.developer), esc(x.title ?? x.training), day(x.time)]))}
</section>

<section><h2>Exposure warnings</h2>
${barChart('Exposures by data class', r.exposures.byClass.map((c) => ({ label: c.class, value: c.n })))}
${barChart('Exposures by active tool', r.exposures.byTool.map((c) => ({ label: c.tool, value: c.n })))}
${table(['Developer', 'Exposures', 'Last'], r.exposures.byDeveloper.map((d) => [esc(d.developer), d.n, day(d.last)]), [1])}
</section>`;
  return pageShell('AI tool policy evidence', nonce, body);
}
