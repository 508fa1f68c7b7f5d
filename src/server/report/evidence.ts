// The evidence pack for a range: one printable page and one CSV per subject, built only from events
// that editors sent (the published policy only says which trainings are required and when), with the
// head of the tamper-evident log so that an auditor can check later that nothing was changed.
import type { ExceptionEvidence } from '../exceptions/evidence';
import { expiredExceptionsTable } from '../exceptions/expiredTable';
import { ADOPTION_CSV_COLUMNS, adoptionRows } from './adoptionCsv';
import { adoptionSection } from './adoptionHtml';
import type { Report } from './build';
import { barChart, esc, pairChart, timeChart } from './charts';
import { csvTable } from './csv';
import { concatRows, pct, rangeText, rowsOf, stateLabel, status, table, verifiedLabel, when } from './html';
import { pageShell } from './page';
import { queryString, type ReportQuery } from './query';

type Rows = Record<string, unknown>[];

/** Each CSV of the pack: its columns and rows. */
export const EVIDENCE_CSVS: Record<string, { title: string; columns: string[]; rows: (r: Report, x: ExceptionEvidence) => Rows }> = {
  'policy-versions': {
    title: 'Policy version history',
    columns: ['version', 'sha256', 'signature', 'source', 'organization', 'published', 'effective', 'reviewed_on', 'next_review', 'first_seen', 'last_seen', 'developers'],
    rows: (r) =>
      r.policyVersions.map((v) => ({ version: v.version, sha256: v.hash, signature: v.signature, source: v.source, organization: v.organization, published: v.published, effective: v.effective, reviewed_on: v.reviewedOn, next_review: v.nextReview, first_seen: v.firstSeen, last_seen: v.lastSeen, developers: v.developers })),
  },
  acknowledgements: {
    title: 'Acknowledgements per developer per version',
    columns: ['developer', 'team', 'version', 'state', 'acknowledged_at', 'received_at', 'identity', 'content_sha256', 'due'],
    rows: (r) => [
      ...r.acknowledgements.records.map((a) => ({ developer: a.developer, team: a.team, version: a.version, state: 'acknowledged', acknowledged_at: a.time, received_at: a.receivedAt, identity: a.verified ? 'verified' : 'self-declared', content_sha256: a.hash })),
      ...r.acknowledgements.missing.map((m) => ({ developer: m.developer, team: m.team, version: Number(m.item.slice(1)), state: m.state, due: m.dueDate })),
    ],
  },
  census: {
    title: 'Census by tool and status',
    columns: ['tool', 'name', 'status', 'developers'],
    rows: (r) => r.census.tools.map((c) => ({ tool: c.tool, name: c.name, status: c.status, developers: c.developers })),
  },
  'tool-history': {
    title: 'Tool history per developer',
    columns: ['developer', 'team', 'tool', 'name', 'status', 'version', 'machines', 'first_seen', 'last_seen', 'now'],
    rows: (r) => r.usage.map((u) => ({ developer: u.developer, team: u.team, tool: u.tool, name: u.name, status: u.status, version: u.version, machines: u.machines, first_seen: u.firstSeen, last_seen: u.lastSeen, now: u.present ? 'present' : 'removed' })),
  },
  training: {
    title: 'Training completion',
    columns: ['developer', 'team', 'training', 'title', 'state', 'completed_at', 'received_at', 'identity', 'due'],
    rows: (r) => [
      ...r.training.records.map((x) => ({ developer: x.developer, team: x.team, training: x.training, title: x.title, state: 'complete', completed_at: x.time, received_at: x.receivedAt, identity: x.verified ? 'verified' : 'self-declared' })),
      ...r.training.missing.map((m) => ({ developer: m.developer, team: m.team, training: m.item, title: m.title, state: m.state, completed_at: m.completedAt ?? null, due: m.dueDate })),
    ],
  },
  exposures: {
    title: 'Exposure events per week',
    columns: ['week', 'events'],
    rows: (r) => r.exposures.byWeek.map((w) => ({ week: w.week, events: w.n })),
  },
  'unapproved-trend': {
    title: 'Developers with unlisted or prohibited tools per week',
    columns: ['week', 'unlisted', 'prohibited'],
    rows: (r) => r.trend.map((w) => ({ week: w.week, unlisted: w.unlisted, prohibited: w.prohibited })),
  },
  adoption: {
    title: 'AI adoption: use per tool, team, week, repository and developer',
    columns: [...ADOPTION_CSV_COLUMNS],
    rows: (r) => [...adoptionRows(r.adoption)],
  },
  'not-understood': {
    title: 'Records this server version stored without understanding them, and clock-ahead records',
    columns: ['type', 'field', 'what', 'events'],
    rows: (r) => r.notUnderstood.map((n) => ({ type: n.type, field: n.field, what: n.what, events: n.events })),
  },
  exceptions: {
    title: 'Exceptions decided, and whether they were used',
    columns: ['request_id', 'requested_by', 'requested_at', 'what', 'data_class', 'reason', 'decision', 'decided_by', 'decided_at', 'scope', 'whom', 'from', 'until', 'note', 'used', 'used_by', 'active_days', 'expired_still_in_use', 'last_seen', 'last_active'],
    rows: (_r, x) =>
      x.rows.map((e) => ({
        request_id: e.requestId,
        requested_by: e.requestedBy,
        requested_at: e.requestedAt,
        what: e.what,
        data_class: e.dataClass,
        reason: e.reason,
        decision: e.decision,
        decided_by: e.decidedBy,
        decided_at: e.decidedAt,
        scope: e.scope,
        whom: e.whom,
        from: e.from,
        until: e.until,
        note: e.note,
        used: e.decision === 'approved' ? (e.used ? 'yes' : 'no') : '',
        used_by: e.usedBy.join('; '),
        active_days: e.decision === 'approved' ? e.activeDays : '',
        expired_still_in_use: e.expiredInUse ? 'yes' : '',
        last_seen: e.lastSeen,
        last_active: e.lastActive,
      })),
  },
  log: {
    title: 'Log head',
    columns: ['generated_at', 'since', 'until', 'events', 'last_seq', 'head_sha256'],
    rows: (r) => [{ generated_at: r.generatedAt, since: r.range.since, until: r.range.until, events: r.log.events, last_seq: r.log.lastSeq, head_sha256: r.log.headHash }],
  },
};

