// Audit event shape and construction. Every event passes through the guard in eventGuard.ts, so what
// leaves the machine is limited to allow-listed, typed fields: never file contents, secrets or raw paths.
import { nodeCrypto } from '../nodeBuiltins';
import { sanitizeData } from './eventGuard';

export const EVENT_TYPES = [
  'inventory',
  'tool.added',
  'tool.removed',
  'policy.loaded',
  'policy.refused',
  'policy.acknowledged',
  'training.completed',
  'exposure',
  'disclosure.added',
  'ignoreFiles.added',
  'ignoreFiles.written',
  'agent.blocked',
  'agent.hookError',
  'agent.exposed',
  'agent.hooksInstalled',
  'enforcement.drift',
] as const;

export type AuditEventType = (typeof EVENT_TYPES)[number];

export function isEventType(t: string): t is AuditEventType {
  return (EVENT_TYPES as readonly string[]).includes(t);
}

/** Who and where an event comes from; filled into every event. */
export interface EventContext {
  /** Developer id as the policy asks for it (possibly `anon:<hex>`). */
  developer: string;
  /** Pseudonymous machine id (a hash, never the raw id). */
  machine: string;
  editor: { name: string; version: string };
  extensionVersion: string;
  /** Version of the policy in force, or null before one is loaded. */
  policyVersion: number | null;
}

export interface AuditEvent extends EventContext {
  id: string;
  type: AuditEventType;
  /** ISO 8601, UTC. */
  time: string;
  data: Record<string, unknown>;
}

/** Builds a complete event; unknown or unsafe data fields are removed (their key names listed in `data.redacted`). */
export function createEvent(
  type: AuditEventType,
  data: Record<string, unknown>,
  ctx: EventContext,
  now: Date = new Date(),
): AuditEvent {
  return {
    id: nodeCrypto().randomUUID(),
    type,
    time: now.toISOString(),
    developer: ctx.developer,
    machine: ctx.machine,
    editor: { name: ctx.editor.name, version: ctx.editor.version },
    extensionVersion: ctx.extensionVersion,
    policyVersion: ctx.policyVersion,
    data: sanitizeData(type, data),
  };
}
