// What the host tests may reach inside the running extension. activate() returns it only when VS Code
// runs the extension for tests (ExtensionMode.Test), so no co-installed extension can patch a service.
import vscode = require('vscode');
import type { AgentHooks, AgentHooksOptions } from './editor/agents/agentHooks';
import type { RecordedEvent } from './editor/audit/auditRecorder';
import { DIAGNOSTIC_SOURCE } from './editor/diagnosticSource';
import type { ExposureEvaluation } from './editor/exposure/exposureWatcher';
import type { InventoryItem, Services } from './editor/services';
import type { ToolsUi } from './editor/tools';
import { requestException, type Prompts } from './editor/tools/requestDialog';
import type { ExceptionRequest } from './core/policy/exceptionRequest';
import { trustManagedFileOwnerForTests } from './core/managed/managedConfig';

export interface ToolsState {
  statusText: string;
  badge: number;
  tooltip: string;
  view: { status: string; tools: { id: string; name: string; description: string }[] }[];
  warned: string[];
  sessionTools: string[];
  items: readonly InventoryItem[];
}

export interface ExposureState {
  exposed: { uri: string; classes: string[]; tools: string[] }[];
  /** Workspace-relative paths alerted about in this session. */
  alerted: string[];
  diagnostics: { path: string; items: { code: string; target?: string; message: string; line: number; severity: number }[] }[];
}

export interface TestHooks {
  readonly services: Services;
  /** Every audit event as recorded (type and data as passed to record()), synchronously. */
  readonly onDidRecordAudit: vscode.Event<RecordedEvent>;
  /** Every evaluation of the open files for exposure (which were shown, at which scanned version). */
  readonly onDidEvaluateExposure: vscode.Event<ExposureEvaluation>;
  toolsState(): ToolsState;
  exposureState(): ExposureState;
  /** Agent hooks read and write under these folders instead of the real home and state folder. */
  retargetAgents(options: AgentHooksOptions): Promise<void>;
  /** Reads the managed configuration from this file instead of the platform's fixed path (owned by root or the test's user). */
  setManagedConfigPath(file: string): void;
  /** How many times the policy store has parsed and validated a policy text. */
  policyParses(): number;
  /** Runs "Request an Exception" with these answers instead of VS Code's input boxes. */
  requestException(arg: unknown, prompts: Prompts): Promise<ExceptionRequest | undefined>;
  /** The tools view's pending requests as shown. */
  pendingRequests(): { requestId: string; label: string; description: string }[];
  /**
   * Moves the clock the tool inventory judges exceptions by to `at` (running on from there), or back to the
   * real clock when undefined, and classifies again. The product has no clock setting; only tests move it.
   */
  setClock(at: Date | undefined): Promise<void>;
}

/** Only a test run gets the hooks: an extension installed for real returns nothing from activate(). */
export function hooksAllowed(mode: vscode.ExtensionMode): boolean {
  return mode === vscode.ExtensionMode.Test;
}

export function testHooks(
  services: Services,
  tools: ToolsUi,
  events: { onDidRecordAudit: vscode.Event<RecordedEvent>; onDidEvaluateExposure: vscode.Event<ExposureEvaluation> },
  agents: AgentHooks,
  policyStore: { readonly parses: number },
  inventory: { setClock(now: () => Date): Promise<void> },
): TestHooks {
  const rel = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
  return {
    services,
    ...events,
    retargetAgents: (options) => agents.retarget(options),
    setManagedConfigPath: (file) => {
      // A test run as a regular user cannot make the file root's: its own uid is trusted as the owner instead.
      trustManagedFileOwnerForTests(process.getuid?.());
      services.config.setManagedPath(file);
    },
    policyParses: () => policyStore.parses,
    requestException: (arg, prompts) => requestException(services, arg, prompts),
    pendingRequests: () => tools.view.pendingSnapshot(),
    setClock: (at) => {
      const offset = at ? at.getTime() - Date.now() : 0;
      return inventory.setClock(() => new Date(Date.now() + offset));
    },
    toolsState: () => ({
      statusText: tools.status.text,
      badge: tools.tree.badge?.value ?? 0,
      tooltip: tools.status.tooltip,
      view: tools.view.snapshot(),
      warned: tools.warnings.warnedIds,
      sessionTools: tools.session.names(),
      items: services.inventory.items,
    }),
    exposureState: () => ({
      exposed: services.exposure.exposed.map((e) => ({ ...e })),
      alerted: [...services.exposure.alerted].map((u) => rel(vscode.Uri.parse(u))),
      diagnostics: vscode.languages
        .getDiagnostics()
        .map(([uri, ds]) => ({ uri, ds: ds.filter((d) => d.source === DIAGNOSTIC_SOURCE) }))
        .filter(({ ds }) => ds.length > 0)
        .map(({ uri, ds }) => ({
          path: rel(uri),
          items: ds.map((d) => ({ code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''), target: typeof d.code === 'object' ? d.code.target.toString() : undefined, message: d.message, line: d.range.start.line, severity: d.severity })),
        })),
    }),
  };
}
