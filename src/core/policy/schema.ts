// Validates a parsed policy against the JSON Schema that ships with the extension. The validator is generated
// from the schema at build time, so nothing compiles the schema when the extension or the CLI starts.
import schemaJson from '../../../schema/aipolicy.schema.json';
import { validate } from './generatedValidator';
import { describeSchemaErrors, type SchemaProblem } from './schemaMessages';

export type { SchemaProblem } from './schemaMessages';
export { schemaSha256 as validatorSchemaSha256 } from './generatedValidator';

export const policySchema = schemaJson;

export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return describeSchemaErrors(validate.errors ?? [], value, schemaJson);
}
