// The data each audit event type carries, as the editor records it. The guard in eventGuard.ts still
// checks every value at run time against the wire schema (wireSchema.ts, shared with the server); these
// types make a wrong field a compile error at the call site.
import type { AuditEventType } from './eventTypes';

/** What an event says about a tool: identity and status, never paths, commands or URLs. */
export type ToolSummary = {
  id: string;
  name: string;
  version?: string;
  kind: string;
  status: string;
  enabled: boolean;
  active: boolean;
  policyToolId?: string;
  dataClasses?: string[];
  /** UTC days (YYYY-MM-DD, last 14) the tool was active while the developer edited in that window. */
  activeDays?: string[];
};

/** Fields any event may carry. */
type Common = { reason?: string; count?: number };

export type EventDataMap = {
  /** `activity`: sent on the first edit of a day with an AI extension active (see the tools' activeDays). */
  inventory: { reason: 'start' | 'change' | 'interval' | 'activity'; tools: ToolSummary[]; counts: Record<string, number> };
  'tool.added': ToolSummary;
  'tool.removed': ToolSummary;
  'policy.loaded': {
    version: number;
    previousVersion?: number;
    organization: string;
    hash: string;
    /** `file` or the display form of the URL (no credentials, no query). */
    source: string;
    signature: string;
    expired: boolean;
    /** The policy's own dates (YYYY-MM-DD), for the server's version history. */
    published?: string;
    effective?: string;
    reviewedOn?: string;
    nextReview?: string;
  };
  'policy.refused': { codes: string[]; keptVersion?: number };
  'policy.acknowledged': { version: number; hash: string; method?: string };
  'training.completed': { training: string; title: string; completedAt: string; policyVersion?: number };
  /** `tools` are tool ids; `toolNames` their display names, in the same order. */
  exposure: { classes: string[]; rules: string[]; pathHash: string; tools: string[]; toolNames?: string[]; findings?: number; languageId?: string; action?: string };
  'disclosure.added': { trailer: string; tools: string[]; target?: string; repoHash?: string };
  'ignoreFiles.added': { files: string[] };
  'ignoreFiles.written': { files: string[] };
  'agent.blocked': { harness: string; tool: string; action?: string; rules: string[]; classes: string[]; pathHash?: string; mcpServer?: string; mode?: 'audit' | 'enforce'; hookTime?: string };
  'agent.hookError': { harness: string; code: string; action?: string; hookTime?: string };
  'agent.exposed': { harness: string; tool: string; action?: string; rules: string[]; classes: string[]; mcpServer?: string; mode?: 'audit' | 'enforce'; hookTime?: string };
  'agent.hooksInstalled': { harnesses: string[]; scope: string };
  /** One harness's hook calls on one complete UTC day (see src/core/hooks/activity.ts). */
  'agent.activity': { day: string; harness: string; sessions: number; toolCalls: number; prompts: number; denials: number; auditDenials: number };
  /** One pull request's disclosure check in CI (see src/core/disclosure). */
  'disclosure.pr': {
    repoHash: string;
    pr?: number;
    provider: string;
    commits: number;
    assistedCommits: number;
    tools: string[];
    prDisclosed?: boolean;
    result: 'pass' | 'fail';
    problems: string[];
  };
  /** VS Code settings this machine does not enforce as the policy requires (empty: none any more). */
  'enforcement.drift': { settings: string[]; policyNames: string[] };
  /** A developer asks for an exception (see src/core/policy/exceptionRequest.ts); `reason` is theirs. */
  'tool.requested': {
    requestId: string;
    toolId?: string;
    toolName?: string;
    mcpServer?: string;
    dataClass?: string;
    scope: 'person' | 'team' | 'repository';
    team?: string;
    repository?: string;
    days: number;
    identity: 'enrolled' | 'self-declared';
  };
};

export type EventData<T extends AuditEventType> = EventDataMap[T] & Common;
