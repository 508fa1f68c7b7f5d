// The audit event wire format, defined once for both ends: the editor's guard (eventGuard.ts) keeps only
// these fields and checks each value against its kind (stricter: it also drops content-, path- and
// secret-like strings); the reference server (src/server/validate.ts) refuses events whose known fields do
// not match the JSON Schema derived here, and keeps a newer editor's unknown fields and types, noted.
import type { AuditEventType } from './eventTypes';

export type Kind = 'text' | 'id' | 'hash' | 'number' | 'boolean' | 'ids' | 'texts' | 'tool' | 'tools' | 'counts' | 'source' | 'date' | 'dates';

/** Size limits of the wire format (the editor truncates lists to them, the server refuses larger). */
export const WIRE_LIMITS = { text: 200, list: 100, tools: 1000, counts: 100, countKey: 40 } as const;

export const TOOL_FIELDS: Readonly<Record<string, Kind>> = {
  id: 'id',
  name: 'text',
  version: 'id',
  kind: 'id',
  status: 'id',
  enabled: 'boolean',
  active: 'boolean',
  policyToolId: 'id',
  dataClasses: 'ids',
  // The UTC days (last 14) this tool was active in a window while the developer edited there; a set that
  // every inventory repeats, so the receiver takes the union per developer, tool and day.
  activeDays: 'dates',
};

/** Fields every event type may carry; `redacted` lists the keys the editor's guard removed. */
export const COMMON_FIELDS: Readonly<Record<string, Kind>> = { reason: 'text', count: 'number', redacted: 'ids' };

export const EVENT_FIELDS: Readonly<Record<AuditEventType, Readonly<Record<string, Kind>>>> = {
  inventory: { tools: 'tools', counts: 'counts' },
  'tool.added': { tool: 'tool', ...TOOL_FIELDS },
  'tool.removed': { tool: 'tool', ...TOOL_FIELDS },
  'policy.loaded': {
    version: 'number',
    hash: 'hash',
    signature: 'id',
    source: 'source',
    expired: 'boolean',
    organization: 'text',
    previousVersion: 'number',
    published: 'date',
    effective: 'date',
    reviewedOn: 'date',
    nextReview: 'date',
  },
  'policy.refused': { codes: 'ids', keptVersion: 'number' },
  'policy.acknowledged': { version: 'number', hash: 'hash', method: 'id' },
  'training.completed': { trainingId: 'id', training: 'id', title: 'text', policyVersion: 'number', completedAt: 'id' },
  // `tools` are tool ids (extension ids, `vscode.chat`, `mcp:<name>`); their display names travel beside them.
  exposure: { classes: 'ids', rules: 'ids', pathHash: 'hash', tools: 'ids', toolNames: 'texts', findings: 'number', languageId: 'id', action: 'id' },
  'disclosure.added': { tools: 'ids', trailer: 'id', target: 'id', repoHash: 'hash' },
  'ignoreFiles.added': { files: 'ids' },
  'ignoreFiles.written': { files: 'ids' },
  // Recorded by agent hooks (ai-policy hook): never the file, command or prompt, only its rules, classes and a path hash.
  // `mode` is the managed hooks mode: `audit` records what enforcement would have refused and lets it through.
  'agent.blocked': { harness: 'id', tool: 'text', action: 'id', rules: 'ids', classes: 'ids', pathHash: 'hash', mcpServer: 'text', mode: 'id', hookTime: 'date' },
  'agent.hookError': { harness: 'id', code: 'id', action: 'id', hookTime: 'date' },
  // What a tool returned to an agent held data it is not cleared for (harness, tool, rules, classes; never the value or path).
  'agent.exposed': { harness: 'id', tool: 'text', action: 'id', rules: 'ids', classes: 'ids', mcpServer: 'text', mode: 'id', hookTime: 'date' },
  'agent.hooksInstalled': { harnesses: 'ids', scope: 'id' },
  // One per harness and complete UTC day, folded from the hooks' local tally: counts only, no content.
  'agent.activity': { day: 'date', harness: 'id', sessions: 'number', toolCalls: 'number', prompts: 'number', denials: 'number', auditDenials: 'number' },
  // One per `ai-policy disclosure check --report` run in CI: the repository as a hash, counts and tool ids.
  'disclosure.pr': {
    repoHash: 'hash',
    pr: 'number',
    provider: 'id',
    commits: 'number',
    assistedCommits: 'number',
    tools: 'ids',
    prDisclosed: 'boolean',
    result: 'id',
    problems: 'ids',
  },
  // The VS Code settings (and the policy names that would enforce them) this machine does not set as the policy requires.
  'enforcement.drift': { settings: 'ids', policyNames: 'ids' },
  // A developer asks for an exception (their reason travels in the common `reason`): what, for whom, how long.
  // `repository` is the remote's owner/name (never a URL or path); `identity` says whether an enrolled token sent it.
  'tool.requested': {
    requestId: 'id',
    toolId: 'id',
    toolName: 'text',
    mcpServer: 'text',
    dataClass: 'id',
    scope: 'id',
    team: 'text',
    repository: 'text',
    days: 'number',
    identity: 'id',
  },
};

