// Generates the policy validator at build time (Ajv standalone code) from schema/aipolicy.schema.json, so that
// the extension and the CLI never compile the JSON Schema when they start. Used by esbuild.js as a plugin and
// by the unit test that checks the bundled validator against the schema on disk.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const schemaFile = path.join(root, 'schema', 'aipolicy.schema.json');
/** The module name the sources import; resolved only by the plugin below (its types: validatorModule.d.ts). */
const MODULE = /[\\/]generatedValidator$/;

/** The ES module text of the validator for the given schema text, with the schema's SHA-256 in it. */
function generateValidator(schemaText) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const addFormats = require('ajv-formats').default;
  // Same options the validator was compiled with at start before; `code.source` keeps the code for standalone.
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, lines: false } });
  addFormats(ajv, ['date', 'uri']);
  const validate = ajv.compile(JSON.parse(schemaText));
  const sha = crypto.createHash('sha256').update(schemaText).digest('hex');
  return `${standaloneCode(ajv, validate)}\nexport const schemaSha256 = ${JSON.stringify(sha)};\n`;
}

/** @type {import('esbuild').Plugin} */
const policyValidatorPlugin = {
  name: 'policy-validator',
  setup(build) {
    build.onResolve({ filter: MODULE }, () => ({ path: schemaFile, namespace: 'policy-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'policy-validator' }, () => ({
      contents: generateValidator(fs.readFileSync(schemaFile, 'utf8')),
      loader: 'js',
      // The generated code requires Ajv's small runtime helpers and ajv-formats' format checks.
      resolveDir: root,
      watchFiles: [schemaFile],
    }));
  },
};

module.exports = { generateValidator, policyValidatorPlugin, schemaFile };
