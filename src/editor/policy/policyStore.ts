// The policy in force: starts from the last known good copy at once, then loads from the configured
// source in the background and on an interval; a refused candidate never replaces a good policy.
import vscode = require('vscode');
import {
  acceptPolicy,
  acknowledgementState,
  fetchPolicy,
  PolicyCache,
  publicKeyError,
  reviewState,
  sha256,
  SourceError,
  trainingStates,
  type AckState,
  type LoadedPolicy,
  type PolicyProblem,
  type ReviewState,
  type TrainingState,
} from '../../core/policy';
import { errorText } from '../../core/errorText';
import type { Config } from '../config';
import { Disposable, toDisposable } from '../lifecycle';
import type { AuditService, PolicyService } from '../services';
import { DeveloperState } from './developerState';
import { displaySource } from './display';
import { ProblemReporter } from './problemReporter';

export class PolicyStore extends Disposable implements PolicyService {
  private readonly emitter = this._register(new vscode.EventEmitter<LoadedPolicy | undefined>());
  private readonly stateEmitter = this._register(new vscode.EventEmitter<void>());
  private readonly problemsEmitter = this._register(new vscode.EventEmitter<readonly PolicyProblem[]>());
  /** Fires when the policy in force changes (including to undefined). */
  readonly onDidChange = this.emitter.event;
  /** Fires when acknowledgement or training records change. */
  readonly onDidChangeDeveloperState = this.stateEmitter.event;
  /** Fires when the problems of the last load attempt change (a refusal, or a later success). */
  readonly onDidChangeProblems = this.problemsEmitter.event;
  private loaded: LoadedPolicy | undefined;
  private lastProblems: readonly PolicyProblem[] = [];
  private inFlight: Promise<void> | undefined;
  private reloadAfter = false;
  /** How many times a policy text was parsed and validated (the test hooks read it). */
  parses = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly cache: PolicyCache;
  private readonly reporter: ProblemReporter;
  private settingsKey: string;
  /** The pinned key(s) the policy in force was verified with: after a key change it is fetched and checked again. */
  private verifiedWith: string | undefined;
  /** The signature text (the .sig beside the source) the policy in force came with. */
  private heldSignature: string | undefined;
  /** Whether the last failure was news (and so already shown); false when it repeated an earlier one. */
  private failureWasNew = false;
  readonly developer: DeveloperState;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
    readonly audit: AuditService,
  ) {
    super();
    this.cache = new PolicyCache(context.globalStorageUri.fsPath);
    this.reporter = new ProblemReporter(log);
    this.developer = new DeveloperState(context.globalState);
    const v = config.values;
    this.settingsKey = `${v.policySource}\n${v.publicKey}\n${v.refreshIntervalMinutes}`;
    this._register(toDisposable(() => clearInterval(this.timer)));
    this._register(
      config.onDidChange((v) => {
        const key = `${v.policySource}\n${v.publicKey}\n${v.refreshIntervalMinutes}`;
        if (key === this.settingsKey) return;
        this.settingsKey = key;
        this.schedule();
        void this.refresh();
      }),
    );
  }

  get current(): LoadedPolicy | undefined {
    return this.loaded;
  }

  get problems(): readonly PolicyProblem[] {
    return this.lastProblems;
  }

  /** Loads the cached policy at once, then the configured source in the background. Never throws. */
  async start(): Promise<void> {
    try {
      await this.loadCache();
    } catch (e) {
      this.log.warn(errorText('Policy cache unreadable; loading from the source only:', e));
    }
    if (this.isDisposed) return;
    this.schedule();
    await this.refresh();
  }

  /**
   * Reload from the configured source now. Concurrent calls share one load; a call made while a load is
   * running (the source setting changed meanwhile) runs one more load after it, so the last settings win.
   */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.reloadAfter = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.reloadAfter = false;
        await this.load().catch((e: unknown) => this.log.error(errorText('Policy refresh failed unexpectedly; the policy in force stays:', e)));
      } while (this.reloadAfter && !this.isDisposed);
    })().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** True when the last load failed with a problem that was already reported before (so nothing was shown now). */
  get failureRepeated(): boolean {
    return this.lastProblems.length > 0 && !this.failureWasNew;
  }

  isAcknowledged(): boolean {
    const l = this.loaded;
    if (!l) return false;
    const ack = this.developer.acknowledgement();
    return !!ack && ack.version === l.policy.version && ack.hash === l.hash;
  }

  /** Review and expiry of the policy in force (for the status bar tooltip and the viewer). */
  reviewState(now = new Date()): ReviewState | undefined {
    return this.loaded && reviewState(this.loaded.policy, now);
  }

  acknowledgementState(now = new Date()): AckState | undefined {
    const l = this.loaded;
    if (!l) return undefined;
    return acknowledgementState(l.policy, l.hash, this.developer.acknowledgement(), this.developer.firstSeenSync(l) ?? now.toISOString(), now);
  }

  trainingStates(now = new Date()): TrainingState[] {
    return this.loaded ? trainingStates(this.loaded.policy, this.developer.trainingRecords(), this.developer.trainingFirstSeen(), now) : [];
  }

  /** Records the acknowledgement of the version in force and sends the audit event. */
  async acknowledge(): Promise<boolean> {
    const l = this.loaded;
    if (!l) return false;
    const record = await this.developer.acknowledge(l);
    this.audit.record('policy.acknowledged', { version: record.version, hash: record.hash });
    this.log.info(`Policy version ${record.version} acknowledged.`);
    this.stateEmitter.fire();
    return true;
  }

  async completeTraining(id: string): Promise<boolean> {
    const training = this.loaded?.policy.training?.find((t) => t.id === id);
    if (!training) return false;
    const record = await this.developer.completeTraining(id);
    this.audit.record('training.completed', { training: id, title: training.title, completedAt: record.completedAt, policyVersion: this.loaded?.policy.version });
    this.log.info(`Training "${training.title}" attested as completed.`);
    this.stateEmitter.fire();
    return true;
  }

  private async loadCache(): Promise<void> {
    const source = this.config.values.policySource;
    const entry = await this.cache.read();
    if (!entry || !source || entry.source !== source) return;
    this.parses++;
    const result = acceptPolicy({ data: Buffer.from(entry.data, 'base64'), signature: entry.signature, source: entry.source, etag: entry.etag }, { publicKey: this.pinnedKey() });
    if (!result.ok) {
      this.log.warn(`Cached policy no longer acceptable: ${result.problems.map((p) => p.message).join('; ')}`);
      return;
    }
    this.log.info(`Policy from cache: ${displaySource(entry.source)}, version ${result.loaded.policy.version}, signature ${result.loaded.signature}.`);
    await this.adopt(result.loaded, { signature: entry.signature }, 'cache');
  }

  private async load(): Promise<void> {
    const source = this.config.values.policySource;
    if (!source) {
      this.log.info('No policy source configured (setting aiPolicy.policySource).');
      this.succeeded();
      if (this.loaded) {
        this.loaded = undefined;
        this.emitter.fire(undefined);
      }
      return;
    }
    const keyProblem = this.config.values.publicKey ? publicKeyError(this.config.values.publicKey) : undefined;
    if (keyProblem) return this.fail(source, [{ severity: 'error', code: 'signature', message: `the pinned public key (aiPolicy.publicKey) is unusable: ${keyProblem}` }]);
    // A conditional request would let a policy verified with other keys stand unchecked (304): not after a key change.
    const held = this.loaded?.source === source && this.verifiedWith === this.pinnedKey() ? this.loaded : undefined;
    let fetched;
    try {
      fetched = await fetchPolicy(source, { etag: held?.etag });
    } catch (e) {
      if (this.isDisposed) return;
      // The source's answer (unreachable, too large, refused) or a file system error is reported as a problem
      // below, once; anything else is a fault here, logged with its stack.
      if (!(e instanceof SourceError) && !(e as NodeJS.ErrnoException).code) this.log.error(errorText(`Policy fetch from ${displaySource(source)} failed unexpectedly:`, e));
      const message = e instanceof Error ? e.message : String(e);
      return this.fail(source, [{ severity: 'error', code: 'source', message }]);
    }
    if (this.isDisposed) return; // shut down while fetching: nothing to install or report
    if (fetched.notModified) {
      this.log.debug(`Policy at ${displaySource(source)} not modified.`);
      this.succeeded();
      return;
    }
    const fetchedAs = { data: fetched.data, signature: fetched.signature, etag: fetched.etag };
    // The same bytes and signature from the same source as the policy in force (from the cache at start),
    // verified with the same key: its validated form stands, so a start parses and validates the policy once.
    if (held && this.heldSignature === fetched.signature && held.hash === sha256(fetched.data)) {
      this.succeeded();
      this.log.debug(`Policy at ${displaySource(source)} unchanged (same SHA-256 as the policy in force); not parsed again.`);
      await this.adopt({ ...held, etag: fetched.etag }, fetchedAs, 'source');
      return;
    }
    this.parses++;
    const result = acceptPolicy({ data: fetched.data, signature: fetched.signature, source, etag: fetched.etag }, { publicKey: this.pinnedKey(), current: this.loaded });
    if (!result.ok) return this.fail(source, result.problems, fetched.data.toString('utf8'));
    this.succeeded();
    for (const w of result.loaded.warnings ?? []) this.log.warn(`Policy: ${w.line ? `${w.line}:${w.col}: ` : ''}${w.message}`);
    await this.adopt(result.loaded, fetchedAs, 'source');
  }

  /**
   * The one way a policy becomes the one in force, whether new, unchanged or the same bytes from another
   * source: it records the source, ETag, signature and the key it was verified with (so the next refresh of
   * that source is a conditional request, and rollback protection is keyed to it), caches what came from the
   * source, and tells listeners when the content or the source changed.
   */
  private async adopt(loaded: LoadedPolicy, fetched: { data?: Buffer; signature?: string; etag?: string }, from: 'cache' | 'source'): Promise<void> {
    const previous = this.loaded;
    this.loaded = loaded;
    this.verifiedWith = this.pinnedKey();
    this.heldSignature = fetched.signature;
    if (fetched.data) {
      await this.cache
        .write({ data: fetched.data, signature: fetched.signature, etag: fetched.etag, source: loaded.source })
        .catch((e: unknown) => this.log.warn(errorText('Cannot cache the policy; the next start waits for the source:', e)));
    }
    const label = displaySource(loaded.source);
    if (previous?.hash === loaded.hash) {
      if (previous.source === loaded.source) {
        this.log.debug(`Policy at ${label} unchanged (version ${loaded.policy.version}).`);
        return;
      }
      this.log.info(`Policy source is now ${label}: the same policy as from ${displaySource(previous.source)} (version ${loaded.policy.version}, signature ${loaded.signature}).`);
      if (!this.isDisposed) this.emitter.fire(loaded);
      return;
    }
    if (from === 'source') {
      this.log.info(`Policy loaded from ${label}: ${loaded.policy.organization} version ${loaded.policy.version}, signature ${loaded.signature}${loaded.expired ? ', EXPIRED' : ''}${loaded.reviewOverdue ? ', review overdue' : ''}.`);
    }
    await this.install(loaded, previous, from);
  }

  /** A new content in force: first-seen dates, the policy.loaded event (from the source), listeners. */
  private async install(loaded: LoadedPolicy, previous: LoadedPolicy | undefined, from: 'cache' | 'source'): Promise<void> {
    const previousVersion = previous?.policy.version;
    await this.developer.firstSeen(loaded);
    await this.developer.noteTrainings(loaded);
    if (this.isDisposed) return;
    if (from === 'source') {
      this.audit.record('policy.loaded', {
        version: loaded.policy.version,
        ...(previousVersion !== undefined ? { previousVersion } : {}),
        organization: loaded.policy.organization,
        hash: loaded.hash,
        source: /^https?:/i.test(loaded.source) ? displaySource(loaded.source) : 'file',
        signature: loaded.signature,
        expired: !!loaded.expired,
        published: loaded.policy.published,
        effective: loaded.policy.effective,
        reviewedOn: loaded.policy.reviewedOn,
        nextReview: loaded.policy.nextReview,
      });
    }
    this.emitter.fire(loaded);
  }

  private succeeded(): void {
    const had = this.lastProblems.length > 0;
    this.lastProblems = [];
    this.reporter.clear();
    if (had) this.problemsEmitter.fire(this.lastProblems);
  }

  private fail(source: string, problems: PolicyProblem[], text?: string): void {
    this.lastProblems = problems;
    this.problemsEmitter.fire(problems);
    this.failureWasNew = this.reporter.report(source, problems, text, !!this.loaded);
    if (!this.failureWasNew) return;
    this.audit.record('policy.refused', { codes: [...new Set(problems.map((p) => p.code ?? 'error'))], keptVersion: this.loaded?.policy.version });
  }

  private pinnedKey(): string | undefined {
    return this.config.values.publicKey || undefined;
  }

  private schedule(): void {
    clearInterval(this.timer);
    if (this.isDisposed) return;
    const ms = this.config.values.refreshIntervalMinutes * 60_000;
    this.timer = setInterval(() => void this.refresh(), ms);
  }
}
