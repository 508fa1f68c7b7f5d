// Audit trail commands: set the delivery token, show what was recorded and sent.
import vscode = require('vscode');
import type { Services } from '../services';
import { TOKEN_SECRET_KEY } from './delivery';
import { AUDIT_LOG_URI, AuditLogProvider } from './transparency';

export function registerAudit(s: Services): void {
  const recorder = s.audit;
  const provider = new AuditLogProvider(recorder);
  s.context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(AUDIT_LOG_URI.scheme, provider),
    vscode.commands.registerCommand('aiPolicy.showAuditLog', async () => {
      const doc = await vscode.workspace.openTextDocument(AUDIT_LOG_URI);
      await vscode.languages.setTextDocumentLanguage(doc, 'jsonc');
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand('aiPolicy.setAuditToken', async () => {
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('AI Policy: audit endpoint token'),
        prompt: vscode.l10n.t('Bearer token for the audit endpoint. It is kept in the editor\'s secret storage. Leave empty to remove it.'),
        password: true,
        ignoreFocusOut: true,
      });
      if (value === undefined) return;
      if (value.trim()) {
        await s.context.secrets.store(TOKEN_SECRET_KEY, value.trim());
        void vscode.window.showInformationMessage(vscode.l10n.t('Audit token saved.'));
      } else {
        await s.context.secrets.delete(TOKEN_SECRET_KEY);
        void vscode.window.showInformationMessage(vscode.l10n.t('Audit token removed.'));
      }
    }),
    vscode.commands.registerCommand('aiPolicy.sendAuditEvents', async () => {
      await recorder.flush();
      const snap = recorder.snapshot(0);
      const st = snap.events.stats;
      if (!snap.targets.endpoint) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No audit endpoint is configured: {0} events are kept on this machine only.', st.queued));
        return;
      }
      void vscode.window.showInformationMessage(
        st.queued ? vscode.l10n.t('{0} audit events still queued: {1}', st.queued, st.lastError ?? '') : vscode.l10n.t('All audit events delivered.'),
      );
    }),
  );
}