export function evidenceCsv(name: string, r: Report, x: ExceptionEvidence): string | undefined {
  const spec = Object.prototype.hasOwnProperty.call(EVIDENCE_CSVS, name) ? EVIDENCE_CSVS[name] : undefined;
  return spec ? csvTable(spec.columns, spec.rows(r, x)) : undefined;
}

/** "yes (inventory, agent hook: 12 days)" or "no". */
function usedCell(e: ExceptionEvidence['rows'][number]): string {
  if (!e.used) return 'no';
  const days = e.activeDays ? `: ${e.activeDays} active day${e.activeDays === 1 ? '' : 's'}` : '';
  return `yes (${esc(e.usedBy.join(', '))}${days})`;
}

function exceptionsSection(x: ExceptionEvidence): string {
  const row = (e: ExceptionEvidence['rows'][number]) => [
    esc(e.requestId),
    esc(e.requestedBy),
    esc(e.what) + (e.dataClass ? ` (data class ${esc(e.dataClass)})` : ''),
    esc(e.reason),
    e.decision === 'approved' ? '<span class="status-approved">approved</span>' : '<span class="status-prohibited">declined</span>',
    esc(e.decidedBy),
    `${esc(e.scope)} ${esc(e.whom)}`,
    e.decision === 'approved' ? `${esc(e.from)} to ${esc(e.until)}` : '',
    esc(e.note),
    e.decision === 'approved' ? usedCell(e) : '',
  ];
  return `<section id="ev-exceptions"><h2>8. Exceptions</h2>
<p class="meta">Every exception decided in this period on the server's review queue (chained records). "Used", while the exception was in force, by the developers it covers: their inventories show the tool, or it was active (the agent hook's daily activity, the editor's active days, the agent's own telemetry; days counted). An MCP server's use is seen in inventories only.</p>
${table(['Request', 'Requested by', 'What', 'Reason', 'Decision', 'Decided by', 'Scope', 'In force', 'Conditions / note', 'Used'], x.rows.map(row), { id: 'ev-exceptions-table', empty: 'No exception was decided in this period.' })}
${expiredExceptionsTable(x.expiredInUse)}
</section>`;
}

