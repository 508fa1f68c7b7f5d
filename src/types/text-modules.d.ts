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

// The built-in rules' keyword automaton, built at build time (scripts/build/anchorTables.js).
declare module 'anchor-tables:generated' {
  import type { PackedAnchorTables } from '../core/scan/anchorTables';
  /** count: how many anchor groups (the first ones of a detector's) the tables were built from. */
  const tables: PackedAnchorTables & { count: number };
  export = tables;
}
