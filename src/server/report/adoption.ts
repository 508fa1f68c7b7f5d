// The adoption view: who actually used which AI tool (not who had it installed), from the usage rollups:
// weekly active developers per tool, vendor and team, the share of use on unapproved tools (shadow AI),
// agent sessions and tool calls per harness, AI-assisted commits and pull requests per team and
// repository, lines, tokens and cost where the vendor reports them, and a 12-week trend.
import { USAGE_FIELDS, type UsageRows } from '../usage/fields';
import { describeTool } from '../usage/tools';
import type { PolicyInfo } from './policyInfo';
import { dayIso } from './time';

export const TREND_WEEKS = 12;
const APPROVED = new Set(['approved', 'restricted']);

export interface AdoptionInput {
  usage: UsageRows;
  team: (developer: string) => string | null;
  /** Developers in scope per team (roster), for the per-team adoption rate. */
  rosterTeams: Map<string, number>;
  policy?: PolicyInfo;
  /** Status an inventory reported for a tool id (the latest seen), when the policy does not list it. */
  inventoryStatus: Map<string, string>;
  /** Narrowing by the report's tool and status filters. */
  tool?: string;
  status?: string;
  /** Last day of the range (epoch day), which ends the 12-week trend. */
  trendEnd: number;
}

/** How the policy classes a tool: its entry's status (by any of the tool's identifiers), else what inventories said, else unlisted. */
export function toolStatus(id: string, policy: PolicyInfo | undefined, inventory: Map<string, string>): string {
  const ids = new Set(describeTool(id).identifiers.map((i) => i.toLowerCase()));
  ids.add(id.toLowerCase());
  const entry = policy?.tools?.find((t) => t.identifiers.some((i) => ids.has(i.toLowerCase())));
  return entry?.status ?? inventory.get(id.toLowerCase()) ?? 'unlisted';
}

const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;
const share = (part: number, whole: number): number => (whole ? round(part / whole, 4) : 0);

