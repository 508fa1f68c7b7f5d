// Placeholder until the exposure watcher lands.
import * as vscode from 'vscode';
import type { AuditService, ExposureService, InventoryService, PolicyService } from '../services';
import type { Config } from '../config';

export class ExposureWatcher implements ExposureService, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  readonly exposed: readonly { uri: string; classes: string[]; tools: string[] }[] = [];
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
    readonly policy: PolicyService,
    readonly inventory: InventoryService,
    readonly audit: AuditService,
  ) {}
  dispose(): void {
    this.emitter.dispose();
  }
}
