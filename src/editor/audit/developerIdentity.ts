// The developer id for audit events, resolved as the policy in force asks (git email, OS user or the
// explicit setting, optionally pseudonymized) and re-resolved only when those rules change.
import os = require('node:os');
import type vscode = require('vscode');
import { resolveDeveloper, type Identity, type IdentityOptions } from '../../core/audit/identity';
import type { LoadedPolicy } from '../../core/policy/types';

export class DeveloperIdentity {
  private entry: { key: string; value: Promise<Identity>; resolved?: Identity } | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The last resolved identity (for the transparency view). */
  get resolved(): Identity | undefined {
    return this.entry?.resolved;
  }

  /** Resolves once the current lookup (if any) is done. */
  async settled(): Promise<void> {
    await this.entry?.value.catch(() => undefined);
  }

  get(policy: LoadedPolicy | undefined, explicitId: string): Promise<Identity> {
    const audit = policy?.policy.audit;
    const opts: IdentityOptions = {
      mode: audit?.identity ?? 'git-email',
      hmacKey: audit?.pseudonymize?.hmacKey,
      explicitId,
      // The user's global git config, not the open repository's: the same person in every workspace.
      cwd: os.homedir(),
    };
    const key = JSON.stringify(opts);
    if (this.entry?.key !== key) {
      const entry: { key: string; value: Promise<Identity>; resolved?: Identity } = { key, value: resolveDeveloper(opts) };
      entry.value.then(
        (v) => {
          entry.resolved = v;
          if (v.source === 'fallback') this.log.warn(`Audit: no developer id from ${opts.mode}; using the OS user name instead.`);
        },
        () => undefined,
      );
      this.entry = entry;
    }
    return this.entry.value;
  }
}
