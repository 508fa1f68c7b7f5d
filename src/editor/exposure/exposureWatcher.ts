// Scans open files, shows findings as diagnostics, and warns (once per file per session) when a file holds
// data that an active AI tool is not cleared for. Records an `exposure` audit event with a hashed path.
import vscode = require('vscode');
import { hashPath } from '../../core/audit/eventGuard';
import { errorText } from '../../core/errorText';
import type { Scanner } from '../../core/scan/scanner';
import type { Finding } from '../../core/scan/types';
import type { Config, ExtensionConfig } from '../config';
import { Disposable } from '../lifecycle';
import type { AgentHooksService, AuditService, ExposedFile, ExposureService, InventoryService, PolicyService } from '../services';
import { exposureOf } from './clearance';
import { toDiagnostics } from './diagnostics';
import { ruleDocs } from './ruleDocs';
import { DocumentScans } from './documentScans';
import { editorContextNote } from './editorContextNote';
import { scannerFor } from './scannerFromPolicy';

/** The URI schemes whose documents are scanned (and get the quick fixes). */
export const SCANNED_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'] as const;
const SCHEMES = new Set<string>(SCANNED_SCHEMES);

/** One pass over the open files: which were shown and evaluated (at which scanned version), and the result. */
export interface ExposureEvaluation {
  documents: { uri: string; version: number }[];
  exposed: readonly ExposedFile[];
}

/** The settings that change what is scanned (others, such as the policy source, do not re-scan). */
const scanKey = (v: ExtensionConfig) => `${v.scanEnabled}:${v.maxFileSizeMB}`;

