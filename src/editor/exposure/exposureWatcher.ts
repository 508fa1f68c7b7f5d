// Scans open files, shows findings as diagnostics, and warns (once per file per session) when a file holds
// data that an active AI tool is not cleared for. Records an `exposure` audit event with a hashed path.
import vscode = require('vscode');
import { hashPath } from '../../core/audit/eventGuard';
import type { Scanner } from '../../core/scan/scanner';
import type { Finding } from '../../core/scan/types';
import type { Config } from '../config';
import type { AuditService, ExposureService, InventoryService, PolicyService } from '../services';
import { exposureOf } from './clearance';
import { toDiagnostic } from './diagnostics';
import { DocumentScans } from './documentScans';
import { scannerFor } from './scannerFromPolicy';

type Exposed = { uri: string; classes: string[]; tools: string[] };

const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export class ExposureWatcher implements ExposureService, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  exposed: readonly Exposed[] = [];
  readonly diagnostics = vscode.languages.createDiagnosticCollection('ai-policy');
  /** Files already alerted in this session (URI strings). */
  readonly alerted = new Set<string>();
  private scanner: Scanner | undefined;
  private readonly scans: DocumentScans;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
    readonly policy: PolicyService,
    readonly inventory: InventoryService,
    readonly audit: AuditService,
  ) {
    this.scans = new DocumentScans(
      () => (this.config.values.scanEnabled ? this.scanner : undefined),
      () => Math.floor(this.config.values.maxFileSizeMB * 1024 * 1024),
      (doc, findings) => this.show(doc, findings),
      log,
    );
    this.disposables.push(
      this.diagnostics,
      this.scans,
      vscode.workspace.onDidOpenTextDocument((d) => this.open(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.scannable(e.document) && this.scans.edited(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.scans.forget(d.uri);
        this.diagnostics.delete(d.uri);
        this.evaluate();
      }),
      vscode.window.tabGroups.onDidChangeTabs(() => this.evaluate()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.evaluate()),
      policy.onDidChange(() => void this.rebuild()),
      inventory.onDidChange(() => this.refreshAll()),
      config.onDidChange(() => void this.rebuild()),
    );
    void this.rebuild();
  }

  /** The scanner in force (for the workspace scan command). */
  get current(): Scanner | undefined {
    return this.config.values.scanEnabled ? this.scanner : undefined;
  }

  private scannable(d: vscode.TextDocument): boolean {
    return SCHEMES.has(d.uri.scheme) && !!this.current;
  }

  private open(d: vscode.TextDocument): void {
    if (this.scannable(d)) void this.scans.scan(d).catch((e: Error) => this.log.error(`scan: ${e.message}`));
  }

  /** New policy or settings: new scanner, everything open re-scanned. */
  private async rebuild(): Promise<void> {
    this.scanner = await scannerFor(this.policy.current, this.log);
    if (!this.config.values.scanEnabled) {
      this.diagnostics.clear();
      this.exposed = [];
      this.emitter.fire();
      return;
    }
    await Promise.all(vscode.workspace.textDocuments.filter((d) => this.scannable(d)).map((d) => this.scans.scan(d)));
    this.evaluate();
  }

  private show(doc: vscode.TextDocument, findings: readonly Finding[]): void {
    const active = this.inventory.activeTools();
    this.diagnostics.set(doc.uri, findings.map((f) => toDiagnostic(f, active, doc)));
    this.evaluate();
  }

  /** Tool clearances changed: messages and exposure change, the findings do not. */
  private refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) if (this.scannable(d)) this.show(d, this.scans.findings(d.uri));
    this.evaluate();
  }

  /** Files in tabs or visible editors whose findings an active tool is not cleared for. */
  private evaluate(): void {
    const shown = new Set<string>();
    for (const g of vscode.window.tabGroups.all) for (const t of g.tabs) if (t.input instanceof vscode.TabInputText) shown.add(t.input.uri.toString());
    for (const e of vscode.window.visibleTextEditors) shown.add(e.document.uri.toString());
    const active = this.inventory.activeTools();
    const next: Exposed[] = [];
    for (const d of vscode.workspace.textDocuments) {
      const key = d.uri.toString();
      if (!shown.has(key) || !this.current) continue;
      const exp = exposureOf(this.scans.findings(d.uri), active);
      if (!exp) continue;
      next.push({ uri: vscode.workspace.asRelativePath(d.uri, false), classes: exp.classes, tools: exp.tools });
      if (!this.alerted.has(key)) {
        this.alerted.add(key);
        this.alert(d, exp);
      }
    }
    if (JSON.stringify(next) !== JSON.stringify(this.exposed)) {
      this.exposed = next;
      this.emitter.fire();
    }
  }

  private alert(doc: vscode.TextDocument, exp: { classes: string[]; rules: string[]; tools: string[] }): void {
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    this.audit.record('exposure', {
      classes: exp.classes,
      rules: exp.rules,
      pathHash: hashPath(rel, this.policy.current?.policy.audit?.pseudonymize?.hmacKey),
      tools: exp.tools,
    });
    this.log.info(`exposure: a file with ${exp.classes.join(', ')} data is open while ${exp.tools.join(', ')} (not cleared for it) is active`);
    const problems = vscode.l10n.t('Show Problems');
    const ignore = vscode.l10n.t('Add to AI Ignore Files');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('{0} holds {1} data, and active AI tools are not cleared for it: {2}.', rel, exp.classes.join(', '), exp.tools.join(', ')),
        problems,
        ignore,
      )
      .then((pick) => {
        if (pick === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
        if (pick === ignore) void vscode.commands.executeCommand('aiPolicy.addToIgnoreFiles', doc.uri);
      });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
