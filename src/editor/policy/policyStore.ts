// Placeholder until policy loading lands.
import * as vscode from 'vscode';
import type { AuditService, PolicyService } from '../services';
import type { Config } from '../config';
import type { LoadedPolicy, PolicyProblem } from '../../core/policy/types';

export class PolicyStore implements PolicyService, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<LoadedPolicy | undefined>();
  readonly onDidChange = this.emitter.event;
  readonly current: LoadedPolicy | undefined = undefined;
  readonly problems: readonly PolicyProblem[] = [];
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
    readonly audit: AuditService,
  ) {}
  async start(): Promise<void> {}
  async refresh(): Promise<void> {}
  isAcknowledged(): boolean {
    return false;
  }
  dispose(): void {
    this.emitter.dispose();
  }
}
