// The policy viewer: one webview panel, strict CSP with a nonce, assets from media/ and the bundled script
// (dist/viewer.js) only. A panel serializer reopens it after a window reload.
import { nodeCrypto } from '../../core/nodeBuiltins';
import vscode = require('vscode');
import { Disposable, toDisposable } from '../lifecycle';
import type { PolicyService } from '../services';
import { buildViewerModel } from './viewerModel';
import { viewerStrings } from './viewerStrings';
import { isViewerMessage, revealTarget, type HostToViewer, type ViewerModel, type ViewerToHost } from './viewerProtocol';
import { safeHref } from './markdown';

export class PolicyViewer extends Disposable {
  static readonly viewType = 'aiPolicy.viewer';
  private panel: vscode.WebviewPanel | undefined;
  /** Element to scroll to once the webview has the model. */
  private pendingReveal: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: PolicyService,
    private readonly actions: { acknowledge(): Promise<void>; completeTraining(id?: string): Promise<void> },
    /** This machine's state (managed settings, settings not enforced) and the events that change it. */
    private readonly machine?: { state(): ViewerModel['machine']; events: vscode.Event<unknown>[] },
  ) {
    super();
    for (const e of machine?.events ?? []) this._register(e(() => this.post()));
    this._register(store.onDidChange(() => this.post()));
    this._register(store.onDidChangeDeveloperState(() => this.post()));
    this._register(store.onDidChangeProblems(() => this.post()));
    this._register(toDisposable(() => this.panel?.dispose()));
  }

  /** The open panel, if any (for tests and for reveal). */
  get activePanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the viewer; `target` is e.g. `tools`, `tool:<id>`, `dataHandling`. */
  show(target?: unknown): void {
    if (this.isDisposed) return;
    this.pendingReveal = revealTarget(target);
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PolicyViewer.viewType, vscode.l10n.t('AI Tool Policy'), vscode.ViewColumn.Active, {
      ...this.webviewOptions(),
      retainContextWhenHidden: false,
    });
    this.attach(panel);
  }

  /** Takes over a panel VS Code restored after a reload (see registerSerializer), or closes it when one is open. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.isDisposed || this.panel) {
      panel.dispose();
      return;
    }
    panel.title = vscode.l10n.t('AI Tool Policy');
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
  }

  /** Lets VS Code restore the viewer after a window reload (activation event onWebviewPanel:aiPolicy.viewer). */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PolicyViewer.viewType, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel) => {
        this.restore(panel);
        return Promise.resolve();
      },
    });
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    panel.webview.html = this.html(panel.webview);
    const subs = [
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isViewerMessage(m)) void this.handle(m);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const s of subs) s.dispose();
      }),
    ];
    this.panel = panel;
  }

  model(): ViewerModel | undefined {
    const loaded = this.store.current;
    const review = this.store.reviewState();
    const ack = this.store.acknowledgementState();
    if (!loaded || !review || !ack) return undefined;
    return buildViewerModel({
      loaded,
      review,
      ack,
      ackRecord: this.store.developer.acknowledgement(),
      acknowledgedText: this.store.developer.acknowledgedText(),
      trainings: this.store.trainingStates(),
      problems: this.store.problems,
      translate: (m) => vscode.l10n.t(m),
      machine: this.machine?.state(),
    });
  }

  private post(): void {
    if (!this.panel) return;
    const message: HostToViewer = { type: 'model', model: this.model(), strings: viewerStrings() };
    void this.panel.webview.postMessage(message);
    if (this.pendingReveal) {
      const reveal: HostToViewer = { type: 'reveal', elementId: this.pendingReveal };
      this.pendingReveal = undefined;
      void this.panel.webview.postMessage(reveal);
    }
  }

  private async handle(m: ViewerToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.post();
      case 'acknowledge':
        return this.actions.acknowledge();
      case 'refresh':
        // As Check for Policy Updates: it says what it found, also when nothing changed.
        await vscode.commands.executeCommand('aiPolicy.refreshPolicy');
        return this.post();
      case 'completeTraining':
        return this.actions.completeTraining(m.id);
      case 'openLink': {
        const href = safeHref(m.url);
        if (href) await vscode.env.openExternal(vscode.Uri.parse(href, true));
        return;
      }
    }
  }

  private html(webview: vscode.Webview): string {
    const nonce = nodeCrypto().randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'viewer.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'viewer.js'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>${vscode.l10n.t('AI Tool Policy')}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">${vscode.l10n.t('Loading the policy…')}</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
  }
}
