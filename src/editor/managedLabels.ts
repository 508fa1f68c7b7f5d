// The words for the settings an organization's managed configuration can pin (status tooltip, policy viewer).
import vscode = require('vscode');
import type { ManagedKey } from './config';

export const MANAGED_LABELS: Readonly<Record<ManagedKey, () => string>> = {
  policySource: () => vscode.l10n.t('policy source'),
  publicKey: () => vscode.l10n.t('signing key'),
  auditEndpoint: () => vscode.l10n.t('audit endpoint'),
  otlpEndpoint: () => vscode.l10n.t('OTLP endpoint'),
  developerId: () => vscode.l10n.t('developer id'),
};
