// Validates a parsed policy against the JSON Schema that ships with the extension.
import { policyValidator } from '../lazyModules';
import { describeSchemaErrors, type SchemaProblem } from './schemaMessages';

export type { SchemaProblem } from './schemaMessages';

/** SHA-256 of the schema text the bundled validator was generated from (see scripts/build/policyValidator.js). */
export function validatorSchemaSha256(): string {
  return policyValidator().schemaSha256;
}

export function schemaProblems(value: unknown): SchemaProblem[] {
  const validate = policyValidator();
  if (validate(value)) return [];
  return describeSchemaErrors(validate.errors ?? [], value, validate.schemaOutline);
}
