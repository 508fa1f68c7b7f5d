// CSV for auditors. The report is one flat table (the `section` column says what a row is); the
// evidence pack has one table per subject. Cells a spreadsheet would run as a formula get a leading
// apostrophe.
import { adoptionRows } from './adoptionCsv';
import type { Report } from './build';

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // A number or a boolean never starts a formula nor needs quotes (most cells of a large report).
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return QUOTE.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const FORMULA = /^[=+\-@\t\r]/;
const QUOTE = /[",\r\n]/;

export function csvTable(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  // One string grown line by line: a 5 000-developer report has ~40 000 rows of 14 cells.
  let out = `${columns.join(',')}\r\n`;
  for (const row of rows) {
    let line = csvCell(row[columns[0]]);
    for (let i = 1; i < columns.length; i++) line += `,${csvCell(row[columns[i]])}`;
    out += `${line}\r\n`;
  }
  return out;
}

export const CSV_COLUMNS = ['section', 'developer', 'team', 'item', 'name', 'status', 'version', 'active', 'count', 'coverage', 'first_seen', 'last_seen', 'verified', 'state'] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

export function* reportRows(r: Report): Generator<Row> {
  const t = r.totals;
  yield { section: 'range', item: 'since', name: r.range.since };
  yield { section: 'range', item: 'until', name: r.range.until };
  yield { section: 'log', item: 'head', name: r.log.headHash, count: r.log.events };
  for (const [item, count] of Object.entries({ events: t.events, duplicates: t.duplicates, developers: t.developers, active: t.active, no_data: t.noData, machines: t.machines })) {
    yield { section: 'total', item, count };
  }
  for (const [type, count] of Object.entries(t.byType)) yield { section: 'total', item: `type:${type}`, count };
  for (const p of r.developers) yield { section: 'developer', developer: p.developer, team: p.team, state: p.state, first_seen: p.firstSeen, last_seen: p.lastSeen, verified: p.enrolled };
  for (const u of r.usage) {
    yield { section: 'tool_usage', developer: u.developer, team: u.team, item: u.tool, name: u.name, status: u.status, version: u.version, active: u.active, count: u.machines, first_seen: u.firstSeen, last_seen: u.lastSeen, state: u.present ? 'present' : 'removed' };
  }
  for (const c of r.census.tools) yield { section: 'census', item: c.tool, name: c.name, status: c.status, count: c.developers };
  for (const w of r.trend) {
    yield { section: 'trend', item: w.week, status: 'unlisted', count: w.unlisted };
    yield { section: 'trend', item: w.week, status: 'prohibited', count: w.prohibited };
  }
  for (const a of r.reporting) yield { section: 'reporting', item: a.day, count: a.using, coverage: a.reporting ? a.using / a.reporting : 0 };
  yield* adoptionRows(r.adoption);
  for (const v of r.acknowledgements.versions) {
    yield { section: 'acknowledgement_coverage', item: `policy v${v.version}`, version: v.version, count: v.acknowledged, coverage: v.coverage, state: v.current ? 'current' : '' };
  }
  for (const a of r.acknowledgements.records) {
    yield { section: 'acknowledgement', developer: a.developer, team: a.team, item: `policy v${a.version}`, name: a.hash, version: a.version, first_seen: a.time, verified: a.verified };
  }
  for (const m of r.acknowledgements.missing) yield { section: 'not_acknowledged', developer: m.developer, team: m.team, item: `policy ${m.item}`, state: m.state, last_seen: m.dueDate };
  for (const c of r.training.courses) yield { section: 'training_coverage', item: c.id, name: c.title, count: c.completed, coverage: c.coverage };
  for (const x of r.training.records) yield { section: 'training', developer: x.developer, team: x.team, item: x.training, name: x.title, first_seen: x.firstTime, last_seen: x.time, verified: x.verified };
  for (const m of r.training.missing) yield { section: 'training_missing', developer: m.developer, team: m.team, item: m.item, state: m.state, last_seen: m.dueDate };
  for (const c of r.exposures.byClass) yield { section: 'exposure_class', item: c.class, count: c.n };
  for (const c of r.exposures.byTool) yield { section: 'exposure_tool', item: c.tool, count: c.n };
  for (const w of r.exposures.byWeek) yield { section: 'exposure_week', item: w.week, count: w.n };
  for (const d of r.exposures.byDeveloper) yield { section: 'exposure_developer', developer: d.developer, team: d.team, count: d.n, last_seen: d.last };
}

export function reportCsv(r: Report): string {
  return csvTable(CSV_COLUMNS, reportRows(r));
}
