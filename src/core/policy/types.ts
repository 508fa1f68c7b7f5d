// The published AI tool policy, as it reads after parsing and schema validation.
// The JSON Schema in schema/aipolicy.schema.json is the authority; these types mirror it.

/** A data class id, e.g. `code`, `internal`, `pii`, `secret`, `customer-data`. */
export type DataClass = string;

export type ToolStatus = 'approved' | 'restricted' | 'prohibited';

export interface ToolConditions {
  /** Workspace folder globs (matched against the folder's absolute path or name) where the tool may be used. */
  workspaces?: string[];
  /** Git remote URL globs where the tool may be used. */
  repositories?: string[];
  /** ISO date after which the approval lapses. */
  expires?: string;
  /** Free text shown to developers. */
  note?: string;
}

export interface PolicyTool {
  /** Stable id within the policy, e.g. `github-copilot`. */
  id: string;
  name: string;
  /** Extension ids (`publisher.name`, case-insensitive) or other identifiers (`vscode.chat`, `cli:aider`). */
  identifiers: string[];
  status: ToolStatus;
  /** Accountable owner, e.g. `Jane Doe <jane@example.com>`. */
  owner: string;
  /** Data classes this tool is cleared to receive. */
  dataClasses: DataClass[];
  conditions?: ToolConditions;
  /** Where to request access: an https URL or a mailto: address. */
  requestAccess?: string;
  notes?: string;
}

export interface DataClassDef {
  id: DataClass;
  name: string;
  description?: string;
}

/** A policy rule that marks files or text as belonging to a data class. */
export interface DataRule {
  id: string;
  class: DataClass;
  description?: string;
  /** minimatch globs on the workspace-relative path. */
  paths?: string[];
  /** RE2-syntax regex (run by a linear-time engine). */
  pattern?: string;
  /** Literal anchors; the pattern runs only when one occurs (case-insensitive). */
  keywords?: string[];
  /** Minimum Shannon entropy of the match (or of group 1 when present). */
  entropy?: number;
}

export interface DataHandling {
  classes: DataClassDef[];
  /** Built-in detector families to enable; `all` (default) or a list such as `secrets`, `pii`. */
  builtinDetectors?: 'all' | 'none' | string[];
  rules?: DataRule[];
  /** Path to a gitleaks-format TOML config, relative to the policy file, or an https URL. */
  gitleaksConfig?: string;
  allowlist?: {
    /** minimatch globs of paths never reported. */
    paths?: string[];
    /** RE2 regexes; a finding whose matched text matches one is suppressed. */
    patterns?: string[];
    /** Rule ids switched off. */
    rules?: string[];
  };
}

export interface McpServerPolicy {
  /** Server name as configured in mcp.json. */
  name: string;
  /** Optional: command (stdio) or URL (http) that must match for the approval to hold. */
  command?: string;
  url?: string;
  status: ToolStatus;
  owner: string;
  dataClasses?: DataClass[];
  conditions?: ToolConditions;
  notes?: string;
}

export interface McpPolicy {
  servers: McpServerPolicy[];
  /** What an MCP server not in the list means. */
  unlisted: 'warn' | 'prohibited';
  agents?: {
    /** Autonomous (agent) mode of assistants. */
    autonomousMode: 'allowed' | 'restricted' | 'prohibited';
    /** Actions that need a human confirmation, e.g. `terminal`, `file-write`, `network`. */
    requireConfirmation?: string[];
    notes?: string;
  };
}

/** Whom an exception applies to: the developer in `who`, the members of its team, or anyone in its repositories. */
export type ExceptionScope = 'person' | 'team' | 'repository';

/** A time-boxed approval beyond the rest of the policy, for its scope only. */
export interface PolicyException {
  /** Stable id, e.g. `exc-2026-014`. */
  id: string;
  /** The request it answers (the audit server's review queue). */
  requestId?: string;
  who: { developer?: string; team?: string };
  /** A tool (policy tool id or extension id), an MCP server, or a data class cleared for either. */
  what: { tool?: string; mcpServer?: string; command?: string; url?: string; dataClass?: DataClass };
  scope: ExceptionScope;
  /** Git remote URL globs where it applies (required for scope `repository`). */
  repositories?: string[];
  conditions?: ToolConditions;
  /** First day in force (YYYY-MM-DD, UTC). */
  from: string;
  /** Last day in force (YYYY-MM-DD, UTC), inclusive. */
  until: string;
  reason: string;
  approvedBy: string;
}

