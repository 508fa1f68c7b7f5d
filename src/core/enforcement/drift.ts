// Drift: what the policy asks of VS Code's own settings, and which of those this machine's effective settings
// do not enforce. Pure (the editor reads the settings and passes them in), so it is unit-tested and shared.
import type { Policy } from '../policy/types';
import { VSCODE_POLICY_NAMES, vscodePolicies, type VscodePolicyName } from '../export/vscodePolicy';
import { COPILOT_ENABLE_DEFAULT, completionsOn, editorContextSettings, implicitContextOff, SECRET_LANGUAGES } from './editorContext';

/**
 * The VS Code settings drift compares: the settings behind the exported policy names, and the editor-context
 * settings of the `vscode-settings` export (no VS Code policy carries those).
 */
export const DRIFT_SETTINGS = [
  'chat.agent.enabled', 'chat.tools.global.autoApprove', 'chat.tools.terminal.enableAutoApprove', 'chat.mcp.access', 'extensions.allowed', 'chat.useHooks',
  'chat.agent.sandbox.enabled', 'chat.agent.sandbox.allowUnsandboxedCommands', 'chat.implicitContext.enabled', 'github.copilot.enable',
  'chat.agent.sandbox.fileSystem.linux', 'chat.agent.sandbox.fileSystem.mac',
] as const;

/** The agent sandbox's file system setting of a platform (`process.platform`); Windows has its own sandbox switch. */
const SANDBOX_FS: Readonly<Record<string, DriftSetting>> = { linux: 'chat.agent.sandbox.fileSystem.linux', darwin: 'chat.agent.sandbox.fileSystem.mac' };

export type DriftSetting = (typeof DRIFT_SETTINGS)[number];

/** The effective values of the settings (undefined: not set anywhere, VS Code's default applies). */
export type EffectiveSettings = Partial<Record<DriftSetting, unknown>>;

export interface DriftItem {
  setting: DriftSetting;
  /**
   * The VS Code policy name that would enforce it (what `ai-policy export --target vscode-policy-json` writes);
   * undefined for a setting no policy carries (`ai-policy export --target vscode-settings` writes those).
   */
  policyName?: VscodePolicyName;
  /** What the policy requires, in words. */
  required: string;
  /** What this machine has, in words. */
  actual: string;
}

const POLICY_OF: Readonly<Partial<Record<DriftSetting, VscodePolicyName>>> = Object.fromEntries(
  (Object.entries(VSCODE_POLICY_NAMES) as [VscodePolicyName, string][]).filter(([, s]) => (DRIFT_SETTINGS as readonly string[]).includes(s)).map(([n, s]) => [s, n]),
) as Partial<Record<DriftSetting, VscodePolicyName>>;

const show = (v: unknown) => (v === undefined ? 'default' : JSON.stringify(v));

/** VS Code's defaults for the settings when nothing sets them. */
const DEFAULTS: Readonly<Record<DriftSetting, unknown>> = {
  'chat.agent.enabled': true,
  'chat.tools.global.autoApprove': false,
  'chat.tools.terminal.enableAutoApprove': true,
  'chat.mcp.access': 'all',
  'extensions.allowed': undefined,
  'chat.useHooks': true,
  'chat.agent.sandbox.enabled': 'off',
  'chat.agent.sandbox.allowUnsandboxedCommands': true,
  'chat.implicitContext.enabled': { panel: 'always' },
  'github.copilot.enable': COPILOT_ENABLE_DEFAULT,
  'chat.agent.sandbox.fileSystem.linux': { denyRead: [] },
  'chat.agent.sandbox.fileSystem.mac': { denyRead: [] },
};

