// Wires the sensitive-data area: quick fixes, the workspace scan and the ignore-file command.
import vscode = require('vscode');
import type { Services } from '../services';
import { ExposureCodeActions } from './codeActions';
import { SCANNED_SCHEMES } from './exposureWatcher';
import { addToIgnoreFiles } from './ignoreFiles';
import { scanWorkspace } from './workspaceScan';

export function registerExposure(s: Services): void {
  const watcher = s.exposure;
  const workspaceResults = vscode.languages.createDiagnosticCollection('ai-policy-workspace');
  s.context.subscriptions.push(
    workspaceResults,
    // An opened file gets live diagnostics from the watcher: drop its workspace-scan copy, or both would show.
    vscode.workspace.onDidOpenTextDocument((d) => workspaceResults.delete(d.uri)),
    // The same schemes the watcher scans, so every finding shown also offers its quick fixes.
    vscode.languages.registerCodeActionsProvider(
      SCANNED_SCHEMES.map((scheme) => ({ scheme })),
      new ExposureCodeActions(watcher),
      { providedCodeActionKinds: ExposureCodeActions.kinds },
    ),
    vscode.commands.registerCommand('aiPolicy.scanWorkspace', () => scanWorkspace(s, workspaceResults)),
    vscode.commands.registerCommand('aiPolicy.addToIgnoreFiles', (uri?: vscode.Uri, targets?: string[]) =>
      addToIgnoreFiles(s, uri instanceof vscode.Uri ? uri : undefined, Array.isArray(targets) ? targets : undefined),
    ),
  );
}