export interface PolicyExceptions {
  /** Longest an exception may last, in days (default 90). */
  maxDays?: number;
  granted?: PolicyException[];
}

export interface Disclosure {
  required: boolean;
  /** Commit trailer key, e.g. `Assisted-by`. */
  trailer: string;
  /** Template for the trailer value; `{tools}` is replaced by the tool names. */
  format?: string;
  pullRequest?: {
    section: string;
    template?: string;
    /** When the pull request says AI tools were used, which commits must carry a trailer (default `any`). */
    commitsWhenAssisted?: 'any' | 'all' | 'none';
  };
}

export interface Training {
  id: string;
  title: string;
  url: string;
  /** Due within N days of the developer first seeing the policy. */
  dueWithinDays: number;
  /** Must be renewed every N days (omit for once). */
  renewalDays?: number;
  basis?: string;
}

export interface AuditSettings {
  /** Events endpoint (`https://…/v1/events`, or http on loopback). */
  endpoint?: string;
  /** Optional OTLP/HTTP JSON logs endpoint (`…/v1/logs`). */
  otlpEndpoint?: string;
  identity: 'git-email' | 'os-user' | 'explicit';
  /** HMAC-SHA256 key used to pseudonymize developer identities. */
  pseudonymize?: { hmacKey: string };
  inventoryIntervalHours?: number;
}

export interface Acknowledgement {
  required: boolean;
  withinDays: number;
}

export interface PolicyDocument {
  summary: string;
  sections?: { id?: string; title: string; body: string }[];
  url?: string;
}

export interface Policy {
  apiVersion: 'aipolicy/v1';
  organization: string;
  /** Monotonic integer version. */
  version: number;
  published: string;
  effective: string;
  expires?: string;
  reviewedOn: string;
  nextReview: string;
  owner: { name: string; email?: string; role?: string };
  contact: string;
  document: PolicyDocument;
  tools: PolicyTool[];
  dataHandling: DataHandling;
  mcp?: McpPolicy;
  /** Time-boxed exceptions. */
  exceptions?: PolicyExceptions;
  /** Enforcement in AI agents' own hooks. */
  agents?: { hooks?: { onError?: 'allow' | 'deny' } };
  disclosure?: Disclosure;
  training?: Training[];
  audit?: AuditSettings;
  acknowledgement?: Acknowledgement;
  /** Extra AI tool catalog entries (extension ids) to treat as AI tools. */
  catalog?: { id: string; name: string; kind?: string }[];
}

/** A policy as loaded, with where it came from and its verification result. */
export interface LoadedPolicy {
  policy: Policy;
  /** The exact text that was verified (signatures are over these bytes). */
  text: string;
  /** sha256 hex of the text. */
  hash: string;
  source: string;
  signature: 'valid' | 'unsigned' | 'not-required';
  loadedAt: string;
  /** Warnings found when it was accepted (expired, review overdue, lint warnings). */
  warnings?: PolicyProblem[];
  /** Past `expires`: still in force as the last known good, but flagged everywhere. */
  expired?: boolean;
  /** Past `nextReview`. */
  reviewOverdue?: boolean;
  /** ETag of the response it came from, when the source is a URL. */
  etag?: string;
}

/** A problem found in a policy, with a location where one applies. */
export interface PolicyProblem {
  severity: 'error' | 'warning';
  message: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  col?: number;
  /** JSON pointer-ish path, e.g. `/tools/0/owner`. */
  path?: string;
  /** Stable problem code, e.g. `yaml`, `schema`, `unknown-key`, `expired`, `review-overdue`, `signature`, `rollback`, `source`. */
  code?: string;
  /** File or URL the problem is in, when known. */
  file?: string;
}
