// The AI tools in this editor, classified against the policy and kept up to date.
import vscode = require('vscode');
import type { ConditionContext } from '../../core/tools/conditions';
import type { AuditService, InventoryItem, InventoryService, PolicyService } from '../services';
import { gitApi, remoteUrls } from './git';
import { builtinItems, extensionItems, mcpConfigUris, mcpItems, modelItems } from './sources';
import type { ToolItem } from './toolItem';

const HOUR_MS = 3_600_000;

export class ToolInventory implements InventoryService, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<readonly ToolItem[]>();
  readonly onDidChange = this.emitter.event;
  private current: readonly ToolItem[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private intervalTimer: ReturnType<typeof setInterval> | undefined;
  private intervalHours = 0;
  private recordedOnce = false;
  private running: Promise<void> | undefined;
  private rerun = false;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly policy: PolicyService,
    readonly audit: AuditService,
  ) {
    const soon = () => this.scheduleRefresh();
    this.disposables.push(
      this.emitter,
      vscode.extensions.onDidChange(soon),
      policy.onDidChange(soon),
      vscode.workspace.onDidGrantWorkspaceTrust(soon),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchMcp();
        soon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chat') || e.affectsConfiguration('mcp')) soon();
      }),
    );
    if (vscode.lm?.onDidChangeChatModels) this.disposables.push(vscode.lm.onDidChangeChatModels(soon));
    this.watchMcp();
    void gitApi(false).then((api) => api && this.disposables.push(api.onDidOpenRepository(soon), api.onDidCloseRepository(soon)));
    soon();
  }

  get items(): readonly ToolItem[] {
    return this.current;
  }

  activeTools(): InventoryItem[] {
    return this.current.filter((t) => t.enabled && t.active);
  }

  private mcpWatchers: vscode.Disposable[] = [];
  /** Watches every mcp.json the inventory reads (recreated when folders change). */
  private watchMcp(): void {
    this.mcpWatchers.forEach((d) => d.dispose());
    this.mcpWatchers = mcpConfigUris(this.context).map(({ uri }) => {
      const dir = vscode.Uri.joinPath(uri, '..');
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, 'mcp.json'));
      const soon = () => this.scheduleRefresh();
      w.onDidChange(soon);
      w.onDidCreate(soon);
      w.onDidDelete(soon);
      return w;
    });
  }

  /** Coalesces bursts of events (several extensions installed at once) into one refresh. */
  scheduleRefresh(delayMs = 250): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.collect().finally(() => (this.running = undefined));
    await this.running;
    if (this.rerun) {
      this.rerun = false;
      await this.refresh();
    }
  }

  private async conditionContext(): Promise<ConditionContext> {
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).map((f) => (f.uri.scheme === 'file' ? f.uri.fsPath : f.uri.toString()));
    return { workspaceFolders, repositories: remoteUrls(await gitApi(false)), now: new Date() };
  }

  private async collect(): Promise<void> {
    const policy = this.policy.current?.policy;
    try {
      const ctx = await this.conditionContext();
      const next = [
        ...builtinItems(policy, ctx),
        ...extensionItems(policy, ctx, this.log),
        ...(await modelItems(policy, ctx)),
        ...(await mcpItems(this.context, policy, ctx, this.log)),
      ];
      // The policy changed while this pass awaited: its classification is stale, so classify again
      // rather than publish it (a tool would briefly look unlisted and draw a warning).
      if (this.policy.current?.policy !== policy) {
        this.rerun = true;
        return;
      }
      const before = this.current;
      this.current = next;
      this.recordChanges(before, next);
      this.scheduleInterval();
      this.emitter.fire(next);
    } catch (e) {
      this.log.error(`Tool inventory failed; keeping the previous one: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private recordChanges(before: readonly ToolItem[], after: readonly ToolItem[]): void {
    const key = (t: ToolItem) => `${t.id}@${t.version ?? ''}:${t.status}:${t.enabled}`;
    const beforeIds = new Map(before.map((t) => [t.id, t]));
    const afterIds = new Map(after.map((t) => [t.id, t]));
    if (this.recordedOnce) {
      for (const t of after) if (!beforeIds.has(t.id)) this.audit.record('tool.added', summary(t));
      for (const t of before) if (!afterIds.has(t.id)) this.audit.record('tool.removed', summary(t));
    }
    const changed = before.map(key).sort().join('|') !== after.map(key).sort().join('|');
    if (!this.recordedOnce || changed) this.recordInventory(this.recordedOnce ? 'change' : 'start');
    this.recordedOnce = true;
  }

  private recordInventory(reason: 'start' | 'change' | 'interval'): void {
    const tools = this.current.map(summary);
    const count = (s: string) => this.current.filter((t) => t.status === s).length;
    this.audit.record('inventory', {
      reason,
      tools,
      counts: { approved: count('approved'), restricted: count('restricted'), prohibited: count('prohibited'), unlisted: count('unlisted') },
    });
  }

  private scheduleInterval(): void {
    const hours = this.policy.current?.policy.audit?.inventoryIntervalHours ?? 24;
    if (hours === this.intervalHours && this.intervalTimer) return;
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    this.intervalHours = hours;
    this.intervalTimer = hours > 0 ? setInterval(() => this.recordInventory('interval'), hours * HOUR_MS) : undefined;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    this.mcpWatchers.forEach((d) => d.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

/** What an audit event says about a tool: identity and status, never paths, commands or URLs. */
function summary(t: ToolItem): Record<string, unknown> {
  return { id: t.id, name: t.name, version: t.version, kind: t.kind, status: t.status, enabled: t.enabled, active: t.active, policyToolId: t.policyToolId };
}