export class ExposureWatcher extends Disposable implements ExposureService {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private readonly evaluated = this._register(new vscode.EventEmitter<ExposureEvaluation>());
  /** Fires after every evaluation of the open files (the extension's test hooks pass it on). */
  readonly onDidEvaluate = this.evaluated.event;
  exposed: readonly ExposedFile[] = [];
  readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('ai-policy'));
  /** Files already alerted in this session (URI strings). */
  readonly alerted = new Set<string>();
  private built: Scanner | undefined;
  /** Numbers the scanner rebuilds: a slower, older one never replaces a newer one. */
  private generation = 0;
  /** Set once a document needed scanning or a workspace scan was asked for; until then nothing is built. */
  private wanted = false;
  private building: Promise<void> | undefined;
  private settings: string;
  private readonly scans: DocumentScans;
  /** Each rule's line in the shipped docs/rules.md (read on the first finding). */
  private readonly docs: ReturnType<typeof ruleDocs>;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
    readonly policy: PolicyService,
    readonly inventory: InventoryService,
    readonly audit: AuditService,
    readonly agents: AgentHooksService,
  ) {
    super();
    this.docs = ruleDocs(context.extensionUri);
    this.settings = scanKey(config.values);
    this.scans = this._register(
      new DocumentScans(
        () => this.scanner,
        () => Math.floor(this.config.values.maxFileSizeMB * 1024 * 1024),
        (doc, findings) => this.show(doc, findings),
        log,
      ),
    );
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.open(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.scannable(e.document) && this.scans.edited(e)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.scans.forget(d.uri);
        this.diagnostics.delete(d.uri);
        this.evaluate();
      }),
    );
    this._register(vscode.window.tabGroups.onDidChangeTabs(() => this.evaluate()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.evaluate()));
    this._register(
      policy.onDidChange(() => {
        if (this.wanted) this.building = this.rebuild();
      }),
    );
    this._register(inventory.onDidChange(() => this.refreshAll()));
    this._register(
      config.onDidChange((v) => {
        const next = scanKey(v);
        if (next === this.settings) return;
        this.settings = next;
        void this.rescanAll();
      }),
    );
    if (vscode.workspace.textDocuments.some((d) => SCHEMES.has(d.uri.scheme))) void this.want();
  }

  /** Builds the scanner the first time it is needed; later policy changes rebuild it. */
  private want(): Promise<void> {
    if (!this.wanted) {
      this.wanted = true;
      this.building = this.rebuild();
    }
    return this.building ?? Promise.resolve();
  }

  /** The scanner in force, built now if no document has needed it yet; undefined when scanning is turned off. */
  async ensureScanner(): Promise<Scanner | undefined> {
    if (this.config.values.scanEnabled) await this.want();
    return this.scanner;
  }

  /** The scanner in force; undefined when scanning is turned off. */
  get scanner(): Scanner | undefined {
    return this.config.values.scanEnabled ? this.built : undefined;
  }

  findings(uri: vscode.Uri): readonly Finding[] {
    return this.scans.findings(uri);
  }

  private scannable(d: vscode.TextDocument): boolean {
    return SCHEMES.has(d.uri.scheme) && !!this.scanner;
  }

  private open(d: vscode.TextDocument): void {
    if (!this.wanted && SCHEMES.has(d.uri.scheme)) {
      void this.want(); // scans every open document once built
      return;
    }
    if (this.scannable(d)) void this.scans.scan(d).catch((e: unknown) => this.log.error(errorText(`scan: ${vscode.workspace.asRelativePath(d.uri, false)} could not be scanned:`, e)));
  }

  /** New policy: new scanner, everything open re-scanned. */
  private async rebuild(): Promise<void> {
    const generation = ++this.generation;
    // Never inside activate(): the editor's start goes first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const scanner = await scannerFor(this.policy.current, this.log);
    if (generation !== this.generation || this.isDisposed) return; // a newer rebuild started meanwhile
    this.built = scanner;
    await this.rescanAll();
  }

  /** Everything open scanned again (new scanner or scan settings), or cleared when scanning is off. */
  private async rescanAll(): Promise<void> {
    if (!this.config.values.scanEnabled) {
      this.diagnostics.clear();
      this.exposed = [];
      this.emitter.fire();
      return;
    }
    await Promise.all(vscode.workspace.textDocuments.filter((d) => this.scannable(d)).map((d) => this.scans.scan(d)));
    if (!this.isDisposed) this.evaluate();
  }

  private show(doc: vscode.TextDocument, findings: readonly Finding[]): void {
    if (this.isDisposed) return;
    const active = this.inventory.activeTools();
    this.diagnostics.set(doc.uri, toDiagnostics(findings, active, doc, this.docs));
    this.evaluate();
  }

  /** Tool clearances changed: messages and exposure change, the findings do not. */
  private refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) if (this.scannable(d)) this.show(d, this.scans.findings(d.uri));
    this.evaluate();
  }

  /** Files in tabs or visible editors whose findings an active tool is not cleared for. */
  private evaluate(): void {
    if (this.isDisposed) return;
    const shown = new Set<string>();
    for (const g of vscode.window.tabGroups.all) for (const t of g.tabs) if (t.input instanceof vscode.TabInputText) shown.add(t.input.uri.toString());
    for (const e of vscode.window.visibleTextEditors) shown.add(e.document.uri.toString());
    const active = this.inventory.activeTools();
    const next: ExposedFile[] = [];
    const documents: ExposureEvaluation['documents'] = [];
    for (const d of vscode.workspace.textDocuments) {
      const key = d.uri.toString();
      const version = this.scans.scannedVersion(d.uri);
      if (!shown.has(key) || !this.scanner || version === undefined) continue;
      const rel = vscode.workspace.asRelativePath(d.uri, false);
      documents.push({ uri: rel, version });
      const exp = exposureOf(this.scans.findings(d.uri), active);
      if (!exp) continue;
      next.push({ uri: rel, classes: exp.classes, tools: exp.tools, toolIds: exp.toolIds });
      if (!this.alerted.has(key)) {
        this.alerted.add(key);
        this.alert(d, exp);
      }
    }
    if (JSON.stringify(next) !== JSON.stringify(this.exposed)) {
      this.exposed = next;
      this.emitter.fire();
    }
    this.evaluated.fire({ documents, exposed: this.exposed });
  }

  private alert(doc: vscode.TextDocument, exp: { classes: string[]; rules: string[]; tools: string[]; toolIds: string[] }): void {
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    this.audit.record('exposure', {
      classes: exp.classes,
      rules: exp.rules,
      pathHash: hashPath(rel, this.policy.current?.policy.audit?.pseudonymize?.hmacKey),
      tools: exp.toolIds,
      toolNames: exp.tools,
    });
    this.log.info(`exposure: a file with ${exp.classes.join(', ')} data is open while ${exp.tools.join(', ')} (not cleared for it) is active`);
    const problems = vscode.l10n.t('Show Problems');
    const ignore = vscode.l10n.t('Add to AI Ignore Files');
    const installHooks = vscode.l10n.t('Install Agent Hooks');
    const message = vscode.l10n.t('{0} holds {1} data, and active AI tools are not cleared for it: {2}.', rel, exp.classes.join(', '), exp.tools.join(', '));
    const agents = this.agents.agents;
    const hooked = agents.filter((a) => a.hooked).map((a) => a.name);
    const open = agents.filter((a) => !a.hooked).map((a) => a.name);
    const hookState = [
      hooked.length ? vscode.l10n.t('Agents blocked from reading it by the policy hook: {0}.', hooked.join(', ')) : '',
      open.length ? vscode.l10n.t('Not yet blocked for agents: {0}.', open.join(', ')) : '',
      editorContextNote(doc, exp.toolIds),
    ]
      .filter(Boolean)
      .join(' ');
    const actions = open.length ? [problems, ignore, installHooks] : [problems, ignore];
    void vscode.window.showWarningMessage(hookState ? `${message} ${hookState}` : message, ...actions).then((pick) => {
      if (pick === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (pick === ignore) void vscode.commands.executeCommand('aiPolicy.addToIgnoreFiles', doc.uri);
      if (pick === installHooks) void vscode.commands.executeCommand('aiPolicy.installAgentHooks');
    });
  }
}
