// The one message protocol between the policy viewer webview (src/webview/viewer.ts) and the extension.
// The webview script imports these types too, so this module imports types only.
import type { Policy } from '../../core/policy/types';

export interface ViewerTool {
  id: string;
  name: string;
  status: 'approved' | 'restricted' | 'prohibited';
  owner: string;
  dataClasses: string[];
  identifiers: string[];
  conditions: string[];
  requestAccess?: string;
  notes?: string;
}

export interface ViewerTraining {
  id: string;
  title: string;
  url: string;
  state: 'complete' | 'due' | 'overdue';
  dueDate?: string;
  completedAt?: string;
  basis?: string;
}

/** The policy's identity and dates, as the policy states them. */
type PolicyIdentity = Pick<Policy, 'organization' | 'version' | 'published' | 'effective' | 'expires' | 'reviewedOn' | 'nextReview'>;

export interface ViewerModel extends PolicyIdentity {
  reviewOverdue: boolean;
  expired: boolean;
  owner: string;
  contact: string;
  source: string;
  signature: 'valid' | 'unsigned' | 'not-required';
  documentUrl?: string;
  /** Safe HTML (rendered from Markdown with all input escaped). */
  summaryHtml: string;
  sections: { title: string; html: string }[];
  tools: ViewerTool[];
  dataClasses: { id: string; name: string; description?: string; clearedFor: string[] }[];
  dataRules: { id: string; className: string; description?: string; paths: string[]; pattern?: string }[];
  mcp?: { unlisted: string; servers: { name: string; status: string; owner: string; target?: string; dataClasses: string[]; conditions: string[] }[]; agents?: { autonomousMode: string; requireConfirmation: string[]; notes?: string } };
  disclosure?: { required: boolean; trailer: string; example: string; pullRequestSection?: string };
  trainings: ViewerTraining[];
  acknowledgement: { required: boolean; acknowledged: boolean; dueAt?: string; overdue: boolean; acknowledgedVersion?: number };
  /** What changed since the version this developer acknowledged (undefined: nothing acknowledged yet or same version). */
  changes?: { sinceVersion: number; items: string[] };
  problems: string[];
  /** This machine: settings the organization's managed configuration pins, and VS Code settings not enforced. */
  machine?: { managed: string[]; drift: { setting: string; policyName?: string; required: string; actual: string }[] };
}

/** The viewer's words in the editor's language (built by viewerStrings.ts); `{0}` marks a value. */
export interface ViewerStrings {
  noPolicy: string; expired: string; reviewOverdueSince: string; signatureVerified: string; unsigned: string;
  acknowledgedVersion: string; pleaseAcknowledge: string; versionOnly: string; overdueSince: string; dueBy: string; acknowledge: string;
  heading: string; meta: string; metaExpires: string; problems: string; changesSince: string;
  summary: string; fullText: string; tools: string; data: string; mcp: string; disclosure: string;
  discloseRequired: string; discloseOptional: string; pullRequests: string; training: string; review: string;
  owner: string; contact: string; reviewedOn: string; nextReview: string; expires: string; source: string;
  overdueMark: string; expiredMark: string; notSet: string; checkForUpdates: string;
  tool: string; status: string; clearedFor: string; conditions: string; requestAccess: string;
  dataClass: string; mayGoTo: string; description: string; noAiTool: string; rule: string; marksAs: string; matches: string;
  unlistedMcpProhibited: string; unlistedMcpWarn: string; server: string; autonomousMode: string; confirmEvery: string;
  due: string; renewBy: string; doneOn: string; completedIt: string;
  machine: string; managedByOrg: string; driftIntro: string; noDrift: string; setting: string; required: string; thisMachine: string; vscodePolicy: string; settingsOnly: string;
  /** Status words of tools, servers, agent mode and trainings, by their policy value. */
  statusNames: Record<string, string>;
}

/** The state a reopened viewer restores after a window reload (see the panel serializer). */
export interface ViewerState {
  scrollY?: number;
}

export type HostToViewer =
  | { type: 'model'; model: ViewerModel | undefined; strings: ViewerStrings }
  /** Scroll to an element id: a section (`tools`, `data`, `mcp`, `disclosure`, `training`, `review`, `changes`) or `tool-<id>`. */
  | { type: 'reveal'; elementId: string };

/** Maps what callers of aiPolicy.showPolicy pass (`tools`, `tool:<id>`, `dataHandling`, …) to an element id. */
export function revealTarget(arg: unknown): string | undefined {
  if (typeof arg !== 'string' || !/^[A-Za-z0-9._:-]{1,120}$/.test(arg)) return undefined;
  if (arg.startsWith('tool:')) return `tool-${arg.slice(5)}`;
  const aliases: Record<string, string> = { dataHandling: 'data', data: 'data', tools: 'tools', mcp: 'mcp', disclosure: 'disclosure', training: 'training', review: 'review', changes: 'changes', machine: 'machine', summary: 'summary', acknowledgement: 'acknowledgement' };
  return aliases[arg];
}

export type ViewerToHost =
  | { type: 'ready' }
  | { type: 'acknowledge' }
  | { type: 'refresh' }
  | { type: 'completeTraining'; id: string }
  | { type: 'openLink'; url: string };

export function isViewerMessage(m: unknown): m is ViewerToHost {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'acknowledge' || t === 'refresh') return true;
  if (t === 'completeTraining') return typeof (m as { id?: unknown }).id === 'string';
  if (t === 'openLink') return typeof (m as { url?: unknown }).url === 'string';
  return false;
}
