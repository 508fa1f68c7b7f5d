// The contracts between the editor features. activate() builds one implementation of each, in this order,
// and hands the bag to each feature's register function; a feature uses only these interfaces, never the
// classes behind them (they live in the features' folders, which other features do not import).
import type vscode = require('vscode');
import type { AuditEvent, AuditEventType, EventData, QueueStats } from '../core/audit';
import type { AckRecord, AckState, LoadedPolicy, PolicyProblem, ReviewState, TrainingState } from '../core/policy';
import type { Scanner } from '../core/scan/scanner';
import type { Finding } from '../core/scan/types';
import type { DriftItem } from '../core/enforcement/drift';
import type { ExceptionRequest } from '../core/policy/exceptionRequest';
import type { Config } from './config';
import type { ExceptionNote } from '../core/tools/exceptions';

/** When the acknowledgement prompt was last shown, and for which version. */
export interface PromptRecord {
  /** `version:hash` the record is about. */
  key: string;
  lastShownAt: string;
  count: number;
}

/** What this developer has done with the policy (policy/developerState.ts: class DeveloperState). */
export interface DeveloperRecords {
  acknowledgement(): AckRecord | undefined;
  /** The policy text this developer last acknowledged, for "what changed since". */
  acknowledgedText(): string | undefined;
  prompt(): PromptRecord | undefined;
  notePrompt(key: string, now?: Date): Promise<void>;
}

/** policy/policyStore.ts: class PolicyStore */
export interface PolicyService {
  /** The policy in force (last known good), if any. */
  readonly current: LoadedPolicy | undefined;
  /** Problems of the last load attempt (empty when it succeeded). */
  readonly problems: readonly PolicyProblem[];
  /** True when the last load failed with a problem that was already reported (so nothing was shown now). */
  readonly failureRepeated: boolean;
  readonly developer: DeveloperRecords;
  /** Fires when the policy in force changes (including to undefined). */
  readonly onDidChange: vscode.Event<LoadedPolicy | undefined>;
  /** Fires when acknowledgement or training records change. */
  readonly onDidChangeDeveloperState: vscode.Event<void>;
  /** Fires when the problems of the last load attempt change. */
  readonly onDidChangeProblems: vscode.Event<readonly PolicyProblem[]>;
  /** Reload from the configured source now. */
  refresh(): Promise<void>;
  /** Whether the developer has acknowledged the current version. */
  isAcknowledged(): boolean;
  reviewState(now?: Date): ReviewState | undefined;
  acknowledgementState(now?: Date): AckState | undefined;
  trainingStates(now?: Date): TrainingState[];
  /** Records the acknowledgement of the version in force (and its audit event); false without a policy. */
  acknowledge(): Promise<boolean>;
  /** Records a training attestation (and its audit event); false when the policy has no such training. */
  completeTraining(id: string): Promise<boolean>;
}

/** One AI tool seen in this editor, classified against the policy, with what the tools view shows. */
export interface InventoryItem {
  /** Extension id (lower-case), `vscode.chat`, `mcp:<name>` or `lm:<vendor>/<id>`. */
  id: string;
  name: string;
  version?: string;
  kind: string;
  status: 'approved' | 'restricted' | 'prohibited' | 'unlisted';
  enabled: boolean;
  active: boolean;
  /** Data classes the policy clears this tool for (empty when none). */
  dataClasses: string[];
  owner?: string;
  policyToolId?: string;
  reasons: string[];
  /** Condition summary (workspaces, repositories, expiry, note). */
  conditions: string[];
  /** Where to request access (https URL or mailto:). */
  requestAccess?: string;
  source: 'extension' | 'builtin' | 'model' | 'mcp';
  /** Exceptions in force that approve it or clear data classes for it here. */
  exceptions?: ExceptionNote[];
}

/** tools/toolInventory.ts: class ToolInventory */
export interface InventoryService {
  readonly items: readonly InventoryItem[];
  readonly onDidChange: vscode.Event<readonly InventoryItem[]>;
  /** AI tools that are enabled and active (can read the editor) right now. */
  activeTools(): InventoryItem[];
  refresh(): Promise<void>;
}

