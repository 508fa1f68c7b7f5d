// The developer's exception requests still waiting for an answer, kept in the extension's global state.
// A request is cleared when the policy in force carries an exception with its request id, or when a
// declined decision on it is seen.
import vscode = require('vscode');
import { stillPending, type ExceptionRequest } from '../../core/policy/exceptionRequest';
import { Disposable } from '../lifecycle';
import type { ExceptionRequestsService, PolicyService } from '../services';

const KEY = 'aiPolicy.exceptionRequests.pending';

export class PendingRequests extends Disposable implements ExceptionRequestsService {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly declined = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly policy: PolicyService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(policy.onDidChange(() => void this.reconcile()));
  }

  get pending(): readonly ExceptionRequest[] {
    return this.context.globalState.get<ExceptionRequest[]>(KEY, []);
  }

  async add(request: ExceptionRequest): Promise<void> {
    await this.context.globalState.update(KEY, [...this.pending, request]);
    this.changed.fire();
  }

  /** Marks requests as declined (a decision seen by the editor) and drops them. */
  async noteDeclined(requestIds: readonly string[]): Promise<void> {
    for (const id of requestIds) this.declined.add(id);
    await this.reconcile();
  }

  /** Drops the requests that the policy now answers. */
  async reconcile(): Promise<void> {
    const before = this.pending;
    const after = stillPending(before, this.policy.current?.policy, this.declined);
    if (after.length === before.length) return;
    const answered = before.filter((r) => !after.includes(r)).map((r) => r.requestId);
    this.log.info(`Exception requests answered: ${answered.join(', ')}`);
    await this.context.globalState.update(KEY, after);
    this.changed.fire();
  }
}
