// Validates a parsed policy against the JSON Schema that ships with the extension.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schemaJson from '../../../schema/aipolicy.schema.json';
import { describeSchemaErrors, type SchemaProblem } from './schemaMessages';

export type { SchemaProblem } from './schemaMessages';

export const policySchema = schemaJson;

/** Compiled once per module load; the validator itself holds no per-call state that leaks between calls. */
const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv, ['date', 'uri']);
  return ajv.compile(schemaJson);
})();

export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return describeSchemaErrors(validate.errors ?? [], value, schemaJson);
}
