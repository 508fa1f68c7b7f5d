// The developer's exception requests still waiting for an answer, kept in the extension's global state.
// A request is cleared when the policy in force carries an exception with its request id, or when a
// declined decision on it is seen.
import vscode = require('vscode');
import { stillPending, type ExceptionRequest } from '../../core/policy/exceptionRequest';
import { Disposable } from '../lifecycle';
import type { AuditService, ExceptionRequestsService, PolicyService } from '../services';

/** How often the audit server is asked about pending requests while there are any. */
const CHECK_MS = 30 * 60_000;

const KEY = 'aiPolicy.exceptionRequests.pending';

export class PendingRequests extends Disposable implements ExceptionRequestsService {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly declined = new Set<string>();
  /**
   * The list itself, kept in memory and written through to the global state: VS Code reloads an extension's
   * global state when its storage reports a change, and a change echoed from an earlier write of another key
   * can arrive after this one, so reading the list back from the global state could lose a request just sent.
   */
  private list: readonly ExceptionRequest[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.list = context.globalState.get<ExceptionRequest[]>(KEY, []);
    this._register(policy.onDidChange(() => void this.reconcile().then(() => this.check())));
    const timer = setInterval(() => void this.check(), CHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
  }

  /** Asks the audit server about the pending requests and drops those it declined (best effort, logged). */
  async check(): Promise<void> {
    const ids = this.pending.map((r) => r.requestId);
    if (!ids.length || this.isDisposed) return;
    try {
      const answers = await this.audit.requestStatus(ids);
      const declined = (answers ?? []).filter((a) => a.status === 'declined');
      for (const d of declined) this.log.info(`Exception request ${d.requestId} was declined${d.note ? `: ${d.note}` : ''}.`);
      if (declined.length) await this.noteDeclined(declined.map((d) => d.requestId));
    } catch (e) {
      this.log.warn('Exception requests: could not ask the audit server where they stand; will ask again later', e);
    }
  }

  get pending(): readonly ExceptionRequest[] {
    return this.list;
  }

  async add(request: ExceptionRequest): Promise<void> {
    this.list = [...this.list, request];
    this.changed.fire();
    await this.context.globalState.update(KEY, this.list);
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
    this.list = after;
    this.changed.fire();
    await this.context.globalState.update(KEY, after);
  }
}
