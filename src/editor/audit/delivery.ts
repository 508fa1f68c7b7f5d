// Where audit events go and with which token: the machine-scoped setting wins over the policy; no
// endpoint means events stay in the local queue and nothing leaves the machine.
import type vscode = require('vscode');
import type { LoadedPolicy } from '../../core/policy/types';
import type { ExtensionConfig } from '../config';
import type { DeliveryTargets } from '../services';

export const TOKEN_SECRET_KEY = 'aiPolicy.auditToken';
export const TOKEN_ENV = 'AI_POLICY_AUDIT_TOKEN';

export function deliveryTargets(config: ExtensionConfig, policy: LoadedPolicy | undefined): DeliveryTargets {
  const audit = policy?.policy.audit;
  return {
    endpoint: config.auditEndpoint || audit?.endpoint || undefined,
    otlpEndpoint: config.otlpEndpoint || audit?.otlpEndpoint || undefined,
  };
}

/** The bearer token: SecretStorage first, then the environment. */
export async function readToken(secrets: vscode.SecretStorage): Promise<string | undefined> {
  const stored = await secrets.get(TOKEN_SECRET_KEY);
  return stored || process.env[TOKEN_ENV] || undefined;
}
