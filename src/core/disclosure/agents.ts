// The AI agents a commit trailer can name, and how each signs its co-authorship. The patterns follow what
// each agent writes by default (its documented or observed `Co-authored-by:` line; bot accounts are the
// GitHub Apps the agents commit as): a name or an address that matches names the agent, never a person.
export interface KnownAgent {
  id: string;
  name: string;
  /** Matched against the whole trailer value (`Name <address>`), case-insensitive. */
  pattern: RegExp;
}

export const KNOWN_AGENTS: readonly KnownAgent[] = [
  // Claude Code: `Co-Authored-By: Claude <noreply@anthropic.com>` (also "Claude Opus 4.5 <...>").
  { id: 'claude', name: 'Claude', pattern: /@anthropic\.com>|^claude\b|\bclaude code\b/i },
  // GitHub Copilot coding agent: `Copilot <...+Copilot@users.noreply.github.com>`, copilot-swe-agent[bot].
  { id: 'copilot', name: 'GitHub Copilot', pattern: /\bcopilot\b/i },
  // Cursor's agent: `Cursor Agent <cursoragent@cursor.com>`.
  { id: 'cursor', name: 'Cursor', pattern: /@cursor\.com>|^cursor( agent)?\b/i },
  // OpenAI Codex: `Codex <codex@openai.com>`, chatgpt-codex-connector[bot].
  { id: 'codex', name: 'OpenAI Codex', pattern: /\bcodex\b|@openai\.com>/i },
  // Gemini CLI and Code Assist: gemini-code-assist[bot], `Gemini <...>`.
  { id: 'gemini', name: 'Google Gemini', pattern: /\bgemini\b/i },
  // Google Jules: google-labs-jules[bot] (a bare "Jules" is a person's name).
  { id: 'jules', name: 'Google Jules', pattern: /google-labs-jules|\bgoogle jules\b/i },
  // Aider: `aider (<model>) <noreply@aider.chat>`.
  { id: 'aider', name: 'Aider', pattern: /@aider\.chat>|^aider\b/i },
  // Devin: devin-ai-integration[bot] (a bare "Devin" is a person's name).
  { id: 'devin', name: 'Devin AI', pattern: /devin-ai-integration|\bdevin ai\b|@cognition(-labs)?\.ai>/i },
  // Windsurf (Codeium): `Windsurf <...@codeium.com>`, Cascade.
  { id: 'windsurf', name: 'Windsurf', pattern: /\bwindsurf\b|@codeium\.com>|^cascade\b/i },
  // Amazon Q Developer: amazon-q-developer[bot].
  { id: 'amazon-q', name: 'Amazon Q Developer', pattern: /\bamazon[ -]q\b/i },
  // OpenHands: `openhands <openhands@all-hands.dev>`.
  { id: 'openhands', name: 'OpenHands', pattern: /\bopenhands\b|@all-hands\.dev>/i },
  { id: 'tabnine', name: 'Tabnine', pattern: /\btabnine\b/i },
  // Sweep: sweep-ai[bot].
  { id: 'sweep', name: 'Sweep', pattern: /\bsweep(-ai)?\[bot\]|^sweep\b/i },
  { id: 'cline', name: 'Cline', pattern: /^cline\b|@cline\.bot>/i },
  { id: 'roo', name: 'Roo Code', pattern: /\broo[ -]?code\b/i },
  { id: 'zed', name: 'Zed AI', pattern: /\bzed (ai|agent)\b/i },
  { id: 'chatgpt', name: 'ChatGPT', pattern: /\bchatgpt\b/i },
];

/** The known agent a trailer value names, if any. */
export function agentOf(value: string): KnownAgent | undefined {
  const v = value.trim();
  return KNOWN_AGENTS.find((a) => a.pattern.test(v));
}

/** A lower-case id for a tool name no table knows (`Acme AI` -> `acme-ai`). */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * The tools an `Assisted-by:`/`Generated-by:` value names: comma- or `and`-separated names, each a known
 * agent's id or its slug ("GitHub Copilot, Claude Code" -> copilot, claude).
 */
export function toolsOf(value: string): string[] {
  const out = new Set<string>();
  for (const part of value.split(/,|;|\band\b|&/i)) {
    const name = part.trim();
    if (!name) continue;
    const id = agentOf(name)?.id ?? slug(name);
    if (id) out.add(id);
  }
  return [...out];
}
