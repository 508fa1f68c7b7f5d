// The usage figures kept per developer, tool, day and source: counts only, never content. Every source
// (OTLP metrics, OTLP log events, the agent hooks, the editor) adds to its own row; the report takes, per
// figure and day, the largest of the sources, so a tool counted by two of them is not counted twice.
export const USAGE_FIELDS = [
  'sessions',
  'prompts',
  'toolCalls',
  'denials',
  'apiRequests',
  'editsAccepted',
  'editsRejected',
  'linesAdded',
  'linesRemoved',
  'commits',
  'pullRequests',
  'tokensInput',
  'tokensOutput',
  'tokensCache',
  'costUsd',
  'activeSeconds',
] as const;

export type UsageField = (typeof USAGE_FIELDS)[number];
export type UsageFigures = Record<UsageField, number>;

/** Where a row's figures came from. */
export type UsageSource = 'otlp-metric' | 'otlp-log' | 'hook' | 'editor';

/** SQL column of each figure (same names on SQLite and PostgreSQL). */
export const COLUMN: Readonly<Record<UsageField, string>> = {
  sessions: 'sessions',
  prompts: 'prompts',
  toolCalls: 'tool_calls',
  denials: 'denials',
  apiRequests: 'api_requests',
  editsAccepted: 'edits_accepted',
  editsRejected: 'edits_rejected',
  linesAdded: 'lines_added',
  linesRemoved: 'lines_removed',
  commits: 'commits',
  pullRequests: 'pull_requests',
  tokensInput: 'tokens_input',
  tokensOutput: 'tokens_output',
  tokensCache: 'tokens_cache',
  costUsd: 'cost_usd',
  activeSeconds: 'active_seconds',
};

export const zeroFigures = (): UsageFigures => Object.fromEntries(USAGE_FIELDS.map((f) => [f, 0])) as UsageFigures;

/** One addition to a day's row. */
export interface UsageDelta {
  day: number;
  developer: string;
  tool: string;
  source: UsageSource;
  figures: Partial<UsageFigures>;
}

/** A cumulative OTLP sum: the store turns it into a delta against the series' previous value. */
export interface CumulativePoint {
  /** Identifies the series (developer, tool, metric, attributes, start time). */
  key: string;
  start: string;
  value: number;
  row: Omit<UsageDelta, 'figures'> & { field: UsageField };
}

/** A pull request's disclosure, as the latest `disclosure.pr` check of that pull request reported it. */
export interface DisclosureRow {
  /** The repository's hash, as sent (`sha256:<hex>`). */
  repository: string;
  /** The pull request number, or the event id when the check ran without one. */
  pr: string;
  at: number;
  developer: string;
  commits: number;
  aiCommits: number;
  aiAssisted: boolean;
  disclosed: boolean | null;
  tools: string[];
}

/** What one OTLP request or event batch adds to the rollups. */
export interface UsageBatch {
  deltas: UsageDelta[];
  cumulative: CumulativePoint[];
  /** Counter name to increment (e.g. `otlp:content-dropped`). */
  counters: Record<string, number>;
}

/** Pull requests checked in a range, summed per developer and repository (latest check of each). */
export interface PullRequestSums {
  developer: string;
  repository: string;
  pullRequests: number;
  aiPullRequests: number;
  commits: number;
  aiCommits: number;
}

/** Usage rows for a report range, read from the rollups. */
export interface UsageRows {
  /** Per developer and tool over the range: active days and each figure (largest source per day, summed). */
  byDeveloper: ({ developer: string; tool: string; days: number } & UsageFigures)[];
  /** For the 12 weeks ending with the range: how many developers used exactly this set of tools that week. */
  weeks: { week: number; tools: string[]; developers: number }[];
  pullRequests: PullRequestSums[];
}
