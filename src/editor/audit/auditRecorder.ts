// Placeholder until the audit trail lands: records nothing.
import * as vscode from 'vscode';
import type { AuditService, PolicyService } from '../services';
import type { Config } from '../config';

export class AuditRecorder implements AuditService, vscode.Disposable {
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
  ) {}
  attachPolicy(_policy: PolicyService): void {}
  record(_type: string, _data: Record<string, unknown>): void {}
  async flush(): Promise<void> {}
  static flushOnShutdown(): Promise<void> | undefined {
    return undefined;
  }
  dispose(): void {}
}
