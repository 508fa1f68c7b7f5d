// Turns the schema validator's error objects into one clear message per mistake: a misspelt key is one
// error with a suggestion (not "unknown key" plus "missing key"), a bad date shows the value and the form.
// Works from ajv's ErrorObject fields (keyword, instancePath, schemaPath, params) and the schema JSON, so
// it holds for a compiled or a standalone-generated validator alike. What the schema says about a place is
// looked up by walking the schema along the instance path (schemaPath is relative to a $ref's target).
import type { ErrorObject } from 'ajv';
import { pointerSegments } from './parse';
import { closest } from './suggest';
import type { PolicyProblem } from './types';

export interface SchemaProblem extends PolicyProblem {
  /** True when the location is a map key (unknown key), not a value. */
  atKey?: boolean;
}

/** Readable problems for the validator's errors on `value`; `schema` is the JSON Schema they came from. */
export function describeSchemaErrors(errors: readonly ErrorObject[], value: unknown, schema: object): SchemaProblem[] {
  const kept = collapse(errors);
  // A misspelt required key shows up twice: as unknown and as missing. Say it once, at the misspelt key.
  const misspelt = new Map<string, string>();
  const out: SchemaProblem[] = [];
  for (const e of kept.filter((x) => x.keyword === 'additionalProperties')) {
    const key = String((e.params as { additionalProperty: unknown }).additionalProperty);
    const allowed = Object.keys(schemaAt(schema, e.instancePath)?.properties ?? {});
    const missing = kept
      .filter((x) => x.keyword === 'required' && x.instancePath === e.instancePath)
      .map((x) => String((x.params as { missingProperty: unknown }).missingProperty))
      .filter((m) => !misspelt.has(`${e.instancePath}|${m}`));
    const suggestion = closest(key, missing) ?? closest(key, allowed);
    if (suggestion && missing.includes(suggestion)) misspelt.set(`${e.instancePath}|${suggestion}`, key);
    const where = place(e.instancePath);
    const message = suggestion
      ? `unknown key "${key}" ${where}; did you mean "${suggestion}"?`
      : `unknown key "${key}" ${where}${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
    out.push({ severity: 'error', code: 'unknown-key', message, path: `${e.instancePath}/${escapePointer(key)}`, atKey: true });
  }
  for (const e of kept) {
    if (e.keyword === 'additionalProperties') continue;
    if (e.keyword === 'required' && misspelt.has(`${e.instancePath}|${String((e.params as { missingProperty: unknown }).missingProperty)}`)) continue;
    out.push(describe(e, value, schema));
  }
  return out;
}

/** Drops the per-branch noise under a failed anyOf/oneOf (the branch summary says it better) and repeats. */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const kept = errors.filter(
    (e) => !unions.some((u) => u !== e && e.schemaPath.startsWith(u.schemaPath + '/') && e.instancePath.startsWith(u.instancePath)),
  );
  const seen = new Set<string>();
  return kept.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function describe(e: ErrorObject, value: unknown, schema: object): SchemaProblem {
  const where = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  const problem = (message: string): SchemaProblem => ({ severity: 'error', code: 'schema', message, path: e.instancePath });
  const isDate = (e.keyword === 'format' && p.format === 'date') || schemaAt(schema, e.instancePath)?.format === 'date';
  if (isDate && (e.keyword === 'format' || e.keyword === 'type')) {
    return problem(`${where}: ${shown(valueAt(value, e.instancePath))} is not a date; use YYYY-MM-DD`);
  }
  switch (e.keyword) {
    case 'required':
      return problem(`missing required key "${String(p.missingProperty)}" ${place(e.instancePath)}`);
    case 'enum':
      return problem(`${where} must be one of: ${(p.allowedValues as unknown[]).join(', ')} (found ${shown(valueAt(value, e.instancePath))})`);
    case 'const':
      return problem(`${where} must be "${String(p.allowedValue)}"`);
    case 'format':
      if (p.format === 'uri') return problem(`${where}: ${shown(valueAt(value, e.instancePath))} is not a URL; use a full address such as https://example.com/path`);
      break;
    case 'type':
      return problem(`${where} must be ${article(String(p.type))} (found ${shown(valueAt(value, e.instancePath))})`);
    case 'anyOf':
      if (/^\/dataHandling\/rules\/\d+$/.test(e.instancePath)) return problem(`data rule ${where} needs "paths" or "pattern"`);
      break;
    case 'oneOf':
      if (e.instancePath.endsWith('/builtinDetectors')) return problem(`${where} must be "all", "none" or a list of detector families`);
      break;
  }
  return problem(`${where} ${e.message ?? 'is invalid'}`);
}

function place(instancePath: string): string {
  return instancePath ? `in ${instancePath}` : 'at the top level';
}

function article(type: string): string {
  const names: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'a text', boolean: 'true or false', array: 'a list', object: 'a mapping' };
  return names[type] ?? type;
}

/** A short rendering of a value for a message: strings quoted, long ones cut. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const s = typeof v === 'string' ? `"${v}"` : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  format?: string;
}

/** The schema that applies at a JSON pointer into the document ($refs resolved), or undefined. */
function schemaAt(root: object, instancePath: string): SchemaNode | undefined {
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
    for (let i = 0; node?.$ref && i < 10; i++) node = pointerSegments(node.$ref.replace(/^#/, '')).reduce<unknown>((n, seg) => (n as Record<string, unknown> | undefined)?.[seg], root) as SchemaNode | undefined;
    return node;
  };
  let node = resolve(root as SchemaNode);
  for (const seg of pointerSegments(instancePath)) {
    node = resolve(node?.properties?.[seg] ?? (/^\d+$/.test(seg) ? node?.items : undefined));
    if (!node) return undefined;
  }
  return node;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
