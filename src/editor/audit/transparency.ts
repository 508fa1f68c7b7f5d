// The transparency view: a read-only virtual document listing what this editor queued and sent, where
// it goes (or that nothing leaves the machine), and what was dropped.
import vscode = require('vscode');
import { Disposable, toDisposable } from '../lifecycle';
import type { AuditService, AuditSnapshot } from '../services';

export const AUDIT_LOG_URI = vscode.Uri.from({ scheme: 'ai-policy-audit', path: '/audit-log.jsonc' });

export function renderAuditLog(s: AuditSnapshot): string {
  const st = s.events.stats;
  const { endpoint, otlpEndpoint } = s.targets;
  const where = endpoint
    ? vscode.l10n.t('Events are sent to {0}.', endpoint)
    : otlpEndpoint
      ? vscode.l10n.t('Events are sent only to the OpenTelemetry endpoint {0}.', otlpEndpoint)
      : vscode.l10n.t('No audit endpoint is configured: events stay on this machine and nothing is sent.');
  const header = [
    vscode.l10n.t('AI Tool Policy: audit events recorded by this editor (read-only).'),
    where,
    endpoint && otlpEndpoint ? vscode.l10n.t('OpenTelemetry copy: {0}.', otlpEndpoint) : '',
    s.deliveryError ? vscode.l10n.t('Endpoint problem: {0}', s.deliveryError) : '',
    vscode.l10n.t('Queued {0} · sent {1} · dropped (queue full) {2} · refused by the server {3}', st.queued, st.sent, st.dropped, st.rejected),
    st.parked ? vscode.l10n.t("Kept aside {0}: events this server version refused; offered again when the server's version changes or a day later.", st.parked) : '',
    st.lastSentAt ? vscode.l10n.t('Last delivery: {0}', st.lastSentAt) : '',
    st.lastError ? vscode.l10n.t('Last error: {0}', st.lastError) : '',
    vscode.l10n.t('Events never contain file contents, secret values or file paths.'),
  ].filter(Boolean);
  const body = {
    endpoint: s.targets.endpoint ?? null,
    otlpEndpoint: s.targets.otlpEndpoint ?? null,
    tokenConfigured: s.tokenSet,
    developer: s.developer ?? null,
    identitySource: s.identitySource ?? null,
    stats: st,
    otlpStats: s.otlp ?? null,
    queued: s.events.queued,
    recentlySent: [...s.events.sent].reverse(),
  };
  return header.map((l) => `// ${l}`).join('\n') + '\n' + JSON.stringify(body, null, 2) + '\n';
}

export class AuditLogProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly emitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.emitter.event;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly audit: AuditService) {
    super();
    this._register(toDisposable(() => clearTimeout(this.timer)));
    // Coalesce bursts of events into one refresh.
    this._register(
      audit.onDidChange(() => {
        if (this.timer) return;
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.emitter.fire(AUDIT_LOG_URI);
        }, 500);
      }),
    );
  }

  provideTextDocumentContent(): string {
    return renderAuditLog(this.audit.snapshot());
  }
}
