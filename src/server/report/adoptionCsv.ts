// The adoption view as CSV rows: in the report's flat table (sections adoption_*) and as the evidence
// pack's adoption.csv.
import type { Adoption } from './adoption';

type Row = Record<string, string | number | boolean | null>;

const FIGURES = ['sessions', 'prompts', 'toolCalls', 'denials', 'linesAdded', 'linesRemoved', 'commits', 'pullRequests', 'tokens', 'costUsd', 'activeHours'] as const;

export function* adoptionRows(a: Adoption): Generator<Row> {
  yield { section: 'adoption_share', item: 'unapproved_use', count: a.unapprovedDevelopers, coverage: a.shadowShare, name: a.shadowTools.map((t) => t.name).join('; ') };
  yield { section: 'adoption_share', item: 'ai_assisted_commits', count: a.disclosure.aiCommits, coverage: a.disclosure.aiCommitShare };
  yield { section: 'adoption_share', item: 'ai_assisted_pull_requests', count: a.disclosure.aiPullRequests, coverage: a.disclosure.aiPullRequestShare };
  for (const w of a.weeks) {
    yield { section: 'adoption_week', item: w.week, status: 'any', count: w.active };
    yield { section: 'adoption_week', item: w.week, status: 'approved', count: w.approved };
    yield { section: 'adoption_week', item: w.week, status: 'unapproved', count: w.unapproved };
  }
  for (const t of a.tools) {
    yield { section: 'adoption_tool', item: t.tool, name: t.name, status: t.status, version: t.vendor, count: t.developers, active: t.days };
    for (const f of FIGURES) if (t[f]) yield { section: 'adoption_figure', item: t.tool, name: f, status: t.status, count: t[f] };
  }
  for (const v of a.vendors) yield { section: 'adoption_vendor', item: v.vendor, count: v.developers };
  for (const t of a.teams) yield { section: 'adoption_team', team: t.team, count: t.active, coverage: t.rate, active: t.unapproved, name: `${t.aiCommits} of ${t.commits} commits AI-assisted` };
  for (const r of a.disclosure.byRepository) yield { section: 'adoption_repository', item: r.repository, count: r.pullRequests, active: r.aiPullRequests, coverage: r.aiCommitShare };
  for (const d of a.developers) yield { section: 'adoption_developer', developer: d.developer, team: d.team, item: d.tool, name: d.name, status: d.status, count: d.days };
}

export const ADOPTION_CSV_COLUMNS = ['section', 'developer', 'team', 'item', 'name', 'status', 'version', 'active', 'count', 'coverage'] as const;
