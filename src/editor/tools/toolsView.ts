// The tools view: AI tools grouped by status, each with owner, version, conditions and reasons.
import vscode = require('vscode');
import { Disposable } from '../lifecycle';
import { describeThing, type ExceptionRequest } from '../../core/policy/exceptionRequest';
import type { ExceptionRequestsService, InventoryItem, InventoryService } from '../services';
import { approvalText } from './exceptionText';

const GROUPS: { status: InventoryItem['status']; label: () => string; icon: string; color?: string }[] = [
  { status: 'prohibited', label: () => vscode.l10n.t('Prohibited'), icon: 'error', color: 'errorForeground' },
  { status: 'unlisted', label: () => vscode.l10n.t('Unlisted'), icon: 'question', color: 'editorWarning.foreground' },
  { status: 'restricted', label: () => vscode.l10n.t('Restricted here'), icon: 'warning', color: 'editorWarning.foreground' },
  { status: 'approved', label: () => vscode.l10n.t('Approved'), icon: 'pass', color: 'testing.iconPassed' },
];

export type ToolsNode =
  | { type: 'group'; status: InventoryItem['status']; tools: InventoryItem[] }
  | { type: 'tool'; tool: InventoryItem }
  | { type: 'detail'; label: string; icon: string; tool: InventoryItem }
  | { type: 'requests'; requests: readonly ExceptionRequest[] }
  | { type: 'request'; request: ExceptionRequest };

export class ToolsView extends Disposable implements vscode.TreeDataProvider<ToolsNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<ToolsNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly inventory: InventoryService,
    private readonly requests?: ExceptionRequestsService,
  ) {
    super();
    this._register(inventory.onDidChange(() => this.emitter.fire(undefined)));
    if (requests) this._register(requests.onDidChange(() => this.emitter.fire(undefined)));
  }

  /** The pending exception requests as shown (for tests). */
  pendingSnapshot(): { requestId: string; label: string; description: string }[] {
    return (this.requests?.pending ?? []).map((r) => ({ requestId: r.requestId, label: describeThing(r.what), description: requestDescription(r) }));
  }

  /** The groups and their tools as shown (for tests). */
  snapshot(): { status: string; tools: { id: string; name: string; description: string }[] }[] {
    return this.groups().map((g) => ({
      status: g.status,
      tools: g.tools.map((t) => ({ id: t.id, name: t.name, description: describe(t) })),
    }));
  }

  private groups(): Extract<ToolsNode, { type: 'group' }>[] {
    const items = this.inventory.items;
    return GROUPS.map((g) => ({ type: 'group' as const, status: g.status, tools: items.filter((t) => t.status === g.status).sort((a, b) => a.name.localeCompare(b.name)) })).filter(
      (g) => g.tools.length > 0,
    );
  }

  getChildren(node?: ToolsNode): ToolsNode[] {
    const pending = this.requests?.pending ?? [];
    if (!node) return [...this.groups(), ...(pending.length ? [{ type: 'requests' as const, requests: pending }] : [])];
    if (node.type === 'requests') return node.requests.map((request) => ({ type: 'request', request }));
    if (node.type === 'group') return node.tools.map((tool) => ({ type: 'tool', tool }));
    if (node.type === 'tool') return details(node.tool);
    return [];
  }

  getTreeItem(node: ToolsNode): vscode.TreeItem {
    if (node.type === 'requests') {
      const item = new vscode.TreeItem(vscode.l10n.t('Pending exception requests'), vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'group:requests';
      item.description = String(node.requests.length);
      item.iconPath = new vscode.ThemeIcon('clock');
      return item;
    }
    if (node.type === 'request') {
      const r = node.request;
      const item = new vscode.TreeItem(describeThing(r.what), vscode.TreeItemCollapsibleState.None);
      item.id = `request:${r.requestId}`;
      item.description = requestDescription(r);
      item.tooltip = `${r.requestId}\n${r.reason}`;
      item.iconPath = new vscode.ThemeIcon('git-pull-request-draft');
      item.contextValue = 'aiPolicyRequest';
      return item;
    }
    if (node.type === 'group') {
      const g = GROUPS.find((x) => x.status === node.status)!;
      const item = new vscode.TreeItem(g.label(), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.status}`;
      item.description = String(node.tools.length);
      item.iconPath = new vscode.ThemeIcon(g.icon, g.color ? new vscode.ThemeColor(g.color) : undefined);
      return item;
    }
    if (node.type === 'tool') {
      const t = node.tool;
      const item = new vscode.TreeItem(t.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `tool:${t.source}:${t.id}`;
      item.description = describe(t);
      item.tooltip = tooltip(t);
      item.iconPath = new vscode.ThemeIcon(t.source === 'mcp' ? 'server' : t.source === 'model' ? 'sparkle' : t.source === 'builtin' ? 'comment-discussion' : 'extensions');
      // The status is last, so that menus can offer "Request an exception" for what is not approved.
      item.contextValue = ['aiPolicyTool', t.source, t.requestAccess ? 'request' : '', t.policyToolId ? 'listed' : '', t.status].filter(Boolean).join('.');
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.tooltip = node.label;
    return item;
  }
}

function requestDescription(r: ExceptionRequest): string {
  const whom = r.scope === 'team' ? vscode.l10n.t('team {0}', r.team ?? '') : r.scope === 'repository' ? (r.repository ?? '') : vscode.l10n.t('for me');
  return vscode.l10n.t('{0} · {1} days · asked {2}', whom, r.days, r.requestedAt.slice(0, 10));
}

function describe(t: InventoryItem): string {
  const approval = t.exceptions?.[0] ? approvalText(t.exceptions[0], vscode.l10n.t) : undefined;
  return [t.version, t.owner ? t.owner.replace(/\s*<[^>]*>/, '') : undefined, approval, t.enabled ? (t.active ? vscode.l10n.t('active') : undefined) : vscode.l10n.t('off')]
    .filter(Boolean)
    .join(' · ');
}

function details(t: InventoryItem): ToolsNode[] {
  const d = (label: string, icon: string): ToolsNode => ({ type: 'detail', label, icon, tool: t });
  return [
    d(`${vscode.l10n.t('Owner')}: ${t.owner ?? vscode.l10n.t('none (not in the policy)')}`, 'person'),
    ...(t.dataClasses.length ? [d(`${vscode.l10n.t('Cleared for')}: ${t.dataClasses.join(', ')}`, 'shield')] : []),
    ...(t.exceptions ?? []).map((n) => d(`${approvalText(n, vscode.l10n.t)} (${vscode.l10n.t('exception {0}', n.id)})`, 'calendar')),
    ...t.conditions.map((c) => d(`${vscode.l10n.t('Condition')}: ${c}`, 'law')),
    ...t.reasons.map((r) => d(r, 'info')),
    ...(t.requestAccess ? [d(`${vscode.l10n.t('Request access')}: ${t.requestAccess}`, 'link-external')] : []),
  ];
}

function tooltip(t: InventoryItem): vscode.MarkdownString {
  const m = new vscode.MarkdownString();
  m.appendMarkdown(`**${t.name}** \`${t.id}\`${t.version ? ` ${t.version}` : ''}\n\n`);
  m.appendMarkdown(`${vscode.l10n.t('Status')}: **${t.status}** · ${t.kind}${t.enabled ? '' : ` · ${vscode.l10n.t('off')}`}\n\n`);
  if (t.owner) m.appendText(`${vscode.l10n.t('Owner')}: ${t.owner}\n\n`);
  for (const r of t.reasons) m.appendText(`• ${r}\n`);
  return m;
}
