// The status bar's words, from the inventory and the policy (no editor API here, so it can be unit-tested).
import type { Policy } from '../../core/policy/types';
import { reviewState } from '../../core/policy/status';
import type { ExceptionNote } from '../../core/tools/exceptions';
import { approvalText } from './exceptionText';
import type { Translate } from './translate';

export interface StatusInput {
  items: readonly { status: string; enabled: boolean; name: string; kind?: string; owner?: string; version?: string; exceptions?: readonly ExceptionNote[] }[];
  policy: Policy | undefined;
  exposed: number;
  now?: Date;
  /** Settings the organization's managed configuration pins on this machine (e.g. `policy source`). */
  managed?: string[];
  /** Agents found on this machine, and whether the policy hook is installed in each. */
  agents?: { name: string; hooks: boolean }[];
  /** VS Code settings this machine does not set as the policy requires. */
  drift?: readonly { setting: string; required: string }[];
}

export type StatusLevel = 'ok' | 'warning' | 'error' | 'none';

/** A message translator with `{0}` placeholders (the editor passes vscode.l10n.t). */
export type { Translate };
const plain: Translate = (m, ...a) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]));

export function statusSummary(input: StatusInput, t: Translate = plain): { text: string; level: StatusLevel; unapproved: number; prohibited: number } {
  // Extensions with a minor AI feature (LM tools, a chat participant) are listed, but unlisted ones are not
  // assistants to approve; once the policy names one (prohibited, restricted), it counts like any tool.
  const on = input.items.filter((i) => i.enabled);
  const prohibited = on.filter((i) => i.status === 'prohibited').length;
  const unapproved = on.filter((i) => i.status === 'restricted' || (i.status === 'unlisted' && i.kind !== 'ai-feature')).length;
  const eye = input.exposed > 0 ? ` $(eye) ${t('{0} exposed', input.exposed)}` : '';
  if (!input.policy) return { text: `$(circle-slash) ${t('AI: no policy')}${eye}`, level: 'none', unapproved, prohibited };
  if (prohibited) return { text: `$(error) ${t('AI: prohibited')}${eye}`, level: 'error', unapproved, prohibited };
  if (unapproved) return { text: `$(warning) ${t('AI: {0} unapproved', unapproved)}${eye}`, level: 'warning', unapproved, prohibited };
  return { text: `$(shield) ${t('AI: all approved')}${eye}`, level: input.exposed > 0 ? 'warning' : 'ok', unapproved, prohibited };
}

const STATUS_ORDER = ['prohibited', 'unlisted', 'restricted', 'approved'];
const md = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** Markdown for the tooltip: policy state (review overdue, expired), then one table row per tool. */
export function statusTooltip(input: StatusInput, t: Translate = plain): string {
  const now = input.now ?? new Date();
  const lines: string[] = [];
  const p = input.policy;
  if (!p) lines.push(t('**AI Tool Policy:** no policy in force.'));
  else {
    lines.push(t('**{0} AI tool policy** v{1}', md(p.organization), p.version));
    const review = reviewState(p, now);
    if (review.expired) lines.push('', `$(error) ${t('The policy expired on {0}.', p.expires ?? '')}`);
    if (review.reviewOverdue) lines.push('', `$(warning) ${t('Policy review overdue since {0}.', p.nextReview)}`);
  }
  if (input.exposed > 0) lines.push('', `$(eye) ${t('{0} open file(s) hold data an active AI tool is not cleared for.', input.exposed)}`);
  if (input.managed?.length) lines.push('', `$(lock) ${t('Managed by your organization: {0}.', input.managed.join(', '))}`);
  if (input.agents?.length) {
    const off = input.agents.filter((a) => !a.hooks).map((a) => md(a.name));
    const on = input.agents.filter((a) => a.hooks).map((a) => md(a.name));
    if (on.length) lines.push('', `$(shield) ${t('Agents blocked by the policy hook: {0}.', on.join(', '))}`);
    if (off.length) lines.push('', `$(warning) ${t('Agents without the policy hook: {0}.', off.join(', '))}`);
  }
  if (input.drift?.length) {
    lines.push('', `$(warning) ${t('This machine does not enforce: {0}.', input.drift.map((d) => `\`${d.setting}\` → ${md(d.required)}`).join(', '))}`);
  }
  const tools = [...input.items].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.name.localeCompare(b.name));
  if (tools.length) {
    lines.push('', `| ${t('Tool')} | ${t('Status')} | ${t('Owner')} |`, '|---|---|---|');
    for (const x of tools) lines.push(`| ${md(x.name)}${x.enabled ? '' : ` (${t('off')})`} | ${x.status} | ${x.owner ? md(x.owner) : '—'} |`);
    const excepted = tools.filter((x) => x.exceptions?.length);
    if (excepted.length) lines.push('', excepted.map((x) => `$(verified) ${md(x.name)}: ${(x.exceptions ?? []).map((n) => md(approvalText(n, t))).join('; ')}`).join('  \n'));
  } else lines.push('', t('No AI tools found.'));
  lines.push('', t('Click to open the AI tools view.'));
  return lines.join('\n');
}
