// Delivery of the hooks' spool without an editor (`ai-policy hooks flush`, and the hook's once-a-day
// detached run): the complete days of the activity tally are folded, the spool is drained, and the events
// go through the same queue and sender as the editor's, to the managed configuration's endpoint and token.
import path = require('node:path');
import { cliEventContext } from '../audit/cliContext';
import { checkEndpoint } from '../audit/endpoint';
import { createEvent, type AuditEvent, type EventContext } from '../audit/events';
import { deliverNow, type OneShotResult } from '../audit/oneShot';
import type { LogFn } from '../audit/sender';
import { readManagedConfig } from '../managed/managedConfig';
import { foldActivity } from './activity';
import { resolveHookPolicy } from './resolve';
import { drainSpool, type SpooledEvent } from './spool';

export const TOKEN_ENV = 'AI_POLICY_AUDIT_TOKEN';
/** The command line's own queue in the agent state folder (the editor keeps its queue in its storage). */
export const CLI_QUEUE_DIR = 'cli-audit';

export interface FlushOptions {
  stateDir: string;
  managedPath?: string;
  version: string;
  now?: Date;
  timeoutMs?: number;
  log?: LogFn;
}

export type FlushResult = { ok: true; folded: number; taken: number; delivery: OneShotResult } | { ok: false; error: string };

/** The spooled event as an audit event; the hook's own time travels as hookTime. */
export function toAuditEvent(e: SpooledEvent, ctx: EventContext, now: Date): AuditEvent {
  const data = e.type === 'agent.activity' ? e.data : { ...e.data, hookTime: e.time };
  return createEvent(e.type, data, ctx, now);
}

export async function flushSpool(opts: FlushOptions): Promise<FlushResult> {
  const managed = readManagedConfig(opts.managedPath);
  if (managed.error) return { ok: false, error: `managed configuration: ${managed.error}` };
  const endpoint = managed.config?.auditEndpoint;
  if (!endpoint) return { ok: false, error: `no audit endpoint: set "auditEndpoint" in the managed configuration (${managed.path})` };
  try {
    checkEndpoint(endpoint);
  } catch (e) {
    return { ok: false, error: `managed configuration: auditEndpoint: ${(e as Error).message}` };
  }
  const now = opts.now ?? new Date();
  const folded = await foldActivity(opts.stateDir, now);
  const policy = await resolveHookPolicy({ stateDir: opts.stateDir, managedPath: opts.managedPath });
  // Without a policy the identity falls back to git email, never pseudonymized: better to wait for it.
  if (!policy.ok) return { ok: false, error: `the events stay spooled until a policy can be read (it decides how developers are identified): ${policy.error}` };
  const ctx = await cliEventContext({ policy: policy.policy, explicitId: managed.config?.developerId, version: opts.version });
  const spooled = await drainSpool(opts.stateDir);
  const events = spooled.map((e) => toAuditEvent(e, ctx, now));
  const delivery = await deliverNow(events, {
    root: path.join(opts.stateDir, CLI_QUEUE_DIR),
    endpoint,
    token: managed.config?.auditToken ?? process.env[TOKEN_ENV],
    timeoutMs: opts.timeoutMs,
    log: opts.log,
  });
  return { ok: true, folded: folded.length, taken: events.length, delivery };
}
