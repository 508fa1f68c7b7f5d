// The same audit events as OpenTelemetry log records, OTLP/HTTP JSON encoding (POST …/v1/logs), so an
// organization can route them through its existing OpenTelemetry Collector. Per the OTLP JSON rules,
// 64-bit integers (timeUnixNano, intValue) are decimal strings and attribute values are typed.
import type { AuditEvent } from './events';

export type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: AnyValue[] } }
  | { kvlistValue: { values: KeyValue[] } };

export interface KeyValue {
  key: string;
  value: AnyValue;
}

export const SCOPE_NAME = 'ai-tool-policy.audit';
const SEVERITY_INFO = 9;

export function anyValue(v: unknown): AnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  if (v && typeof v === 'object') return { kvlistValue: { values: attributes(v as Record<string, unknown>) } };
  return { stringValue: v === null || v === undefined ? '' : String(v) };
}

export function attributes(o: Record<string, unknown>): KeyValue[] {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([key, v]) => ({ key, value: anyValue(v) }));
}

function unixNano(iso: string): string {
  const ms = Date.parse(iso);
  return (BigInt(Number.isFinite(ms) ? ms : 0) * 1_000_000n).toString();
}

function logRecord(e: AuditEvent, observed: string): Record<string, unknown> {
  return {
    timeUnixNano: unixNano(e.time),
    observedTimeUnixNano: observed,
    severityNumber: SEVERITY_INFO,
    severityText: 'INFO',
    eventName: `ai_policy.${e.type}`,
    body: { kvlistValue: { values: attributes(e.data) } },
    attributes: attributes({
      'event.name': `ai_policy.${e.type}`,
      'event.id': e.id,
      'user.id': e.developer,
      'ai_policy.policy.version': e.policyVersion ?? undefined,
    }),
  };
}

/** Groups events by their source (machine, editor, extension version) into resourceLogs. */
export function toOtlpLogs(events: readonly AuditEvent[], extensionName = 'ai-tool-policy'): Record<string, unknown> {
  const observed = unixNano(new Date().toISOString());
  const groups = new Map<string, AuditEvent[]>();
  for (const e of events) {
    const key = JSON.stringify([e.machine, e.editor.name, e.editor.version, e.extensionVersion]);
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  return {
    resourceLogs: [...groups.values()].map((list) => {
      const first = list[0];
      return {
        resource: {
          attributes: attributes({
            'service.name': extensionName,
            'service.version': first.extensionVersion,
            'host.id': first.machine,
            'ai_policy.editor.name': first.editor.name,
            'ai_policy.editor.version': first.editor.version,
          }),
        },
        scopeLogs: [
          {
            scope: { name: SCOPE_NAME, version: first.extensionVersion },
            logRecords: list.map((e) => logRecord(e, observed)),
          },
        ],
      };
    }),
  };
}

export const encodeOtlp = (events: readonly AuditEvent[]): string => JSON.stringify(toOtlpLogs(events));
