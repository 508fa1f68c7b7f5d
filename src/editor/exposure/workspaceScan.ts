// aiPolicy.scanWorkspace: scans every workspace folder (respecting .gitignore) with a cancellable
// progress notification, and lists the results in the Problems panel.
import vscode = require('vscode');
import { errorText } from '../../core/errorText';
import { scanning } from '../../core/lazyModules';
import type { Services } from '../services';
import { toDiagnostics } from './diagnostics';
import { ruleDocs } from './ruleDocs';

export async function scanWorkspace(s: Services, results: vscode.DiagnosticCollection): Promise<{ files: number; findings: number } | undefined> {
  const scanner = await s.exposure.ensureScanner();
  if (!scanner) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Scanning is turned off (setting aiPolicy.scan.enabled).'));
    return undefined;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to scan it.'));
    return undefined;
  }
  const maxBytes = Math.floor(s.config.values.maxFileSizeMB * 1024 * 1024);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning for secrets and personal data'), cancellable: true },
    async (progress, token) => {
      results.clear();
      let files = 0;
      let findings = 0;
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      const active = s.inventory.activeTools();
      const docs = ruleDocs(s.context.extensionUri);
      for (const folder of folders) {
        const skip = (dir: string, e: NodeJS.ErrnoException) => s.log.warn(`scan: ${dir}: cannot read: ${e.code ?? e.message}`);
        for await (const file of scanning().walkFiles(folder.uri.fsPath, skip)) {
          if (token.isCancellationRequested) {
            void vscode.window.showInformationMessage(vscode.l10n.t('Scan cancelled after {0} files.', files));
            return { files, findings };
          }
          const uri = vscode.Uri.file(file);
          const rel = vscode.workspace.asRelativePath(uri, false);
          files++;
          if (files % 50 === 0) progress.report({ message: rel });
          try {
            const r = await scanner.scanFile(file, rel, maxBytes, { token });
            if (!r) continue; // cancelled: reported at the next file
            findings += r.findings.length;
            // Open files already have live diagnostics from the watcher.
            if (r.findings.length && !open.has(uri.toString())) results.set(uri, toDiagnostics(r.findings, active, undefined, docs));
          } catch (e) {
            s.log.warn(errorText(`scan: ${rel} skipped:`, e));
          }
        }
      }
      s.log.info(`workspace scan: ${findings} findings in ${files} files`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Scanned {0} files: {1} findings. See the Problems panel.', files, findings));
      return { files, findings };
    },
  );
}
