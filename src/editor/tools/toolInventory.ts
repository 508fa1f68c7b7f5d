// The AI tools in this editor, classified against the policy and kept up to date.
import vscode = require('vscode');
import { errorText } from '../../core/errorText';
import type { ToolSummary } from '../../core/audit/eventData';
import type { Policy } from '../../core/policy/types';
import type { ConditionContext } from '../../core/tools/conditions';
import { nextExceptionChange } from '../../core/tools/exceptionScope';
import { Disposable, disposeAll, toDisposable } from '../lifecycle';
import type { AuditService, InventoryItem, InventoryService, PolicyService } from '../services';
import { EditActivity } from './editActivity';
import { gitApi, remoteUrls, type GitApi } from './git';
import { builtinItems, extensionItems, mcpConfigUris, mcpItems, modelItems } from './sources';

const HOUR_MS = 3_600_000;

export class ToolInventory extends Disposable implements InventoryService {
  private readonly emitter = this._register(new vscode.EventEmitter<readonly InventoryItem[]>());
  readonly onDidChange = this.emitter.event;
  private current: readonly InventoryItem[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private intervalTimer: ReturnType<typeof setInterval> | undefined;
  private intervalHours = 0;
  private recordedOnce = false;
  private running: Promise<void> | undefined;
  private rerun = false;
  private mcpWatchers: vscode.Disposable[] = [];
  private watchingGit = false;
  private exceptionTimer: ReturnType<typeof setTimeout> | undefined;
  /** The time exceptions are judged at: the real clock; only the test hooks move it (see setClock). */
  private now: () => Date = () => new Date();
  /** The days each AI extension was active while the developer edited (sent with every inventory). */
  readonly activity: EditActivity;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly policy: PolicyService,
    readonly audit: AuditService,
    /** The developer's teams from the managed configuration (team exceptions). */
    private readonly teams: () => readonly string[] = () => [],
  ) {
    super();
    // The first edit of a day with an AI extension active sends an inventory, so today's use is not held back a day.
    this.activity = this._register(new EditActivity(context, log, () => this.current, () => this.recordInventory('activity')));
    const soon = () => this.scheduleRefresh();
    this._register(
      toDisposable(() => {
        clearTimeout(this.refreshTimer);
        clearTimeout(this.exceptionTimer);
        clearInterval(this.intervalTimer);
        disposeAll(this.mcpWatchers);
      }),
    );
    this._register(vscode.extensions.onDidChange(soon));
    this._register(policy.onDidChange(soon));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(soon));
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchMcp();
        soon();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chat') || e.affectsConfiguration('mcp')) soon();
      }),
    );
    if (vscode.lm?.onDidChangeChatModels) this._register(vscode.lm.onDidChangeChatModels(soon));
    this.watchMcp();
    // The Git lookup waits for the first refresh (see conditionContext), after activation has returned.
    soon();
  }

  get items(): readonly InventoryItem[] {
    return this.current;
  }

  /** Test hooks only: judges exceptions at this clock from now on and classifies again. */
  async setClock(now: () => Date): Promise<void> {
    this.now = now;
    await this.refresh();
  }

  activeTools(): InventoryItem[] {
    return this.current.filter((t) => t.enabled && t.active);
  }

  /** Watches every mcp.json the inventory reads (recreated when folders change). */
  private watchMcp(): void {
    disposeAll(this.mcpWatchers);
    if (this.isDisposed) return;
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
    if (this.isDisposed) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    if (this.isDisposed) return;
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
    const git = await gitApi(false);
    if (git) this.watchGit(git);
    // The developer id as audit events carry it, so that an exception granted to this person applies here.
    const developer = this.audit.snapshot(0).developer;
    return { workspaceFolders, repositories: remoteUrls(git), developer, teams: [...this.teams()], now: this.now() };
  }

  /** Refreshes when a repository opens or closes (its remotes feed repository conditions). */
  private watchGit(api: GitApi): void {
    // The Git extension may answer after this inventory is gone: _register then disposes the listeners at once.
    if (this.watchingGit) return;
    this.watchingGit = true;
    const soon = () => this.scheduleRefresh();
    this._register(api.onDidOpenRepository(soon));
    this._register(api.onDidCloseRepository(soon));
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
      if (this.isDisposed) return;
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
      this.scheduleExceptionChange(policy);
      this.emitter.fire(next);
    } catch (e) {
      this.log.error(errorText('Tool inventory failed; keeping the previous one:', e));
    }
  }

  private recordChanges(before: readonly InventoryItem[], after: readonly InventoryItem[]): void {
    const key = (t: InventoryItem) => `${t.id}@${t.version ?? ''}:${t.status}:${t.enabled}`;
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

  private recordInventory(reason: 'start' | 'change' | 'interval' | 'activity'): void {
    const tools = this.current.map((t) => summary(t, this.activity.daysOf(t.id)));
    const count = (s: string) => this.current.filter((t) => t.status === s).length;
    this.audit.record('inventory', {
      reason,
      tools,
      counts: { approved: count('approved'), restricted: count('restricted'), prohibited: count('prohibited'), unlisted: count('unlisted') },
    });
  }

  /** Classifies again when an exception starts or ends, so an approval stops the moment it expires. */
  private scheduleExceptionChange(policy: Policy | undefined): void {
    clearTimeout(this.exceptionTimer);
    const now = this.now();
    const next = nextExceptionChange(policy, now);
    // setTimeout holds at most 2^31-1 ms (about 24 days): a later change sets the timer again then.
    if (next !== undefined) this.exceptionTimer = setTimeout(() => this.scheduleRefresh(0), Math.min(next - now.getTime() + 1000, 2 ** 31 - 1));
  }

  private scheduleInterval(): void {
    const hours = this.policy.current?.policy.audit?.inventoryIntervalHours ?? 24;
    if (hours === this.intervalHours && this.intervalTimer) return;
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    this.intervalHours = hours;
    this.intervalTimer = hours > 0 ? setInterval(() => this.recordInventory('interval'), hours * HOUR_MS) : undefined;
  }
}

/** What an audit event says about a tool: identity and status, never paths, commands or URLs. */
function summary(t: InventoryItem, activeDays?: string[]): ToolSummary {
  return { id: t.id, name: t.name, version: t.version, kind: t.kind, status: t.status, enabled: t.enabled, active: t.active, policyToolId: t.policyToolId, activeDays };
}
