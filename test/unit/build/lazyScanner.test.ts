// The extension's build leaves the built-in scanner in its own file (dist/lazy/scanner.js, see esbuild.js): the
// bundle loads without it, and the file alone scans, finding the RE2 engine and the TOML parser beside it. The
// YAML library and the policy validator, read when the policy loads after activation, are files of their own too.
/* eslint-disable @typescript-eslint/no-require-imports -- the test requires the built files themselves, at run time */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import type * as Scanning from '../../../src/core/scan/onDemand';
import { repoRoot } from '../../harness/workspaceSetup';

const dist = path.join(repoRoot(), 'dist');
const lazy = (name: string) => path.join(dist, 'lazy', `${name}.js`);
const loaded = (file: string) => require.cache[file] !== undefined;

/** `vscode` answered by a permissive stub while `fn` runs (the bundle only wires at load time). */
function withVscodeStub<T>(fn: () => T): T {
  const stub = (): unknown => new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : stub()), apply: () => stub(), construct: () => stub() as object });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub() : load.call(this, request, ...rest);
  };
  try {
    return fn();
  } finally {
    loader._load = load;
  }
}

describe('extension bundle: the scanner on demand', () => {
  before(function () {
    // The unit tier's build (node esbuild.js --tests) writes dist/ first.
    if (!fs.existsSync(lazy('scanner'))) throw new Error(`${lazy('scanner')} is missing: run node esbuild.js first`);
  });

  it('requiring dist/extension.js loads none of the on-demand files', () => {
    const files = ['scanner', 're2js', 'smol-toml', 'yaml', 'policy-validator'].map(lazy);
    for (const f of [path.join(dist, 'extension.js'), ...files]) delete require.cache[f];
    const ext = withVscodeStub(() => require(path.join(dist, 'extension.js')) as { activate?: unknown });
    assert.equal(typeof ext.activate, 'function');
    assert.deepEqual(files.filter(loaded), []);
  });

  it('the bundle leaves out the agent hook\'s judgement and jsonc-parser\'s formatter (code the editor never runs at start)', () => {
    // The development build's source map names every file the bundle holds.
    const sources = (JSON.parse(fs.readFileSync(path.join(dist, 'extensionMain.js.map'), 'utf8')) as { sources: string[] }).sources;
    assert.ok(sources.some((s) => s.endsWith('src/core/hooks/detect.ts')), 'the map is read');
    assert.ok(sources.some((s) => s.endsWith('jsonc-parser/lib/esm/impl/parser.js')), 'the parser stays');
    const judgement = /src\/core\/hooks\/(?:decide|judgeCommand|commandFlow|shellParse|sensitiveFiles)\.ts$|node_modules\/(?:shell-quote|ignore)\/|jsonc-parser\/lib\/esm\/impl\/(?:format|edit|string-intern)\.js$/;
    assert.deepEqual(sources.filter((s) => judgement.test(s)), []);
  });

  it('dist/lazy/yaml.js and dist/lazy/policy-validator.js read and validate the starter policy alone', () => {
    const yaml = require(lazy('yaml')) as typeof import('yaml');
    const validate = require(lazy('policy-validator')) as ((v: unknown) => boolean) & { schemaSha256: string };
    const starter = yaml.parse(fs.readFileSync(path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml'), 'utf8')) as Record<string, unknown>;
    assert.equal(validate(starter), true);
    assert.equal(validate({ ...starter, version: 'one' }), false, 'the validator rejects what the schema does');
    assert.match(validate.schemaSha256, /^[0-9a-f]{64}$/);
  });

  it('dist/lazy/scanner.js scans alone and loads the TOML parser and RE2 engine from its own folder', () => {
    const scan = require(lazy('scanner')) as typeof Scanning;
    const gitleaks = scan.loadGitleaksConfig(`[[rules]]\nid = "org-token"\nregex = '''\\b(org-[a-z0-9]{16})\\b'''\nkeywords = ["org-"]\n`);
    assert.deepEqual(gitleaks.problems, []);
    assert.ok(loaded(lazy('smol-toml')), 'the gitleaks config was parsed by dist/lazy/smol-toml.js');
    const token = `org-${'k3j9x7q2'}${'m5n8p1w4'}`;
    const findings = new scan.Scanner({ gitleaks }).scanText(`token = ${token}`).findings;
    assert.deepEqual(findings.map((f) => f.ruleId), ['org-token']);
    assert.ok(loaded(lazy('re2js')), 'the rule ran on dist/lazy/re2js.js');
  });
});
