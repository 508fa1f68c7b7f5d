// The status bar's words, from the inventory and the policy (no editor API here, so it can be unit-tested).
import type { Policy } from '../../core/policy/types';

export interface StatusInput {
  items: readonly { status: string; enabled: boolean; name: string; kind?: string; owner?: string; version?: string }[];
  policy: Policy | undefined;
  exposed: number;
  now?: Date;
}

export type StatusLevel = 'ok' | 'warning' | 'error' | 'none';

export function statusSummary(input: StatusInput): { text: string; level: StatusLevel; unapproved: number; prohibited: number } {
  // Extensions with a minor AI feature (LM tools, a chat participant) are listed, but are not assistants to approve.
  const on = input.items.filter((i) => i.enabled && i.kind !== 'ai-feature');
  const prohibited = on.filter((i) => i.status === 'prohibited').length;
  const unapproved = on.filter((i) => i.status === 'restricted' || i.status === 'unlisted').length;
  const eye = input.exposed > 0 ? ` $(eye) ${input.exposed} exposed` : '';
  if (!input.policy) return { text: `$(circle-slash) AI: no policy${eye}`, level: 'none', unapproved, prohibited };
  if (prohibited) return { text: `$(error) AI: prohibited${eye}`, level: 'error', unapproved, prohibited };
  if (unapproved) return { text: `$(warning) AI: ${unapproved} unapproved${eye}`, level: 'warning', unapproved, prohibited };
  return { text: `$(shield) AI: all approved${eye}`, level: input.exposed > 0 ? 'warning' : 'ok', unapproved, prohibited };
}

const STATUS_ORDER = ['prohibited', 'unlisted', 'restricted', 'approved'];
const md = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** Markdown for the tooltip: policy state (review overdue, expired), then one table row per tool. */
export function statusTooltip(input: StatusInput): string {
  const now = input.now ?? new Date();
  const lines: string[] = [];
  const p = input.policy;
  if (!p) lines.push('**AI Tool Policy:** no policy in force.');
  else {
    lines.push(`**${md(p.organization)} AI tool policy** v${p.version}`);
    const today = now.toISOString().slice(0, 10);
    if (p.expires && p.expires < today) lines.push('', `$(error) The policy expired on ${p.expires}.`);
    if (p.nextReview && p.nextReview < today) lines.push('', `$(warning) Policy review overdue since ${p.nextReview}.`);
  }
  if (input.exposed > 0) lines.push('', `$(eye) ${input.exposed} open file(s) hold data an active AI tool is not cleared for.`);
  const tools = [...input.items].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.name.localeCompare(b.name));
  if (tools.length) {
    lines.push('', '| Tool | Status | Owner |', '|---|---|---|');
    for (const t of tools) lines.push(`| ${md(t.name)}${t.enabled ? '' : ' (off)'} | ${t.status} | ${t.owner ? md(t.owner) : '—'} |`);
  } else lines.push('', 'No AI tools found.');
  lines.push('', 'Click to open the AI tools view.');
  return lines.join('\n');
}
