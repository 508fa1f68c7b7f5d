// The editor's side of the agent hooks: it mirrors the verified policy where hooks read it, copies the hook
// bundle to a path that survives extension updates, sends what hooks recorded, finds the agents on this
// machine and offers (once, always asking) to install the policy hook into them.
import { promises as fs } from 'node:fs';
import os = require('node:os');
import path = require('node:path');
import vscode = require('vscode');
import { errorText } from '../../core/errorText';
import { hookCommand, type Scope } from '../../core/hooks/harnesses';
import { detectAgents, type DetectedAgent } from '../../core/hooks/detect';
import { applyHooks } from '../../core/hooks/install';
import type { MirroredPolicy } from '../../core/hooks/resolve';
import { foldActivity, utcDay } from '../../core/hooks/activity';
import { drainSpool } from '../../core/hooks/spool';
import { AGENT_POLICY_FILE, agentStateDir } from '../../core/hooks/stateDir';
import type { LoadedPolicy } from '../../core/policy/types';
import type { Config } from '../config';
import { Disposable, toDisposable } from '../lifecycle';
import type { AgentHooksService, AgentState, AuditService, PolicyService } from '../services';

const OFFERED_KEY = 'aiPolicy.agentHooks.offered';
/** How often the hooks' spool is taken into the audit queue. */
const DRAIN_INTERVAL_MS = 60_000;
/** Detection waits until the window has settled (it reads folders and PATH). */
const DETECT_DELAY_MS = 4_000;

export interface AgentHooksOptions {
  /** Where the mirror, the hook bundle and the spool live (tests pass a temporary folder). */
  stateDir: string;
  /** Whose agent configuration is read and written (tests pass a temporary home). */
  home: string;
}

/**
 * VS Code's own agent mode is on in this editor (VS Code or its server build, not a fork with its own agent
 * and hooks): AI features not disabled, `chat.agent.enabled` not false.
 */
function editorAgentOn(): boolean {
  if (!/^(visual studio code|code - oss|code-server)/i.test(vscode.env.appName)) return false;
  const chat = vscode.workspace.getConfiguration('chat');
  return chat.get<boolean>('disableAIFeatures') !== true && chat.get<boolean>('agent.enabled') !== false;
}

export class AgentHooks extends Disposable implements AgentHooksService {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private detected: DetectedAgent[] = [];
  private options: AgentHooksOptions = { stateDir: agentStateDir(), home: os.homedir() };
  private mirrorWrite: Promise<void> = Promise.resolve();
  /** The UTC day this window last folded the hooks' activity tally. */
  private foldedOn: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly config: Config,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {
    super();
  }

  get agents(): readonly AgentState[] {
    return this.detected.map((a) => ({ harness: a.harness, name: a.name, hooked: a.hooks.user || a.hooks.project }));
  }

  /** Test hooks only: read and write under other folders, then run every step now. */
  async retarget(options: AgentHooksOptions): Promise<void> {
    this.options = options;
    this.foldedOn = undefined;
    await this.mirror(this.policy.current);
    await this.drain();
    await this.detect();
  }

  start(): void {
    this._register(this.policy.onDidChange((p) => void this.mirror(p)));
    void this.mirror(this.policy.current);
    const timer = setInterval(() => void this.drain(), DRAIN_INTERVAL_MS);
    this._register(toDisposable(() => clearInterval(timer)));
    const first = setTimeout(() => {
      void this.drain();
      void this.detect().then(() => this.offerOnce());
    }, DETECT_DELAY_MS);
    this._register(toDisposable(() => clearTimeout(first)));
  }

  /** The verified policy as JSON where the hooks read it (written atomically; only after acceptance). */
  private mirror(loaded: LoadedPolicy | undefined): Promise<void> {
    if (!loaded) return this.mirrorWrite;
    const dir = this.options.stateDir;
    const body: MirroredPolicy = { source: loaded.source, hash: loaded.hash, version: loaded.policy.version, savedAt: new Date().toISOString(), policy: loaded.policy };
    this.mirrorWrite = this.mirrorWrite.then(async () => {
      try {
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        const file = path.join(dir, AGENT_POLICY_FILE);
        const tmp = `${file}.${process.pid}.tmp`;
        await fs.writeFile(tmp, JSON.stringify(body), { mode: 0o600 });
        await fs.rename(tmp, file);
      } catch (e) {
        this.log.warn(errorText(`agents: could not write the policy for agent hooks to ${dir}:`, e));
      }
    });
    return this.mirrorWrite;
  }

