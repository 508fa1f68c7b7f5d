// Records audit events into a persistent queue in global storage and delivers them (and, optionally,
// their OTLP twins) in the background. Events always go to the local queue, so the transparency view
// shows them; they leave the machine only when an endpoint is configured.
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import vscode = require('vscode');
import { errorText } from '../../core/errorText';
import type { EventData } from '../../core/audit/eventData';
import { createEvent, isEventType, type AuditEventType } from '../../core/audit/events';
import { machinePseudonym, type Identity } from '../../core/audit/identity';
import { EventQueue } from '../../core/audit/queue';
import { acquireSlot, adoptOrphans, type QueueSlot } from '../../core/audit/queueSlot';
import { Sender } from '../../core/audit/sender';
import { encodeOtlp } from '../../core/audit/otlp';
import type { Config } from '../config';
import { Disposable, toDisposable } from '../lifecycle';
import type { AuditService, AuditSnapshot, DeliveryTargets, PolicyService } from '../services';
import { DeveloperIdentity } from './developerIdentity';
import { deliveryTargets, readToken, TOKEN_SECRET_KEY } from './delivery';

/** How long the shutdown waits for delivery before it writes and closes the journal. */
export const SHUTDOWN_FLUSH_MS = 2500;
/** How long events wait for the first policy (which may ask for pseudonymized ids) before going out as they are. */
const FIRST_POLICY_WAIT_MS = 30_000;

/** An event as recorded: its type and data as the caller passed them, before the guard. */
export interface RecordedEvent {
  type: AuditEventType;
  data: EventData<AuditEventType>;
}

interface Held extends RecordedEvent {
  time: Date;
}

