// Records audit events into a persistent queue in global storage and delivers them (and, optionally,
// their OTLP twins) in the background. Events always go to the local queue, so the transparency view
// shows them; they leave the machine only when an endpoint is configured.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import vscode = require('vscode');
import { createEvent, type AuditEvent, type AuditEventType } from '../../core/audit/events';
import { machinePseudonym, type Identity } from '../../core/audit/identity';
import { EventQueue, type QueueStats } from '../../core/audit/queue';
import { acquireSlot, adoptOrphans, type QueueSlot } from '../../core/audit/queueSlot';
import { Sender } from '../../core/audit/sender';
import { encodeOtlp } from '../../core/audit/otlp';
import type { AuditService, PolicyService } from '../services';
import type { Config } from '../config';
import { DeveloperIdentity } from './developerIdentity';
import { deliveryTargets, readToken, TOKEN_SECRET_KEY, type DeliveryTargets } from './delivery';

const SHUTDOWN_FLUSH_MS = 2500;
/** How long events wait for the first policy (which may ask for pseudonymized ids) before going out as they are. */
const FIRST_POLICY_WAIT_MS = 30_000;

interface Held {
  type: string;
  data: Record<string, unknown>;
  time: Date;
}

export interface AuditSnapshot {
  targets: DeliveryTargets;
  tokenSet: boolean;
  developer?: string;
  identitySource?: string;
  deliveryError?: string;
  events: { stats: QueueStats; queued: AuditEvent[]; sent: readonly AuditEvent[] };
  otlp?: QueueStats;
}

export class AuditRecorder implements AuditService, vscode.Disposable {
  /** The live recorders; deactivate() has no other way to reach the instance to flush it. */
  private static readonly live = new Set<AuditRecorder>();
  private readonly slot: QueueSlot;
  private readonly queue: EventQueue;
  private readonly otlpQueue: EventQueue;
  private readonly machine = machinePseudonym(vscode.env.machineId);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when events are queued or delivered. */
  readonly onDidChange = this.changed.event;
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

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: Config,
  ) {
    this.identity = new DeveloperIdentity(log);
    let root = path.join(context.globalStorageUri.fsPath, 'audit');
    try {
      this.slot = acquireSlot(root);
    } catch (e) {
      // Never fail activation over the queue: keep events in a temporary folder for this session.
      log.error(`Audit: cannot use ${root} (${e instanceof Error ? e.message : String(e)}); queueing in a temporary folder.`);
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-audit-'));
      this.slot = acquireSlot(root);
    }
    this.queue = new EventQueue(path.join(this.slot.dir, 'events'));
    this.otlpQueue = new EventQueue(path.join(this.slot.dir, 'otlp'));
    const adopted = adoptOrphans(root, this.slot.dir, 'events', this.queue) + adoptOrphans(root, this.slot.dir, 'otlp', this.otlpQueue);
    if (adopted) log.info(`Audit: took over ${adopted} queued events left by an earlier session.`);
    const s = this.queue.stats();
    if (s.corruptLines) log.warn(`Audit: skipped ${s.corruptLines} unreadable queue entries (an interrupted write).`);
    this.disposables.push(
      config.onDidChange(() => this.reconfigure()),
      context.secrets.onDidChange((e) => {
        if (e.key === TOKEN_SECRET_KEY) void this.loadToken();
      }),
      this.changed,
    );
    AuditRecorder.live.add(this);
    void this.loadToken();
    if (!config.values.policySource) this.release();
    else this.heldTimer = setTimeout(() => this.release(), FIRST_POLICY_WAIT_MS);
  }

  attachPolicy(policy: PolicyService): void {
    this.policy = policy;
    this.disposables.push(
      policy.onDidChange((p) => {
        this.reconfigure();
        if (p) this.release();
      }),
    );
    this.reconfigure();
    if (policy.current) this.release();
  }

  /** Lets held events through, now that the identity rules of the policy are known (or will not be). */
  private release(): void {
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    const held = this.held;
    this.held = undefined;
    for (const h of held ?? []) this.admit(h);
  }

  record(type: string, data: Record<string, unknown>): void {
    if (!/^[a-z][a-z0-9.-]{0,40}$/.test(type)) {
      this.log.warn(`Audit: ignored an event with an invalid type "${type}".`);
      return;
    }
    const h: Held = { type, data, time: new Date() };
    // Until the first policy is in, the developer id may have to be pseudonymized: wait for it.
    if (this.held && !this.policy?.current) this.held.push(h);
    else this.admit(h);
  }

  private admit(h: Held): void {
    const policyVersion = this.policy?.current?.policy.version ?? null;
    this.identity.get(this.policy?.current, this.config.values.developerId).then(
      (id) => this.store(h.type as AuditEventType, h.data, id, h.time, policyVersion),
      (e: unknown) => this.log.error(`Audit: could not record ${h.type}: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private store(type: AuditEventType, data: Record<string, unknown>, id: Identity, time: Date, policyVersion: number | null): void {
    const event = createEvent(
      type,
      data,
      {
        developer: id.developer,
        machine: this.machine,
        editor: { name: vscode.env.appName, version: vscode.version },
        extensionVersion: String(this.context.extension.packageJSON.version ?? '0.0.0'),
        policyVersion,
      },
      time,
    );
    if (Array.isArray(event.data.redacted)) this.log.warn(`Audit: ${type} event: left out ${(event.data.redacted as string[]).join(', ')} (not allowed in audit events).`);
    try {
      this.queue.enqueue([event]);
      if (this.targets.otlpEndpoint) this.otlpQueue.enqueue([event]);
    } catch (e) {
      this.log.error(`Audit: could not queue ${type}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.log.trace(`Audit: queued ${type} ${event.id}`);
    this.sender?.kick();
    this.otlpSender?.kick();
    this.changed.fire();
  }

  private async loadToken(): Promise<void> {
    const token = await readToken(this.context.secrets);
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
      this.log.error(`Audit: ${this.targetError}; events stay queued on this machine.`);
      return undefined;
    }
  }

  async flush(timeoutMs = 10_000): Promise<void> {
    if (this.held) {
      this.release();
      await this.identity.settled();
    }
    await Promise.all([this.sender?.flush(timeoutMs), this.otlpSender?.flush(timeoutMs)]);
    this.changed.fire();
  }

  snapshot(maxEvents = 500): AuditSnapshot {
    return {
      targets: this.targets,
      tokenSet: !!this.token,
      developer: this.identity.resolved?.developer,
      identitySource: this.identity.resolved?.source,
      deliveryError: this.targetError,
      events: { stats: this.queue.stats(), queued: this.queue.peek(maxEvents), sent: this.queue.recent() },
      otlp: this.targets.otlpEndpoint ? this.otlpQueue.stats() : undefined,
    };
  }

  /** Flushes every live recorder, giving up after a short bound so the editor can close. */
  static flushOnShutdown(): Promise<void> | undefined {
    if (!AuditRecorder.live.size) return undefined;
    return Promise.all([...AuditRecorder.live].map((r) => r.flush(SHUTDOWN_FLUSH_MS))).then(() => undefined);
  }

  dispose(): void {
    AuditRecorder.live.delete(this);
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.sender?.stop();
    this.otlpSender?.stop();
    this.disposables.forEach((d) => d.dispose());
    this.queue.close();
    this.otlpQueue.close();
    this.slot.release();
  }
}
