// The editor's own AI features and what keeps a sensitive file out of them. Setting ids and defaults are the
// ones VS Code 1.139 and its built-in Copilot extension (copilot-chat 0.67) register:
// - `chat.implicitContext.enabled` ({ panel: "always" } by default): the chat attaches the active editor on its
//   own; "never" stops that for every file. Copilot content exclusion (`copilot-content-exclusion`) also keeps an
//   excluded file out, per file, where the organization's Copilot plan has it.
// - `github.copilot.enable` (per language id, `"*": true` by default): inline completions; `dotenv` is the
//   language VS Code gives `.env` and `.env.*` files.
// - `chat.agent.sandbox.fileSystem.linux|mac` `denyRead` (literal paths only, no globs): the agent's terminal
//   sandbox, on when `chat.agent.sandbox.enabled` is "on" (a VS Code policy, see vscodePolicy.ts).
// Nothing here stops what a developer attaches or selects on purpose, or an AI quick fix run on a line.
import { pathDenials, SECRET_CLASS } from '../export/pathDenials';
import { sensitivePathsInForce } from '../export/sensitivePaths';
import type { Policy } from '../policy/types';

/** Identifiers of the editor's chat and of Copilot (the policy names them in `tools[].identifiers`). */
export const EDITOR_CHAT_IDS = ['vscode.chat', 'github.copilot-chat'] as const;
export const COMPLETION_IDS = ['github.copilot', 'github.copilot-chat'] as const;

/** The language ids of files that are secrets by their name. */
export const SECRET_LANGUAGES = ['dotenv'] as const;

/** Copilot's own default for `github.copilot.enable`. */
export const COPILOT_ENABLE_DEFAULT: Readonly<Record<string, boolean>> = { '*': true, plaintext: false, markdown: false, scminput: false };

/** The data classes the policy clears a tool for (by any of `ids`); none when the policy does not list it. */
function clearedFor(policy: Policy, ids: readonly string[]): Set<string> {
  const lower = ids.map((i) => i.toLowerCase());
  const entries = (policy.tools ?? []).filter((t) => t.status !== 'prohibited' && t.identifiers.some((i) => lower.includes(i.toLowerCase())));
  return new Set(entries.flatMap((t) => t.dataClasses ?? []));
}

/** Whether the editor's chat may see every class the sensitive path rules in force name. */
export function chatClearedForSensitiveFiles(policy: Policy): boolean {
  const cleared = clearedFor(policy, EDITOR_CHAT_IDS);
  return sensitivePathsInForce(policy).paths.every((p) => cleared.has(p.class));
}

/** The settings that keep sensitive files out of the editor's chat and completions, as the policy requires. */
export function editorContextSettings(policy: Policy): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!chatClearedForSensitiveFiles(policy)) out['chat.implicitContext.enabled'] = { panel: 'never' };
  if (!clearedFor(policy, COMPLETION_IDS).has(SECRET_CLASS)) {
    out['github.copilot.enable'] = { ...COPILOT_ENABLE_DEFAULT, ...Object.fromEntries(SECRET_LANGUAGES.map((l) => [l, false])) };
  }
  if (policy.mcp?.agents) {
    const { workspace, home } = pathDenials(policy);
    // Literal paths only: the setting takes no globs, so `.env` names the workspace root's file.
    const literal = [...workspace.filter((g) => !/[*?[\]{}/]/.test(g)), ...home];
    const denyRead = [...new Set(literal)];
    if (denyRead.length) {
      out['chat.agent.sandbox.fileSystem.linux'] = { denyRead };
      out['chat.agent.sandbox.fileSystem.mac'] = { denyRead };
    }
  }
  return out;
}

/** Whether implicit context is off in every chat location the effective value names. */
export function implicitContextOff(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.panel === 'never' && Object.values(v).every((x) => x === 'never');
}

/** Whether Copilot's inline completions are on for a language under the effective `github.copilot.enable`. */
export function completionsOn(value: unknown, languageId: string): boolean {
  const v = value && typeof value === 'object' && !Array.isArray(value) ? { ...COPILOT_ENABLE_DEFAULT, ...(value as Record<string, unknown>) } : COPILOT_ENABLE_DEFAULT;
  const own = v[languageId];
  return own !== undefined ? own !== false : v['*'] !== false;
}

/** What the editor's own settings stop for one open file: implicit chat context and inline completions. */
export function editorExposure(settings: { implicitContext: unknown; copilotEnable: unknown }, languageId: string): { implicitContext: boolean; completions: boolean } {
  return { implicitContext: !implicitContextOff(settings.implicitContext), completions: completionsOn(settings.copilotEnable, languageId) };
}
