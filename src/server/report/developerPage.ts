// One developer's page: tool history per machine, acknowledgements per version, trainings and what is
// due, exposures, and whether the developer is enrolled.
import type { Report } from './build';
import { esc } from './charts';
import { filterForm, rangeText, stateLabel, status, table, verifiedLabel, when } from './html';
import { pageShell } from './page';
import { queryString, type ReportQuery } from './query';

export function developerPage(r: Report, developer: string, q: ReportQuery, nonce: string): string {
  const p = r.developers[0];
  const back = `/${queryString({ since: q.since, until: q.until })}`;
  const history = r.history ?? [];
  const body = `
<header><h1>${esc(developer)}</h1>
<p class="meta">${rangeText(r)} · ${p?.team ? `team ${esc(p.team)} · ` : ''}${p ? stateLabel(p.state) : ''} · first seen ${when(p?.firstSeen) || 'never'} · last seen ${when(p?.lastSeen) || 'never'} · ${p?.enrolled ? 'enrolled (events verified)' : 'not enrolled (events self-declared)'}</p>
<nav class="noprint"><a href="${esc(back)}">Dashboard</a><a href="/v1/report${esc(queryString(q, { developer, format: 'json' }))}">JSON</a></nav>
${filterForm(r, q, '/developer', false).replace('<button', `<input type="hidden" name="id" value="${esc(developer)}"><button`)}
</header>
<section id="tools"><h2>AI tools (per machine)</h2>
${table(
  ['Machine', 'Tool', 'Version', 'Status', 'First seen', 'Last seen', 'Now'],
  history.map((h) => [esc(h.machine.slice(0, 12)), esc(h.name ?? h.tool), esc(h.version), status(h.status), when(h.firstSeen), when(h.lastSeen), h.present ? 'present' : `<span class="removed">removed${h.goneAt ? ` (gone by ${when(h.goneAt)})` : ''}</span>`]),
  { id: 'history', empty: 'No AI tool reported in this range.' },
)}</section>
<section id="acks"><h2>Policy acknowledgements</h2>
${table(['Policy version', 'Acknowledged (claimed)', 'Received by the server', 'Identity', 'Content hash'], r.acknowledgements.records.map((a) => [a.version, when(a.time), a.receivedAt ? when(a.receivedAt) : '', verifiedLabel(a.verified), esc(a.hash?.slice(0, 16))]), { numeric: [0], empty: 'No acknowledgement.' })}
${table(['Not acknowledged', 'State', 'Due'], r.acknowledgements.missing.map((m) => [esc(m.item), stateLabel(m.state), esc(m.dueDate)]), { empty: 'Nothing left to acknowledge.' })}
</section>
<section id="trainings"><h2>Training</h2>
${table(['Training', 'Completed (claimed)', 'Received by the server', 'Identity'], r.training.records.map((x) => [esc(x.title ?? x.training), when(x.time), x.receivedAt ? when(x.receivedAt) : '', verifiedLabel(x.verified)]), { empty: 'No training recorded.' })}
${table(['Training', 'State', 'Due'], r.training.missing.map((m) => [esc(m.title ?? m.item), stateLabel(m.state), esc(m.dueDate)]), { empty: 'No training missing or overdue.' })}
</section>
<section id="developer-exposures"><h2>Exposure warnings</h2>
<p>${r.exposures.total} exposure events in this range.</p>
${table(['Data class', 'Events'], r.exposures.byClass.map((c) => [esc(c.class), c.n]), { numeric: [1], empty: 'None.' })}
</section>`;
  return pageShell(`${developer} — AI tool policy evidence`, nonce, body);
}