/** The `denyRead` list of an effective sandbox file system value. */
function denyReadOf(value: unknown): string[] {
  const list = value && typeof value === 'object' ? (value as { denyRead?: unknown }).denyRead : undefined;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** Whether `extensions.allowed` blocks an extension id (by its own entry, its publisher's, or `"*": false`). */
function extensionBlocked(allowed: unknown, id: string): boolean {
  if (!allowed || typeof allowed !== 'object' || Array.isArray(allowed)) return false;
  const map = allowed as Record<string, unknown>;
  const lower = Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  const own = lower[id];
  if (own !== undefined) return own === false;
  const publisher = lower[id.split('.')[0]];
  if (publisher !== undefined) return publisher === false;
  return lower['*'] === false;
}

/**
 * The settings this machine does not enforce as the policy requires, in DRIFT_SETTINGS order. `platform` (as
 * `process.platform`) picks the agent sandbox's file system setting that applies on this machine.
 */
export function driftOf(policy: Policy, effective: EffectiveSettings, platform = 'linux'): DriftItem[] {
  const want = vscodePolicies(policy);
  const out: DriftItem[] = [];
  const value = (s: DriftSetting) => (effective[s] === undefined ? DEFAULTS[s] : effective[s]);
  const add = (setting: DriftSetting, required: string) => {
    const policyName = POLICY_OF[setting];
    out.push({ setting, ...(policyName ? { policyName } : {}), required, actual: show(effective[setting] ?? DEFAULTS[setting]) });
  };

  if (want.ChatAgentMode === false && value('chat.agent.enabled') !== false) add('chat.agent.enabled', 'false');
  if (want.ChatToolsAutoApprove === false && value('chat.tools.global.autoApprove') === true) add('chat.tools.global.autoApprove', 'false');
  if (want.ChatToolsTerminalEnableAutoApprove === false && value('chat.tools.terminal.enableAutoApprove') !== false) add('chat.tools.terminal.enableAutoApprove', 'false');
  if (want.ChatMCP === 'none') {
    const v = value('chat.mcp.access');
    if (v !== 'none' && v !== false) add('chat.mcp.access', '"none"');
  }
  if (want.AllowedExtensions && typeof want.AllowedExtensions === 'object') {
    const blocked = Object.entries(want.AllowedExtensions as Record<string, unknown>).filter(([id, v]) => id !== '*' && v === false).map(([id]) => id);
    const missing = blocked.filter((id) => !extensionBlocked(effective['extensions.allowed'], id));
    if (missing.length) {
      out.push({ setting: 'extensions.allowed', policyName: 'AllowedExtensions', required: `${missing.join(', ')}: false`, actual: effective['extensions.allowed'] === undefined ? 'default' : `${missing.length} not blocked` });
    }
  }
  if (want.ChatHooks === true && value('chat.useHooks') === false) add('chat.useHooks', 'true');
  if (want.ChatAgentSandboxEnabled === 'on' && value('chat.agent.sandbox.enabled') !== 'on') add('chat.agent.sandbox.enabled', '"on"');
  if (want.ChatAgentSandboxAllowUnsandboxedCommands === false && value('chat.agent.sandbox.allowUnsandboxedCommands') !== false) add('chat.agent.sandbox.allowUnsandboxedCommands', 'false');
  const editor = editorContextSettings(policy);
  if (editor['chat.implicitContext.enabled'] && !implicitContextOff(value('chat.implicitContext.enabled'))) add('chat.implicitContext.enabled', '{"panel":"never"}');
  if (editor['github.copilot.enable']) {
    const on = SECRET_LANGUAGES.filter((l) => completionsOn(value('github.copilot.enable'), l));
    if (on.length) out.push({ setting: 'github.copilot.enable', required: on.map((l) => `${l}: false`).join(', '), actual: on.map((l) => `${l}: on`).join(', ') });
  }
  const fsSetting = SANDBOX_FS[platform];
  const wantRead = fsSetting ? denyReadOf(editor[fsSetting]) : [];
  if (fsSetting && wantRead.length) {
    const have = new Set(denyReadOf(value(fsSetting)));
    const missing = wantRead.filter((p) => !have.has(p));
    // Counts only: the paths name the organization's secret files and stay out of audit events and logs.
    if (missing.length) out.push({ setting: fsSetting, required: `denyRead with ${wantRead.length} paths`, actual: `${missing.length} missing` });
  }
  return out;
}

/** A stable key for a drift list, to tell when it changed. */
export function driftKey(items: readonly DriftItem[]): string {
  return items.map((d) => `${d.setting}=${d.required}`).join('|');
}
