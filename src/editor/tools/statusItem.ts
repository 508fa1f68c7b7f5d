// The status bar item: the state in a few characters, a Markdown tooltip, a click that opens the tools view.
import vscode = require('vscode');
import { Disposable } from '../lifecycle';
import type { InventoryItem, Services } from '../services';
import { REQUEST_COMMAND } from './requestCommand';
import { MANAGED_LABELS } from '../managedLabels';
import { statusSummary, statusTooltip } from './statusText';

export class StatusItem extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('aiPolicy.status', vscode.StatusBarAlignment.Left, 100));

  constructor(private readonly s: Services) {
    super();
    this.item.name = vscode.l10n.t('AI Tool Policy');
    this.item.command = 'aiPolicy.showTools';
    const update = () => this.update();
    this._register(s.inventory.onDidChange(update));
    this._register(s.policy.onDidChange(update));
    this._register(s.exposure.onDidChange(update));
    this._register(s.agents.onDidChange(update));
    this._register(s.enforcement.onDidChange(update));
    this._register(s.config.onDidChange(update));
    this.update();
    this.item.show();
  }

  /** The text on the status bar now (for tests and the UI checks). */
  get text(): string {
    return this.item.text;
  }
  get tooltip(): string {
    const t = this.item.tooltip;
    return typeof t === 'string' ? t : (t?.value ?? '');
  }

  update(): void {
    const managed = this.s.config.managed.keys.map((k) => MANAGED_LABELS[k]());
    const input = {
      items: this.s.inventory.items, policy: this.s.policy.current?.policy, exposed: this.s.exposure.exposed.length, managed, agents: this.s.agents.agents.map((a) => ({ name: a.name, hooks: a.hooked })),
      drift: this.s.enforcement.drift,
    };
    const t = (m: string, ...a: (string | number)[]) => vscode.l10n.t(m, ...a);
    const sum = statusSummary(input, t);
    this.item.text = sum.text;
    const tip = new vscode.MarkdownString(statusTooltip(input, t) + requestLinks(this.s.inventory.items), true);
    tip.isTrusted = { enabledCommands: [REQUEST_COMMAND] };
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: sum.text.replace(/\$\([a-z-]+\)\s*/g, ''), role: 'button' };
    this.item.backgroundColor =
      sum.level === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : sum.level === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}

/** "Request an exception" command links for the tools the policy does not approve here. */
function requestLinks(items: readonly InventoryItem[]): string {
  const no = items.filter((x) => x.status !== 'approved');
  if (!no.length) return '';
  const esc = (v: string) => v.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  const links = no.map((x) => `[${esc(x.name)}](command:${REQUEST_COMMAND}?${encodeURIComponent(JSON.stringify([x.id]))})`);
  return `\n\n$(git-pull-request-create) ${vscode.l10n.t('Request an exception for {0}', links.join(', '))}`;
}
