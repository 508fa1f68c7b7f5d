// The esbuild plugins every bundle is built with: dist/ (esbuild.js), the CLI package (scripts/package-cli.js) and
// the agent hook (hookBundle.js).
const { policyValidatorPlugin } = require('./policyValidator');
const { anchorTablesPlugin } = require('./anchorTables');
const { jsoncParseOnly } = require('./jsoncParseOnly');

module.exports = { bundlePlugins: [policyValidatorPlugin, anchorTablesPlugin, jsoncParseOnly] };