  /** Takes what hooks recorded into the audit queue (their time kept as hookTime). */
  private async drain(): Promise<void> {
    if (this.isDisposed) return;
    try {
      // The activity tally's complete days join the spool, once a UTC day per window (the hooks fold too, on a
      // day's first call); folding rewrites today's lines, so not on every drain.
      const today = utcDay(new Date());
      if (this.foldedOn !== today) {
        await foldActivity(this.options.stateDir);
        this.foldedOn = today;
      }
      const events = await drainSpool(this.options.stateDir);
      for (const e of events) {
        const d = e.data;
        const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
        const str = (v: unknown) => (typeof v === 'string' ? v : '');
        if (e.type === 'agent.blocked') {
          this.audit.record('agent.blocked', {
            harness: str(d.harness),
            tool: str(d.tool),
            action: str(d.action) || undefined,
            rules: ids(d.rules),
            classes: ids(d.classes),
            pathHash: str(d.pathHash) || undefined,
            mcpServer: str(d.mcpServer) || undefined,
            mode: d.mode === 'audit' || d.mode === 'enforce' ? d.mode : undefined,
            hookTime: e.time,
          });
        } else if (e.type === 'agent.activity') {
          const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
          this.audit.record('agent.activity', {
            day: str(d.day),
            harness: str(d.harness),
            sessions: n(d.sessions),
            toolCalls: n(d.toolCalls),
            prompts: n(d.prompts),
            denials: n(d.denials),
            auditDenials: n(d.auditDenials),
          });
        } else if (e.type === 'agent.exposed') {
          this.audit.record('agent.exposed', {
            harness: str(d.harness),
            tool: str(d.tool),
            action: str(d.action) || undefined,
            rules: ids(d.rules),
            classes: ids(d.classes),
            mcpServer: str(d.mcpServer) || undefined,
            mode: d.mode === 'audit' || d.mode === 'enforce' ? d.mode : undefined,
            hookTime: e.time,
          });
        } else {
          this.audit.record('agent.hookError', { harness: str(d.harness), code: str(d.code), action: str(d.action) || undefined, hookTime: e.time });
        }
      }
      if (events.length) this.log.info(`agents: ${events.length} event(s) recorded by agent hooks taken into the audit queue`);
    } catch (e) {
      this.log.warn(errorText("agents: could not read the agent hooks' events:", e));
    }
  }

  /** Copies the hook bundle to the state folder, so installed hooks keep working across extension updates. */
  private async stableHookScript(): Promise<string> {
    const source = path.join(this.context.extensionPath, 'dist', 'hook.js');
    const target = path.join(this.options.stateDir, 'hook.js');
    const bytes = await fs.readFile(source);
    const current = await fs.readFile(target).catch(() => undefined);
    if (!current || !current.equals(bytes)) {
      await fs.mkdir(this.options.stateDir, { recursive: true, mode: 0o700 });
      await fs.writeFile(`${target}.tmp`, bytes, { mode: 0o755 });
      await fs.rename(`${target}.tmp`, target);
    }
    return target;
  }

  private async detect(): Promise<void> {
    if (this.isDisposed) return;
    try {
      const project = vscode.workspace.isTrusted ? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath : undefined;
      this.detected = await detectAgents({ home: this.options.home, project, extensions: vscode.extensions.all.map((e) => e.id), editorAgent: editorAgentOn() });
      this.emitter.fire();
    } catch (e) {
      this.log.warn(errorText('agents: detection failed:', e));
    }
  }

  private async offerOnce(): Promise<void> {
    const missing = this.detected.filter((a) => !a.hooks.user && !a.hooks.project);
    if (!missing.length || this.config.managed.hooksMode === 'off') return;
    if (this.context.globalState.get<boolean>(OFFERED_KEY)) return;
    await this.context.globalState.update(OFFERED_KEY, true);
    await this.install('user', missing);
  }

  async install(scope: Scope = 'user', agents?: DetectedAgent[]): Promise<boolean> {
    if (!agents) await this.detect();
    const targets = (agents ?? this.detected).filter((a) => !(scope === 'user' ? a.hooks.user : a.hooks.project));
    if (!targets.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The policy hook is already installed in every AI agent found on this machine.'));
      return false;
    }
    const project = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (scope === 'project' && (!vscode.workspace.isTrusted || !project)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Agent hooks are installed into a project only in a trusted workspace folder.'));
      return false;
    }
    const names = targets.map((a) => a.name).join(', ');
    const install = vscode.l10n.t('Install Agent Hooks');
    const pick = await vscode.window.showInformationMessage(
      scope === 'user'
        ? vscode.l10n.t('AI agents on this machine ({0}) can read files the policy protects. Install the policy hook, so that they are blocked where the editor warns?', names)
        : vscode.l10n.t('Install the policy hook for {0} in this project?', names),
      install,
      vscode.l10n.t('Not Now'),
    );
    if (pick !== install) return false;
    const script = await this.stableHookScript();
    const done: string[] = [];
    for (const a of targets) {
      const command = hookCommand(a.harness, process.execPath, script, Boolean(process.versions.electron));
      const out = await applyHooks({ harness: a.harness, scope, home: this.options.home, project: project ?? this.options.home }, command);
      if (out?.result === 'error') {
        this.log.error(`agents: ${out.error}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not install the policy hook for {0}: {1}', a.name, out.error));
      } else if (out) {
        this.log.info(`agents: policy hook ${out.result} for ${a.name} in ${out.file}${out.backup ? ` (backup ${out.backup})` : ''}`);
        done.push(a.harness);
      }
    }
    if (done.length) this.audit.record('agent.hooksInstalled', { harnesses: done, scope });
    await this.detect();
    return done.length > 0;
  }
}