/** The data fields an event type may carry (undefined for an unknown type). */
export function fieldsOf(type: string): Readonly<Record<string, Kind>> | undefined {
  return Object.prototype.hasOwnProperty.call(EVENT_FIELDS, type) ? { ...COMMON_FIELDS, ...EVENT_FIELDS[type as AuditEventType] } : undefined;
}

export const HASH_PATTERN = '^(sha256:)?[0-9a-fA-F]{16,128}$';
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$';

type JsonSchema = Record<string, unknown>;

function kindSchema(kind: Kind, opts: SchemaOptions): JsonSchema {
  const text = { type: 'string', maxLength: WIRE_LIMITS.text };
  const id = { type: 'string', minLength: 1, maxLength: WIRE_LIMITS.text, pattern: '^\\S+$' };
  switch (kind) {
    case 'text':
    case 'source':
      return text;
    case 'id':
      return id;
    case 'hash':
      return { type: 'string', pattern: HASH_PATTERN };
    case 'date':
      return { type: 'string', maxLength: 40, pattern: DATE_PATTERN };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'ids':
      return { type: 'array', maxItems: WIRE_LIMITS.list, items: id };
    case 'dates':
      return { type: 'array', maxItems: WIRE_LIMITS.list, items: { type: 'string', maxLength: 10, pattern: DAY_PATTERN } };
    case 'texts':
      return { type: 'array', maxItems: WIRE_LIMITS.list, items: text };
    case 'counts':
      return {
        type: 'object',
        maxProperties: WIRE_LIMITS.counts,
        propertyNames: { pattern: `^[A-Za-z0-9_.-]{1,${WIRE_LIMITS.countKey}}$` },
        additionalProperties: { type: 'number' },
      };
    case 'tool':
      return objectSchema(TOOL_FIELDS, opts);
    case 'tools':
      return { type: 'array', maxItems: WIRE_LIMITS.tools, items: objectSchema(TOOL_FIELDS, opts) };
  }
}

/**
 * `open`: fields this version does not know are allowed (the server keeps them and marks them not
 * understood); the fields it knows are still checked against their kind.
 */
export interface SchemaOptions {
  open?: boolean;
}

function objectSchema(fields: Readonly<Record<string, Kind>>, opts: SchemaOptions = {}): JsonSchema {
  return {
    type: 'object',
    additionalProperties: !!opts.open,
    properties: Object.fromEntries(Object.entries(fields).map(([k, kind]) => [k, kindSchema(kind, opts)])),
  };
}

/** JSON Schema of an event's `data` for one type. */
export function dataJsonSchema(type: AuditEventType, opts: SchemaOptions = {}): JsonSchema {
  return objectSchema(fieldsOf(type) ?? {}, opts);
}

/** What an event type's name looks like (a newer editor's types too): dotted words, no spaces. */
export const TYPE_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]{0,63}$';

/** JSON Schema of the event envelope (its `data` is checked per type with dataJsonSchema); open, it takes any well-formed type. */
export function envelopeJsonSchema(opts: SchemaOptions = {}): JsonSchema {
  const text = { type: 'string', minLength: 1, maxLength: WIRE_LIMITS.text };
  return {
    type: 'object',
    required: ['id', 'type', 'time'],
    additionalProperties: !!opts.open,
    properties: {
      id: text,
      type: opts.open ? { type: 'string', pattern: TYPE_PATTERN } : { type: 'string', enum: Object.keys(EVENT_FIELDS) },
      time: { type: 'string', maxLength: 40 },
      developer: text,
      machine: text,
      editor: { type: 'object', additionalProperties: !!opts.open, properties: { name: { type: 'string', maxLength: WIRE_LIMITS.text }, version: { type: 'string', maxLength: WIRE_LIMITS.text } } },
      extensionVersion: { type: 'string', maxLength: WIRE_LIMITS.text },
      policyVersion: { type: ['integer', 'null'] },
      data: { type: 'object' },
    },
  };
}
