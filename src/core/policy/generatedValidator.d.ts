// Types of the policy validator that the build generates from schema/aipolicy.schema.json (Ajv standalone code,
// scripts/build/policyValidator.js); there is no source file of this name.
import type { ErrorObject } from 'ajv';

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: GeneratedValidator;
export default validate;
/** SHA-256 of the schema text the validator was generated from. */
export declare const schemaSha256: string;
