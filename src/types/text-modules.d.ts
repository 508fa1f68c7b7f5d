// Files that esbuild bundles as text (see the loader in esbuild.js).
declare module '*.yaml' {
  const text: string;
  export default text;
}

// The policy validator generated from schema/aipolicy.schema.json at build time (scripts/build/policyValidator.js).
declare module 'policy-validator:generated' {
  import type { ErrorObject } from 'ajv';
  interface GeneratedValidator {
    (data: unknown): boolean;
    errors?: ErrorObject[] | null;
  }
  /** schemaOutline: the schema's properties, items, $refs, definitions and formats (see outline() in the generator). */
  const validate: GeneratedValidator & { schemaSha256: string; schemaOutline: object };
  export = validate;
}
