// Wires the sensitive-data area: quick fixes, the workspace scan and the ignore-file command.
import vscode = require('vscode');
import type { Services } from '../services';
import { ExposureCodeActions } from './codeActions';
import { ExposureWatcher } from './exposureWatcher';
import { addToIgnoreFiles } from './ignoreFiles';
import { scanWorkspace } from './workspaceScan';

export function registerExposure(s: Services): void {
  const watcher = s.exposure as ExposureWatcher;
  const workspaceResults = vscode.languages.createDiagnosticCollection('ai-policy-workspace');
  s.context.subscriptions.push(
    workspaceResults,
    // An opened file gets live diagnostics from the watcher: drop its workspace-scan copy, or both would show.
    vscode.workspace.onDidOpenTextDocument((d) => workspaceResults.delete(d.uri)),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new ExposureCodeActions(), {
      providedCodeActionKinds: ExposureCodeActions.kinds,
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'untitled' }, new ExposureCodeActions(), {
      providedCodeActionKinds: ExposureCodeActions.kinds,
    }),
    vscode.commands.registerCommand('aiPolicy.scanWorkspace', () => scanWorkspace(s, watcher, workspaceResults)),
    vscode.commands.registerCommand('aiPolicy.addToIgnoreFiles', (uri?: vscode.Uri, targets?: string[]) =>
      addToIgnoreFiles(s, uri instanceof vscode.Uri ? uri : undefined, Array.isArray(targets) ? targets : undefined),
    ),
    // Read-only state for the host tests; not contributed, so not in the palette.
    vscode.commands.registerCommand('aiPolicy._exposureState', () => ({
      exposed: watcher.exposed,
      alerted: [...watcher.alerted].map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u), false)),
      diagnostics: vscode.languages
        .getDiagnostics()
        .filter(([, ds]) => ds.some((d) => d.source === 'AI Policy'))
        .map(([uri, ds]) => ({
          path: vscode.workspace.asRelativePath(uri, false),
          items: ds.filter((d) => d.source === 'AI Policy').map((d) => ({ code: d.code, message: d.message, line: d.range.start.line, severity: d.severity })),
        })),
    })),
  );
}
