// The report as one flat CSV table for auditors: one row per record, the `section` column says what a
// row is (filter on it in a spreadsheet). Cells that a spreadsheet would run as a formula are prefixed
// with an apostrophe.
import type { Report } from './report';

export const CSV_COLUMNS = ['section', 'developer', 'item', 'name', 'status', 'version', 'active', 'count', 'coverage', 'time'] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportRows(r: Report): Row[] {
  const rows: Row[] = [];
  const t = r.totals;
  for (const [item, count] of Object.entries({ events: t.events, duplicates: t.duplicates, developers: t.developers, machines: t.machines })) {
    rows.push({ section: 'total', item, count });
  }
  for (const [type, count] of Object.entries(t.byType)) rows.push({ section: 'total', item: `type:${type}`, count });
  for (const u of r.toolsByDeveloper) {
    rows.push({ section: 'tool_usage', developer: u.developer, item: u.tool, name: u.name, status: u.status, version: u.version, active: u.active, time: u.lastSeen });
  }
  for (const c of r.census.tools) rows.push({ section: 'census', item: c.tool, name: c.name, status: c.status, count: c.developers });
  for (const a of r.adoption) rows.push({ section: 'adoption', item: a.day, count: a.using, coverage: a.reporting ? a.using / a.reporting : 0, time: a.day });
  for (const v of r.acknowledgements.versions) {
    rows.push({ section: 'acknowledgement_coverage', item: `policy v${v.version}`, version: v.version, count: v.acknowledged, coverage: v.coverage });
  }
  for (const a of r.acknowledgements.records) {
    rows.push({ section: 'acknowledgement', developer: a.developer, item: `policy v${a.version}`, name: a.hash, version: a.version, time: a.time });
  }
  for (const c of r.training.courses) rows.push({ section: 'training_coverage', item: c.id, name: c.title, count: c.completed, coverage: c.coverage });
  for (const tr of r.training.records) rows.push({ section: 'training', developer: tr.developer, item: tr.training, name: tr.title, time: tr.time });
  for (const c of r.exposures.byClass) rows.push({ section: 'exposure_class', item: c.class, count: c.n });
  for (const c of r.exposures.byTool) rows.push({ section: 'exposure_tool', item: c.tool, count: c.n });
  for (const d of r.exposures.byDeveloper) rows.push({ section: 'exposure_developer', developer: d.developer, count: d.n, time: d.last });
  return rows;
}

export function reportCsv(r: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of reportRows(r)) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
