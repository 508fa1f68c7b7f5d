// The policy validator as code generated at build time (Ajv standalone), so that the extension does not
// compile the JSON Schema when it starts. esbuild resolves `policy-validator:generated` to this code; the
// module also exports the SHA-256 of the schema it was generated from (a unit test compares it) and the outline
// of the schema that the error messages read, so the bundle does not carry the whole schema.
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

/**
 * What src/core/policy/schemaMessages.ts reads from the schema: it walks properties, items and $refs (into
 * definitions) to a place and reads its property names and format. Descriptions, enums and the rest stay out.
 */
function outline(node) {
  const out = {};
  if (node.$ref) out.$ref = node.$ref;
  if (node.format) out.format = node.format;
  if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) out.items = outline(node.items);
  for (const key of ['properties', 'definitions']) if (node[key]) out[key] = Object.fromEntries(Object.entries(node[key]).map(([k, v]) => [k, outline(v)]));
  return out;
}

function generate() {
  const text = fs.readFileSync(schemaFile, 'utf8');
  const schema = JSON.parse(text);
  const { ajv, validate } = compile(schema);
  const sha = createHash('sha256').update(text).digest('hex');
  return [
    standaloneCode(ajv, validate),
    `module.exports.schemaSha256 = ${JSON.stringify(sha)};`,
    `module.exports.schemaOutline = ${JSON.stringify(outline(schema))};`,
    '',
  ].join('\n');
}

/** @type {import('esbuild').Plugin} */
const policyValidatorPlugin = {
  name: 'policy-validator',
  setup(build) {
    build.onResolve({ filter: /^policy-validator:generated$/ }, (args) => ({ path: args.path, namespace: 'policy-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'policy-validator' }, () => ({ contents: generate(), loader: 'js', resolveDir: root, watchFiles: [schemaFile] }));
  },
};

module.exports = { policyValidatorPlugin, generate, outline };
