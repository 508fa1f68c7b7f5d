// The shared services that the editor features use. activate() builds one of each, in this order,
// and hands the bag to each feature's register function. Each interface is implemented by the class
// named beside it, in the file named beside it.
import type vscode = require('vscode');
import type { LoadedPolicy, PolicyProblem } from '../core/policy/types';
import type { Config } from './config';

/** policy/policyStore.ts: class PolicyStore */
export interface PolicyService {
  /** The policy in force (last known good), if any. */
  readonly current: LoadedPolicy | undefined;
  /** Problems of the last load attempt (empty when it succeeded). */
  readonly problems: readonly PolicyProblem[];
  /** Fires when the policy in force changes (including to undefined). */
  readonly onDidChange: vscode.Event<LoadedPolicy | undefined>;
  /** Reload from the configured source now. */
  refresh(): Promise<void>;
  /** Whether the developer has acknowledged the current version. */
  isAcknowledged(): boolean;
}

/** One AI tool seen in this editor, classified against the policy. */
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
}

/** tools/toolInventory.ts: class ToolInventory */
export interface InventoryService {
  readonly items: readonly InventoryItem[];
  readonly onDidChange: vscode.Event<readonly InventoryItem[]>;
  /** AI tools that are enabled and active (can read the editor) right now. */
  activeTools(): InventoryItem[];
  refresh(): Promise<void>;
}

/** exposure/exposureWatcher.ts: class ExposureWatcher */
export interface ExposureService {
  /** Workspace-relative paths (or URIs) of open files with data that an active tool is not cleared for. */
  readonly exposed: readonly { uri: string; classes: string[]; tools: string[] }[];
  readonly onDidChange: vscode.Event<void>;
}

/** audit/auditRecorder.ts: class AuditRecorder */
export interface AuditService {
  /** Queue an event of the given type; common fields (id, time, developer, versions) are filled in. */
  record(type: string, data: Record<string, unknown>): void;
  /** Send what is queued now (best effort). */
  flush(): Promise<void>;
}

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  config: Config;
  audit: AuditService;
  policy: PolicyService;
  inventory: InventoryService;
  exposure: ExposureService;
}