/** The policy this server publishes (--policy): its own SHA-256, signature state and signing key, stated by the server. */
function publishedPolicy(r: Report): string {
  const p = r.policy;
  if (!p) return '<p id="published-policy">This server publishes no policy (no <code>--policy</code>): no version is current, and the versions below are what editors reported.</p>';
  const sig = p.signature;
  const state = !sig
    ? 'unknown'
    : sig.state === 'valid'
      ? `valid, signed by the key with SHA-256 fingerprint <code class="hash">${esc(sig.key)}</code>`
      : sig.state === 'not checked'
        ? 'a signature file is published but was not checked (start the server with <code>--policy-pubkey</code>)'
        : esc(sig.state);
  return `<p id="published-policy">Published by this server: version <b>${esc(p.version)}</b>${p.published ? `, published ${esc(p.published)}` : ''}${p.effective ? `, effective ${esc(p.effective)}` : ''}; the file's SHA-256 <code class="hash">${esc(p.sha256)}</code>; signature: ${state}.</p>`;
}

export function evidencePage(r: Report, q: ReportQuery, nonce: string, x: ExceptionEvidence): string {
  const qs = queryString(q);
  const org = r.policy?.organization ? `${esc(r.policy.organization)}: ` : '';
  const links = Object.entries(EVIDENCE_CSVS).map(([name, s]) => `<li><a href="/evidence/${name}.csv${esc(qs)}">${esc(s.title)}</a> (${name}.csv)</li>`).join('');
  const ack = r.acknowledgements;
  const body = `
<header><h1>${org}AI tool policy evidence pack</h1>
<p class="meta">Period: ${rangeText(r)}${r.filters.team ? ` · team ${esc(r.filters.team)}` : ''} · generated ${esc(r.generatedAt)} · ${r.totals.developers} developers in scope (${r.totals.noData} with no data)</p>
<nav class="noprint"><a href="/${esc(qs)}">Dashboard</a></nav>
<p id="log-head">Tamper-evident log: <b>${r.log.events}</b> events, head (row ${r.log.lastSeq}) <code class="hash">${esc(r.log.headHash)}</code>.
Check it later with <code>ai-policy verify-log --db FILE --expect-head ${esc(r.log.headHash)}</code>.</p>
<ul class="noprint">${links}</ul>
</header>
<section id="ev-versions"><h2>1. Policy version history</h2>
${publishedPolicy(r)}
<p class="meta">Below, as reported by the editors that loaded each version: these are their claims; a row is marked "published" only when its version and SHA-256 are those of the file this server publishes.</p>
${table(['Version', 'sha256', 'Signature (claimed)', 'Source', 'Published', 'Reviewed', 'Next review', 'First loaded', 'Developers'], r.policyVersions.map((v) => [v.version, `<code class="hash">${esc(v.hash)}</code>`, esc(v.signature), esc(v.source), esc(v.published), esc(v.reviewedOn), esc(v.nextReview), when(v.firstSeen), v.developers]), { numeric: [0, 8], empty: 'No editor reported loading a policy in this period.' })}
</section>
<section id="ev-acks"><h2>2. Acknowledgements per developer and version</h2>
${barChart('Coverage per version', ack.versions.map((v) => ({ label: `v${v.version}`, value: v.coverage, text: `${v.acknowledged} of ${v.developers} (${pct(v.coverage)}), ${v.verified} verified` })), 1)}
${table(['Developer', 'Team', 'Version', 'State', 'When (claimed) / due', 'Received by the server', 'Identity'], concatRows(
  rowsOf(ack.records, (a) => [esc(a.developer), esc(a.team), a.version, stateLabel('acknowledged'), when(a.time), a.receivedAt ? when(a.receivedAt) : '', verifiedLabel(a.verified)]),
  rowsOf(ack.missing, (m) => [esc(m.developer), esc(m.team), esc(m.item.slice(1)), stateLabel(m.state), esc(m.dueDate), '', '']),
), { max: 5000, id: 'ev-ack-table' })}
</section>
<section id="ev-census"><h2>3. Census: approved, unlisted and prohibited tools</h2>
${table(['Status', 'Tools', 'Developers'], r.census.byStatus.map((s) => [status(s.status), s.tools, s.developers]), { numeric: [1, 2] })}
${pairChart('Developers with unapproved tools, per week', ['unlisted', 'prohibited'], r.trend.map((w) => ({ label: w.week, a: w.unlisted, b: w.prohibited })))}
${table(['Developer', 'Tool', 'Status', 'First seen', 'Last seen', 'Now'], rowsOf(r.usage, (u) => [esc(u.developer), esc(u.name ?? u.tool), status(u.status), when(u.firstSeen), when(u.lastSeen), u.present ? 'present' : 'removed']), { max: 5000 })}
</section>
<section id="ev-training"><h2>4. Training completion</h2>
${table(['Training', 'Required', 'Completed', 'Overdue', 'Due', 'No data', 'Coverage'], r.training.courses.map((c) => [esc(c.title ?? c.id), c.required ? 'yes' : 'no', c.completed, c.overdue, c.due, c.noData, pct(c.coverage)]), { numeric: [2, 3, 4, 5] })}
${table(['Developer', 'Team', 'Training', 'State', 'Completed (claimed) / due', 'Received by the server', 'Identity'], concatRows(
  rowsOf(r.training.records, (x) => [esc(x.developer), esc(x.team), esc(x.title ?? x.training), stateLabel('complete'), when(x.time), x.receivedAt ? when(x.receivedAt) : '', verifiedLabel(x.verified)]),
  rowsOf(r.training.missing, (m) => [esc(m.developer), esc(m.team), esc(m.title ?? m.item), stateLabel(m.state), esc(m.dueDate), '', '']),
), { max: 5000, id: 'ev-training-table' })}
</section>
<section id="ev-exposures"><h2>5. Exposure trend</h2>
${timeChart('Exposure events per week', r.exposures.byWeek.map((w) => ({ label: w.week, total: w.n, part: w.n })))}
${table(['Week', 'Events'], r.exposures.byWeek.map((w) => [esc(w.week), w.n]), { numeric: [1], empty: 'No exposure in this period.' })}
</section>
${adoptionSection(r.adoption, q, { heading: '6. AI adoption: use of AI tools, approved and not', links: false })}
<section id="ev-not-understood"><h2>7. Version skew: records not understood by this server version</h2>
<p class="meta">Kept in the tamper-evident log as sent and marked <code>"understood": false</code> in the record's server note: event types and fields from newer editors that this server version does not know, so they are not in the figures above. Clock ahead: the claimed time was more than 24 hours ahead of the server's clock; the record is dated by the server's receive time. Counted since the log began.</p>
${table(['Event type', 'Field', 'What', 'Events'], r.notUnderstood.map((n) => [esc(n.type), n.field ? `<code>${esc(n.field)}</code>` : '', esc(n.what), n.events]), { numeric: [3], empty: 'Every stored record was understood by this server version.', id: 'ev-not-understood-table' })}
</section>
${exceptionsSection(x)}`;
  return pageShell('AI tool policy evidence pack', nonce, body);
}