export class AuditRecorder extends Disposable implements AuditService {
  private readonly root: string;
  private readonly slot: QueueSlot;
  private readonly queue: EventQueue;
  private readonly otlpQueue: EventQueue;
  private readonly machine = machinePseudonym(vscode.env.machineId);
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when events are queued or delivered. */
  readonly onDidChange = this.changed.event;
  private readonly recorded = this._register(new vscode.EventEmitter<RecordedEvent>());
  /** Fires, synchronously, for every event accepted by record() (the extension's test hooks pass it on). */
  readonly onDidRecord = this.recorded.event;
  private policy: PolicyService | undefined;
  private sender: Sender | undefined;
  private otlpSender: Sender | undefined;
  private targets: DeliveryTargets = {};
  private targetError: string | undefined;
  private token: string | undefined;
  private configured = false;
  private readonly identity: DeveloperIdentity;
  /** Events recorded before the first policy arrived (undefined once it has, or the wait is over). */
  private held: Held[] | undefined = [];
  private heldTimer: NodeJS.Timeout | undefined;
  private readonly tokenLoaded: Promise<void>;
  /** Set by dispose(): resolves once the journals are written and closed and the slot is released. */
  private closed: Promise<void> | undefined;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
  ) {
    super();
    this.identity = new DeveloperIdentity(log);
    let root = path.join(context.globalStorageUri.fsPath, 'audit');
    try {
      this.slot = acquireSlot(root);
    } catch (e) {
      // Never fail activation over the queue: keep events in a temporary folder for this session.
      log.error(errorText(`Audit: cannot use ${root}; queueing in a temporary folder:`, e));
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-audit-'));
      this.slot = acquireSlot(root);
    }
    this.root = root;
    const onWriteError = (e: Error) => log.error(errorText('Audit: could not write the queue (kept in memory, retried with the next event):', e));
    this.queue = new EventQueue(path.join(this.slot.dir, 'events'), { onWriteError });
    this.otlpQueue = new EventQueue(path.join(this.slot.dir, 'otlp'), { onWriteError });
    const s = this.queue.stats();
    if (s.corruptLines) log.warn(`Audit: skipped ${s.corruptLines} unreadable queue entries (an interrupted write).`);
    this._register(config.onDidChange(() => this.reconfigure()));
    this._register(
      context.secrets.onDidChange((e) => {
        if (e.key === TOKEN_SECRET_KEY) void this.loadToken();
      }),
    );
    this._register(
      toDisposable(() => {
        if (this.heldTimer) clearTimeout(this.heldTimer);
        this.sender?.stop();
        this.otlpSender?.stop();
      }),
    );
    void this.adoptOrphans();
    this.tokenLoaded = this.loadToken().catch((e: unknown) => this.log.warn(errorText('Audit: could not read the token; events are sent without it:', e)));
    if (!config.values.policySource) this.release();
    else this.heldTimer = setTimeout(() => this.release(), FIRST_POLICY_WAIT_MS);
  }

  attachPolicy(policy: PolicyService): void {
    this.policy = policy;
    this._register(
      policy.onDidChange((p) => {
        this.reconfigure();
        if (p) this.release();
      }),
    );
    this.reconfigure();
    if (policy.current) this.release();
  }

  /** Takes over the events queued by windows that ended without delivering them. */
  private async adoptOrphans(): Promise<void> {
    try {
      const adopted = (await adoptOrphans(this.root, this.slot.dir, 'events', this.queue)) + (await adoptOrphans(this.root, this.slot.dir, 'otlp', this.otlpQueue));
      if (adopted) this.log.info(`Audit: took over ${adopted} queued events left by an earlier session.`);
    } catch (e) {
      this.log.warn(errorText('Audit: could not take over queued events of an earlier session:', e));
    }
  }

  /** Lets held events through, now that the identity rules of the policy are known (or will not be). */
  private release(): void {
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    const held = this.held;
    this.held = undefined;
    for (const h of held ?? []) this.admit(h);
  }

  record<T extends AuditEventType>(type: T, data: EventData<T>): void {
    if (!isEventType(type)) {
      this.log.warn(`Audit: ignored an event with an unknown type "${String(type)}".`);
      return;
    }
    if (this.isDisposed) return;
    const h: Held = { type, data, time: new Date() };
    this.recorded.fire({ type, data });
    // Until the first policy is in, the developer id may have to be pseudonymized: wait for it.
    if (this.held && !this.policy?.current) this.held.push(h);
    else this.admit(h);
  }

  private admit(h: Held): void {
    const policyVersion = this.policy?.current?.policy.version ?? null;
    this.identity.get(this.policy?.current, this.config.values.developerId).then(
      (id) => this.store(h, id, policyVersion),
      (e: unknown) => this.log.error(errorText(`Audit: could not record ${h.type}:`, e)),
    );
  }

  private store(h: Held, id: Identity, policyVersion: number | null): void {
    const event = createEvent(
      h.type,
      h.data,
      {
        developer: id.developer,
        machine: this.machine,
        editor: { name: vscode.env.appName, version: vscode.version },
        extensionVersion: String(this.context.extension.packageJSON.version ?? '0.0.0'),
        policyVersion,
      },
      h.time,
    );
    if (Array.isArray(event.data.redacted)) this.log.warn(`Audit: ${h.type} event: left out ${(event.data.redacted as string[]).join(', ')} (not allowed in audit events).`);
    // Written in the next batch, off this thread; after shutdown the queues take nothing more.
    this.queue.enqueue([event]);
    if (this.targets.otlpEndpoint) this.otlpQueue.enqueue([event]);
    this.log.trace(`Audit: queued ${h.type} ${event.id}`);
    this.sender?.kick();
    this.otlpSender?.kick();
    if (!this.isDisposed) this.changed.fire();
  }

  private async loadToken(): Promise<void> {
    const token = await readToken(this.context.secrets);
    if (this.isDisposed) return;
    const changed = token !== this.token;
    this.token = token;
    this.reconfigure();
    if (changed) {
      // A new token may fix a 401: try again now rather than after the backoff.
      this.sender?.retryNow();
      this.otlpSender?.retryNow();
    }
  }

  private reconfigure(): void {
    if (this.isDisposed) return;
    const next = deliveryTargets(this.config.values, this.policy?.current);
    if (this.configured && next.endpoint === this.targets.endpoint && next.otlpEndpoint === this.targets.otlpEndpoint) return;
    this.configured = true;
    this.targets = next;
    this.sender?.stop();
    this.otlpSender?.stop();
    this.targetError = undefined;
    this.sender = this.makeSender(next.endpoint, this.queue, false);
    this.otlpSender = this.makeSender(next.otlpEndpoint, this.otlpQueue, true);
    const where = [next.endpoint, next.otlpEndpoint && `OTLP ${next.otlpEndpoint}`].filter(Boolean).join(' and ');
    this.log.info(where ? `Audit: events go to ${where}.` : 'Audit: no endpoint configured; events stay on this machine.');
    this.changed.fire();
  }

  private makeSender(endpoint: string | undefined, queue: EventQueue, otlp: boolean): Sender | undefined {
    if (!endpoint) return undefined;
    try {
      const s = new Sender(queue, {
        endpoint,
        token: () => this.token,
        encode: otlp ? encodeOtlp : undefined,
        log: (level, message) => this.log[level](message),
      });
      s.start();
      return s;
    } catch (e) {
      this.targetError = e instanceof Error ? e.message : String(e);
      this.log.error(errorText('Audit: events stay queued on this machine:', e));
      return undefined;
    }
  }

  async flush(timeoutMs = 10_000): Promise<void> {
    this.release();
    // Events recorded just now wait for the developer id; the token may still be loading.
    await Promise.all([this.identity.settled(), this.tokenLoaded]);
    await Promise.all([this.sender?.flush(timeoutMs), this.otlpSender?.flush(timeoutMs)]);
    if (!this.isDisposed) this.changed.fire();
  }

  async requestStatus(ids: readonly string[]): Promise<{ requestId: string; status: string; note?: string }[] | undefined> {
    const endpoint = this.targets.endpoint;
    if (!endpoint || !ids.length || !/\/v1\/events\/?$/.test(endpoint)) return undefined;
    await this.tokenLoaded;
    const url = `${endpoint.replace(/\/v1\/events\/?$/, '/v1/requests/status')}?ids=${ids.map(encodeURIComponent).join(',')}`;
    const res = await fetch(url, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {}, signal: AbortSignal.timeout(15_000), redirect: 'error' });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const body = (await res.json()) as { requests?: unknown };
    return Array.isArray(body.requests) ? (body.requests as { requestId: string; status: string; note?: string }[]) : [];
  }

  snapshot(maxEvents = 500): AuditSnapshot {
    return {
      targets: this.targets,
      tokenSet: !!this.token,
      // Per-developer tokens (`ai-policy enroll`) have their own prefix; the shared ingest token does not.
      enrolled: !!this.token?.startsWith('aipe_'),
      developer: this.identity.resolved?.developer,
      identitySource: this.identity.resolved?.source,
      deliveryError: this.targetError,
      events: { stats: this.queue.stats(), queued: this.queue.peek(maxEvents), sent: this.queue.recent() },
      otlp: this.targets.otlpEndpoint ? this.otlpQueue.stats() : undefined,
    };
  }

  /**
   * The shutdown, in order: deliver what is queued (bounded by `timeoutMs`), stop delivering, write and
   * close the journals, and only then release the queue slot's lock for another window to take.
   */
  async shutdown(timeoutMs = SHUTDOWN_FLUSH_MS): Promise<void> {
    if (!this.isDisposed) {
      await this.flush(timeoutMs).catch((e: unknown) => this.log.warn(errorText('Audit: delivery at shutdown failed; the events stay queued for the next session:', e)));
    }
    this.dispose();
    await this.closed;
  }

  /** Stops at once (no delivery); the journals are still written and closed before the slot is released. */
  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.closed = Promise.all([this.queue.close(), this.otlpQueue.close()]).then(
      () => this.slot.release(),
      (e: unknown) => {
        this.log.error(errorText('Audit: could not close the queue:', e));
        this.slot.release();
      },
    );
  }
}
