// Shared pieces of the server's pages: tables (cut at a row limit; the CSV has every row), status and
// state labels, dates, and the filter form.
import { esc } from './charts';
import type { Report } from './build';
import { queryString, STATUSES, isoDayOrTime, type ReportQuery } from './query';

export type Cell = string | number | null | undefined;

/** Table rows rendered on demand: a page shows the first rows of thousands, so only those are built. */
export interface LazyRows {
  length: number;
  first(n: number): Cell[][];
}

/** `items` as table rows, each built by `row` only when shown. */
export function rowsOf<T>(items: readonly T[], row: (item: T) => Cell[]): LazyRows {
  return { length: items.length, first: (n) => items.slice(0, n).map(row) };
}

/** One list of rows after another. */
export function concatRows(...parts: LazyRows[]): LazyRows {
  return {
    length: parts.reduce((s, p) => s + p.length, 0),
    first: (n) => {
      const out: Cell[][] = [];
      for (const p of parts) if (out.length < n) out.push(...p.first(n - out.length));
      return out;
    },
  };
}

export function table(headers: string[], rows: readonly Cell[][] | LazyRows, opts: { numeric?: number[]; max?: number; empty?: string; id?: string } = {}): string {
  if (!rows.length) return `<p class="empty">${esc(opts.empty ?? 'No records.')}</p>`;
  const max = opts.max ?? 2000;
  const shown = 'first' in rows ? rows.first(max) : rows.slice(0, max);
  const head = `<tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  // One string grown cell by cell (thousands of rows): no array per row, each column's opening tag made once.
  const open = headers.map((_, i) => (opts.numeric?.includes(i) ? '<td class="num">' : '<td>'));
  let body = '';
  for (const r of shown) {
    body += '<tr>';
    for (let i = 0; i < r.length; i++) body += `${open[i] ?? (opts.numeric?.includes(i) ? '<td class="num">' : '<td>')}${r[i] ?? ''}</td>`;
    body += '</tr>';
  }
  const more = rows.length > shown.length ? `<p class="meta">${rows.length - shown.length} more rows in the CSV export.</p>` : '';
  return `<table${opts.id ? ` id="${esc(opts.id)}"` : ''}><thead>${head}</thead><tbody>${body}</tbody></table>${more}`;
}

export const status = (s: string): string => `<span class="status-${esc(s)}">${esc(s)}</span>`;
export const stateLabel = (s: string): string => `<span class="state-${esc(s.replace(/\s+/g, '-'))}">${esc(s)}</span>`;
export const verifiedLabel = (v: boolean): string => (v ? '<span class="verified">verified</span>' : '<span class="self-declared">self-declared</span>');
export const pct = (r: number): string => `${Math.round(r * 100)}%`;
export const when = (iso: string | null | undefined): string => (iso ? esc(iso.replace('T', ' ').slice(0, 16)) : '');

export function developerLink(developer: string, q: ReportQuery): string {
  const range = rangeParams.get(q) ?? rangeParams.set(q, queryString({ since: q.since, until: q.until })).get(q)!;
  const id = new URLSearchParams({ id: developer }).toString();
  return `<a href="/developer${esc(range ? `${range}&${id}` : `?${id}`)}">${esc(developer)}</a>`;
}

/** The range part of developer links, once per query (a page links thousands of developers). */
const rangeParams = new WeakMap<ReportQuery, string>();

export function rangeText(r: Report): string {
  if (!r.range.since && !r.range.until) return 'all time';
  return `${r.range.since ? esc(r.range.since.slice(0, 10)) : 'the beginning'} to ${r.range.until ? esc(r.range.until.slice(0, 10)) : 'now'}`;
}

/** GET form: date range, team, tool, status. No script: the browser submits it as a query string. */
export function filterForm(r: Report, q: ReportQuery, action: string, withToolFilters = true): string {
  const opt = (value: string, label: string, selected: string | undefined): string => `<option value="${esc(value)}"${selected === value ? ' selected' : ''}>${esc(label)}</option>`;
  const select = (name: string, label: string, values: [string, string][], selected: string | undefined): string =>
    `<label>${esc(label)}<select name="${name}">${opt('', 'all', selected)}${values.map(([v, l]) => opt(v, l, selected)).join('')}</select></label>`;
  const date = (name: string, value: number | undefined, end: boolean): string =>
    `<label>${name === 'since' ? 'From' : 'To'}<input type="date" name="${name}" value="${value === undefined ? '' : esc(isoDayOrTime(value, end).slice(0, 10))}"></label>`;
  return `<form class="filters noprint" method="get" action="${esc(action)}">
${date('since', q.since, false)}${date('until', q.until, true)}
${r.options.teams.length ? select('team', 'Team', r.options.teams.map((t) => [t, t]), q.team) : ''}
${withToolFilters ? select('tool', 'Tool', r.options.tools.map((t) => [t.id, t.name ? `${t.name} (${t.id})` : t.id]), q.tool) : ''}
${withToolFilters ? select('status', 'Status', STATUSES.map((s) => [s, s]), q.status) : ''}
<button type="submit">Apply</button> <a href="${esc(action)}">Clear</a></form>`;
}
