// The audit event types, a leaf module: the event builder, its guard and the wire schema all name them
// without importing each other.
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
  'agent.activity',
  'disclosure.pr',
  'enforcement.drift',
  'tool.requested',
] as const;

export type AuditEventType = (typeof EVENT_TYPES)[number];

export function isEventType(t: string): t is AuditEventType {
  return (EVENT_TYPES as readonly string[]).includes(t);
}