/** An open file with data that an active tool is not cleared for. */
export interface ExposedFile {
  /** Workspace-relative path (or the URI outside the workspace). */
  uri: string;
  classes: string[];
  tools: string[];
  /** The tools' ids, in the order of `tools` (names). */
  toolIds?: string[];
}

/** exposure/exposureWatcher.ts: class ExposureWatcher */
export interface ExposureService {
  readonly exposed: readonly ExposedFile[];
  readonly onDidChange: vscode.Event<void>;
  /** The scanner in force; undefined when scanning is turned off. */
  readonly scanner: Scanner | undefined;
  /** The scanner, built now when no open document has needed it yet; undefined when scanning is turned off. */
  ensureScanner(): Promise<Scanner | undefined>;
  /** Files already alerted about in this session (URI strings). */
  readonly alerted: ReadonlySet<string>;
  /** The findings in an open document (none when it was not scanned). */
  findings(uri: vscode.Uri): readonly Finding[];
}

/** Where audit events go; none means they stay on this machine. */
export interface DeliveryTargets {
  endpoint?: string;
  otlpEndpoint?: string;
}

/** What the transparency view shows. */
export interface AuditSnapshot {
  targets: DeliveryTargets;
  tokenSet: boolean;
  /** The token is a per-developer (enrolled) one, so the server verifies who sends. */
  enrolled?: boolean;
  developer?: string;
  identitySource?: string;
  deliveryError?: string;
  events: { stats: QueueStats; queued: AuditEvent[]; sent: readonly AuditEvent[] };
  otlp?: QueueStats;
}

/** audit/auditRecorder.ts: class AuditRecorder */
export interface AuditService {
  /** Queue an event of the given type; common fields (id, time, developer, versions) are filled in. */
  record<T extends AuditEventType>(type: T, data: EventData<T>): void;
  /** Send what is queued now (best effort, bounded by `timeoutMs`). */
  flush(timeoutMs?: number): Promise<void>;
  /** What is queued (the oldest `maxEvents` events), what was sent and where it goes. */
  snapshot(maxEvents?: number): AuditSnapshot;
  /** Fires when events are queued or delivered, or the targets change. */
  readonly onDidChange: vscode.Event<void>;
  /** Where the audit server says these exception requests stand; undefined without an endpoint. */
  requestStatus(ids: readonly string[]): Promise<{ requestId: string; status: string; note?: string }[] | undefined>;
}

/** An AI agent found on this machine, and whether the policy hook runs in it (agents/agentHooks.ts). */
export interface AgentState {
  harness: string;
  name: string;
  /** The policy hook is installed for the user, or for this workspace. */
  hooked: boolean;
}

/** agents/agentHooks.ts: class AgentHooks */
export interface AgentHooksService {
  /** Agents found on this machine (empty until the first detection has run). */
  readonly agents: readonly AgentState[];
  readonly onDidChange: vscode.Event<void>;
  /** Installs the policy hook into the agents' configuration after asking; false when the person declined. */
  install(scope?: 'user' | 'project'): Promise<boolean>;
}

/** enforcement/driftWatcher.ts: class DriftWatcher */
export interface EnforcementService {
  /** VS Code settings this machine does not set as the policy requires (empty: none, or no policy). */
  readonly drift: readonly DriftItem[];
  readonly onDidChange: vscode.Event<void>;
  /** Compares the settings with the policy again (it also does so on every change of either). */
  refresh(): void;
}

/** exceptions/pendingRequests.ts: class PendingRequests */
export interface ExceptionRequestsService {
  /** Requests this developer sent that no policy exception or declined decision has answered yet. */
  readonly pending: readonly ExceptionRequest[];
  readonly onDidChange: vscode.Event<void>;
  add(request: ExceptionRequest): Promise<void>;
}

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  config: Config;
  audit: AuditService;
  policy: PolicyService;
  inventory: InventoryService;
  exposure: ExposureService;
  agents: AgentHooksService;
  enforcement: EnforcementService;
  requests: ExceptionRequestsService;
}
