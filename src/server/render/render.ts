// Builds one view: reads the store's rows for the range, composes the report and renders it.
import type { PublishedPolicy } from '../publishedPolicy';
import { buildReport } from '../report/build';
import { reportCsv } from '../report/csv';
import { dashboardPage } from '../report/dashboard';
import { developerPage } from '../report/developerPage';
import { evidenceCsv, evidencePage } from '../report/evidence';
import type { Roster } from '../report/roster';
import type { Report } from '../report/build';
import type { AuditStore } from '../store/types';
import type { RenderRequest, Rendered } from './protocol';
import { reviewQueue } from '../exceptions/reviewQueue';
import { activityQueries, exceptionEvidence, type ExceptionEvidence } from '../exceptions/evidence';
import { EXCEPTION_DECIDED, readDecisions, readRequests, REQUESTED } from '../exceptions/records';
import type { PolicyInfo } from '../report/policyInfo';
import type { RosterEntry } from '../report/roster';

const HTML = 'text/html; charset=utf-8';
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

export async function render(req: RenderRequest, store: AuditStore, policy: PublishedPolicy | undefined, roster: Roster | undefined): Promise<Rendered> {
  const q = req.query;
  const entries = roster?.entries() ?? [];
  if (req.view === 'requests') return { status: 200, type: HTML, body: utf8(await reviewQueue(store, policy?.describe(), entries, req)) };
  const developers = req.developer !== undefined ? [req.developer] : q.team ? entries.filter((r) => r.team === q.team).map((r) => r.developer) : undefined;
  const rows = await store.reportRows({ since: q.since, until: q.until }, developers);
  const report = buildReport(rows, { query: q, policy: policy?.describe(), roster: entries, now: req.now, developer: req.developer });
  const day = report.generatedAt.slice(0, 10);
  const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });
  switch (req.view) {
    case 'report-json': {
      const expiredExceptionsInUse = (await exceptionsOf(store, report, policy?.describe(), entries, req)).expiredInUse;
      return { status: 200, type: 'application/json; charset=utf-8', body: utf8(JSON.stringify({ ...report, expiredExceptionsInUse })) };
    }
    case 'report-csv':
      return { status: 200, type: 'text/csv; charset=utf-8', body: utf8(reportCsv(report)), headers: attachment(`ai-policy-report-${day}.csv`) };
    case 'dashboard':
      return { status: 200, type: HTML, body: utf8(dashboardPage(report, q, req.nonce, (await exceptionsOf(store, report, policy?.describe(), entries, req)).expiredInUse)) };
    case 'developer':
      return { status: 200, type: HTML, body: utf8(developerPage(report, req.developer ?? '', q, req.nonce)) };
    case 'evidence':
      return { status: 200, type: HTML, body: utf8(evidencePage(report, q, req.nonce, await exceptionsOf(store, report, policy?.describe(), entries, req))) };
    case 'evidence-csv': {
      const text = evidenceCsv(req.csv ?? '', report, await exceptionsOf(store, report, policy?.describe(), entries, req));
      if (text === undefined) return { status: 404, type: 'application/json; charset=utf-8', body: utf8(JSON.stringify({ error: `no evidence file "${req.csv}"` })) };
      return { status: 200, type: 'text/csv; charset=utf-8', body: utf8(text), headers: attachment(`ai-policy-evidence-${req.csv}-${day}.csv`) };
    }
  }
}

/**
 * The exceptions decided in the range (requests and decisions are read from the whole log) and their use:
 * the report's inventories, and each approved decision's usage rollups read for its own people and days.
 */
async function exceptionsOf(store: AuditStore, report: Report, policy: PolicyInfo | undefined, roster: readonly RosterEntry[], req: RenderRequest): Promise<ExceptionEvidence> {
  const rows = await store.chainedRecords([REQUESTED, EXCEPTION_DECIDED]);
  const requests = readRequests(rows);
  const decisions = readDecisions(rows);
  const activity = new Map((await store.usageInForce(activityQueries(requests, decisions, { policy, roster }))).map((u) => [u.key, u]));
  return exceptionEvidence(requests, decisions, report.usage, { policy, roster, since: req.query.since, until: req.query.until, now: req.now, activity });
}
