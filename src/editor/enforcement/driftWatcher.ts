// Drift: which of VS Code's own settings this machine does not set as the policy requires (agent mode,
// auto-approval, MCP access, extensions.allowed, hooks, the agent sandbox, implicit chat context, completions). Shown in the viewer and the status tooltip;
// recorded as `enforcement.drift` when the list changes (also across restarts). The policy compared is this
// developer's: their exceptions in force (person, or team by the managed teams) count as approval until they end.
// Repository exceptions do not relax a machine-wide setting.
import vscode = require('vscode');
import { DRIFT_SETTINGS, driftKey, driftOf, type DriftItem, type EffectiveSettings } from '../../core/enforcement/drift';
import { nextExceptionChange, policyForScope } from '../../core/tools/exceptionScope';
import { Disposable, toDisposable } from '../lifecycle';
import type { AuditService, EnforcementService, PolicyService } from '../services';

const LAST_KEY = 'aiPolicy.enforcement.lastDrift';

export class DriftWatcher extends Disposable implements EnforcementService {
  private items: DriftItem[] = [];
  private exceptionTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    /** The developer's teams from the managed configuration (team exceptions). */
    private readonly teams: () => readonly string[] = () => [],
  ) {
    super();
    this._register(toDisposable(() => clearTimeout(this.exceptionTimer)));
    this._register(policy.onDidChange(() => this.refresh()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (DRIFT_SETTINGS.some((s) => e.affectsConfiguration(s))) this.refresh();
      }),
    );
  }

  get drift(): readonly DriftItem[] {
    return this.items;
  }

  /** The effective values (policy-set values included: VS Code reports them as the setting's value). */
  private effective(): EffectiveSettings {
    const c = vscode.workspace.getConfiguration();
    return Object.fromEntries(DRIFT_SETTINGS.map((s) => [s, c.get(s)]));
  }

  /** Compares again when an exception starts or ends (setTimeout holds at most about 24 days: it is set again then). */
  private scheduleExceptionChange(at: number | undefined): void {
    clearTimeout(this.exceptionTimer);
    if (at !== undefined) this.exceptionTimer = setTimeout(() => this.refresh(), Math.min(at - Date.now() + 1000, 2 ** 31 - 1));
  }

  refresh(): void {
    if (this.isDisposed) return;
    const policy = this.policy.current?.policy;
    const now = new Date();
    const p = policy && policyForScope(policy, { developer: this.audit.snapshot(0).developer, teams: [...this.teams()], now }).policy;
    this.scheduleExceptionChange(nextExceptionChange(policy, now));
    const next = p ? driftOf(p, this.effective(), process.platform) : [];
    const key = driftKey(next);
    const changed = key !== driftKey(this.items);
    this.items = next;
    if (!p) {
      if (changed) this.changed.fire();
      return;
    }
    if (key !== this.context.globalState.get<string>(LAST_KEY, '')) {
      void this.context.globalState.update(LAST_KEY, key);
      this.audit.record('enforcement.drift', { settings: next.map((d) => d.setting), policyNames: next.flatMap((d) => (d.policyName ? [d.policyName] : [])), count: next.length });
      this.log.info(next.length ? `enforcement: this machine does not enforce ${next.map((d) => d.setting).join(', ')}` : 'enforcement: every VS Code setting the policy requires is in force');
    }
    if (changed) this.changed.fire();
  }
}
