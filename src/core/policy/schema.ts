// Validates a parsed policy against the JSON Schema that ships with the extension.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import schemaJson from '../../../schema/aipolicy.schema.json';
import type { PolicyProblem } from './types';

export const policySchema = schemaJson;

/** Compiled once per module load; the validator itself holds no per-call state that leaks between calls. */
const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv, ['date', 'uri']);
  return ajv.compile(schemaJson);
})();

export interface SchemaProblem extends PolicyProblem {
  /** True when the location is a map key (unknown key), not a value. */
  atKey?: boolean;
}

export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return collapse(validate.errors ?? []).map(toProblem);
}

/** Drops the per-branch noise under a failed anyOf/oneOf; the branch summary says it better. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
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

function toProblem(e: ErrorObject): SchemaProblem {
  const where = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      return { severity: 'error', code: 'unknown-key', message: `unknown key "${key}" in ${where}`, path: `${e.instancePath}/${key}`, atKey: true };
    }
    case 'required':
      return { severity: 'error', code: 'schema', message: `missing required key "${String(p.missingProperty)}" in ${where}`, path: e.instancePath };
    case 'enum':
      return { severity: 'error', code: 'schema', message: `${where} must be one of: ${(p.allowedValues as unknown[]).join(', ')}`, path: e.instancePath };
    case 'const':
      return { severity: 'error', code: 'schema', message: `${where} must be "${String(p.allowedValue)}"`, path: e.instancePath };
    case 'anyOf':
      if (/^\/dataHandling\/rules\/\d+$/.test(e.instancePath)) return { severity: 'error', code: 'schema', message: `data rule ${where} needs "paths" or "pattern"`, path: e.instancePath };
      break;
    case 'oneOf':
      if (e.instancePath.endsWith('/builtinDetectors')) return { severity: 'error', code: 'schema', message: `${where} must be "all", "none" or a list of detector families`, path: e.instancePath };
      break;
  }
  return { severity: 'error', code: 'schema', message: `${where} ${e.message ?? 'is invalid'}`, path: e.instancePath };
}
