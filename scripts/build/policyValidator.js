// The policy validator as code generated at build time (Ajv standalone), so that the extension does not
// compile the JSON Schema when it starts. esbuild resolves `policy-validator:generated` to this code; the
// module also exports the SHA-256 of the schema it was generated from (a unit test compares it).
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;

const root = path.resolve(__dirname, '..', '..');
const schemaFile = path.join(root, 'schema', 'aipolicy.schema.json');

/** The same options as a validator compiled at run time would use. */
function compile(schema) {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  addFormats(ajv, ['date', 'uri']);
  return { ajv, validate: ajv.compile(schema) };
}

function generate() {
  const text = fs.readFileSync(schemaFile, 'utf8');
  const { ajv, validate } = compile(JSON.parse(text));
  const sha = createHash('sha256').update(text).digest('hex');
  return `${standaloneCode(ajv, validate)}\nmodule.exports.schemaSha256 = ${JSON.stringify(sha)};\n`;
}

/** @type {import('esbuild').Plugin} */
const policyValidatorPlugin = {
  name: 'policy-validator',
  setup(build) {
    build.onResolve({ filter: /^policy-validator:generated$/ }, (args) => ({ path: args.path, namespace: 'policy-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'policy-validator' }, () => ({ contents: generate(), loader: 'js', resolveDir: root, watchFiles: [schemaFile] }));
  },
};

module.exports = { policyValidatorPlugin, generate };