export function adoption(input: AdoptionInput) {
  const status = new Map<string, string>();
  const statusOf = (tool: string): string => status.get(tool) ?? status.set(tool, toolStatus(tool, input.policy, input.inventoryStatus)).get(tool)!;
  const keep = (tool: string): boolean => (!input.tool || tool === input.tool) && (!input.status || statusOf(tool) === input.status);
  const rows = input.usage.byDeveloper.filter((r) => keep(r.tool));

  const tools = new Map<string, { devs: Set<string>; days: number; f: Record<string, number> }>();
  const dayCount = { approved: 0, unapproved: 0 };
  const devApproved = new Set<string>();
  const devUnapproved = new Set<string>();
  for (const r of rows) {
    const t = tools.get(r.tool) ?? tools.set(r.tool, { devs: new Set(), days: 0, f: {} }).get(r.tool)!;
    t.devs.add(r.developer);
    t.days += r.days;
    for (const f of USAGE_FIELDS) t.f[f] = (t.f[f] ?? 0) + r[f];
    const ok = APPROVED.has(statusOf(r.tool));
    dayCount[ok ? 'approved' : 'unapproved'] += r.days;
    (ok ? devApproved : devUnapproved).add(r.developer);
  }
  const toolRows = [...tools]
    .map(([id, t]) => {
      const d = describeTool(id);
      return {
        tool: id,
        name: d.name,
        vendor: d.vendor,
        status: statusOf(id),
        developers: t.devs.size,
        days: t.days,
        sessions: round(t.f.sessions ?? 0),
        prompts: round(t.f.prompts ?? 0),
        toolCalls: round(t.f.toolCalls ?? 0),
        denials: round(t.f.denials ?? 0),
        linesAdded: round(t.f.linesAdded ?? 0),
        linesRemoved: round(t.f.linesRemoved ?? 0),
        commits: round(t.f.commits ?? 0),
        pullRequests: round(t.f.pullRequests ?? 0),
        tokens: round((t.f.tokensInput ?? 0) + (t.f.tokensOutput ?? 0) + (t.f.tokensCache ?? 0)),
        costUsd: round(t.f.costUsd ?? 0),
        activeHours: round((t.f.activeSeconds ?? 0) / 3600, 1),
      };
    })
    .sort((a, b) => b.developers - a.developers || (a.tool < b.tool ? -1 : 1));

  const vendors = new Map<string, { devs: Set<string>; tools: Set<string> }>();
  for (const r of rows) {
    const v = describeTool(r.tool).vendor;
    const e = vendors.get(v) ?? vendors.set(v, { devs: new Set(), tools: new Set() }).get(v)!;
    e.devs.add(r.developer);
    e.tools.add(r.tool);
  }

  // 12 weeks ending with the range's last week; a developer is active in a week when any kept tool was used.
  const lastWeek = input.trendEnd - ((input.trendEnd + 3) % 7);
  const weeks = new Map<number, { all: number; approved: number; unapproved: number }>();
  for (let w = lastWeek - (TREND_WEEKS - 1) * 7; w <= lastWeek; w += 7) weeks.set(w, { all: 0, approved: 0, unapproved: 0 });
  for (const w of input.usage.weeks) {
    const slot = weeks.get(w.week);
    const kept = w.tools.filter(keep);
    if (!slot || !kept.length) continue;
    slot.all += w.developers;
    if (kept.some((t) => APPROVED.has(statusOf(t)))) slot.approved += w.developers;
    if (kept.some((t) => !APPROVED.has(statusOf(t)))) slot.unapproved += w.developers;
  }

  const teams = new Map<string, { devs: Set<string>; approved: Set<string>; unapproved: Set<string>; commits: number; aiCommits: number; prs: number; aiPrs: number }>();
  const teamRow = (name: string) => teams.get(name) ?? teams.set(name, { devs: new Set(), approved: new Set(), unapproved: new Set(), commits: 0, aiCommits: 0, prs: 0, aiPrs: 0 }).get(name)!;
  for (const name of input.rosterTeams.keys()) teamRow(name);
  for (const r of rows) {
    const t = teamRow(input.team(r.developer) ?? '(no team)');
    t.devs.add(r.developer);
    t[APPROVED.has(statusOf(r.tool)) ? 'approved' : 'unapproved'].add(r.developer);
  }
  const repos = new Map<string, { prs: number; aiPrs: number; commits: number; aiCommits: number }>();
  for (const p of input.usage.pullRequests) {
    const t = teamRow(input.team(p.developer) ?? '(no team)');
    t.prs += p.pullRequests;
    t.aiPrs += p.aiPullRequests;
    t.commits += p.commits;
    t.aiCommits += p.aiCommits;
    const r = repos.get(p.repository) ?? repos.set(p.repository, { prs: 0, aiPrs: 0, commits: 0, aiCommits: 0 }).get(p.repository)!;
    r.prs += p.pullRequests;
    r.aiPrs += p.aiPullRequests;
    r.commits += p.commits;
    r.aiCommits += p.aiCommits;
  }
  const prs = input.usage.pullRequests;
  const prCount = prs.reduce((s, p) => s + p.pullRequests, 0);
  const commits = prs.reduce((s, p) => s + p.commits, 0);
  const aiCommits = prs.reduce((s, p) => s + p.aiCommits, 0);
  const aiPrs = prs.reduce((s, p) => s + p.aiPullRequests, 0);
  const active = new Set(rows.map((r) => r.developer));

  return {
    activeDevelopers: active.size,
    approvedDevelopers: devApproved.size,
    unapprovedDevelopers: devUnapproved.size,
    /** Share of developer-days of use spent on tools the policy does not approve. */
    shadowShare: share(dayCount.unapproved, dayCount.approved + dayCount.unapproved),
    shadowTools: toolRows.filter((t) => !APPROVED.has(t.status)).map((t) => ({ tool: t.tool, name: t.name, status: t.status, developers: t.developers, days: t.days })),
    tools: toolRows,
    vendors: [...vendors].map(([vendor, v]) => ({ vendor, developers: v.devs.size, tools: v.tools.size })).sort((a, b) => b.developers - a.developers || (a.vendor < b.vendor ? -1 : 1)),
    harnesses: toolRows.filter((t) => t.sessions > 0 || t.toolCalls > 0).map((t) => ({ tool: t.tool, name: t.name, developers: t.developers, sessions: t.sessions, toolCalls: t.toolCalls, prompts: t.prompts, denials: t.denials })),
    weeks: [...weeks].map(([w, s]) => ({ week: dayIso(w), active: s.all, approved: s.approved, unapproved: s.unapproved })),
    teams: [...teams]
      .map(([team, t]) => {
        const expected = input.rosterTeams.get(team) ?? 0;
        return {
          team,
          developers: expected,
          active: t.devs.size,
          rate: share(t.devs.size, expected),
          approved: t.approved.size,
          unapproved: t.unapproved.size,
          pullRequests: t.prs,
          aiPullRequests: t.aiPrs,
          commits: t.commits,
          aiCommits: t.aiCommits,
          aiCommitShare: share(t.aiCommits, t.commits),
        };
      })
      .sort((a, b) => (a.team < b.team ? -1 : 1)),
    disclosure: {
      pullRequests: prCount,
      aiPullRequests: aiPrs,
      aiPullRequestShare: share(aiPrs, prCount),
      commits,
      aiCommits,
      aiCommitShare: share(aiCommits, commits),
      byRepository: [...repos]
        .map(([repository, r]) => ({ repository, pullRequests: r.prs, aiPullRequests: r.aiPrs, commits: r.commits, aiCommits: r.aiCommits, aiCommitShare: share(r.aiCommits, r.commits) }))
        .sort((a, b) => b.pullRequests - a.pullRequests || (a.repository < b.repository ? -1 : 1)),
    },
    /** Per developer and tool: who is behind each figure (the admin's drill-down). */
    developers: rows.map((r) => ({
      developer: r.developer,
      team: input.team(r.developer),
      tool: r.tool,
      name: describeTool(r.tool).name,
      status: statusOf(r.tool),
      days: r.days,
      sessions: round(r.sessions),
      prompts: round(r.prompts),
      toolCalls: round(r.toolCalls),
      tokens: round(r.tokensInput + r.tokensOutput + r.tokensCache),
      costUsd: round(r.costUsd),
    })),
  };
}

export type Adoption = ReturnType<typeof adoption>;
