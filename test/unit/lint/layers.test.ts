// The lint configuration guards the architecture: these run the repository's own ESLint config (as
// `npm run lint` does) on real source files with one line added, and expect the rule to catch it.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../harness/workspaceSetup';

const REPO = repoRoot();

interface Case {
  filePath: string;
  text: string;
}
interface Linted {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/** ESLint's Node API in a child process (it is not bundled into the tests), one lintText per case. */
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(process.env.LINT_CASES);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const c of cases) {
    const [r] = await eslint.lintText(c.text, { filePath: c.filePath });
    out.push({ filePath: c.filePath, messages: r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(2); });
`;

async function lintAll(cases: Case[]): Promise<Linted[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', LINT_SCRIPT], {
    cwd: REPO,
    env: { ...process.env, LINT_CASES: JSON.stringify(cases.map((c) => ({ ...c, filePath: path.join(REPO, c.filePath) }))) },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Linted[];
}

const source = (rel: string) => fs.readFileSync(path.join(REPO, rel), 'utf8');
const rules = (l: Linted) => l.messages.map((m) => m.ruleId ?? m.message);

describe('lint: architecture rules', function () {
  // One type-aware ESLint run over the project; slow on a loaded machine.
  this.timeout(180_000);
  let results: Linted[];

  const CORE = 'src/core/policy/dates.ts';
  const CLI = 'src/cli/commands/keygen.ts';
  const FEATURE = 'src/editor/exposure/clearance.ts';
  const SHARED = 'src/editor/log.ts';

  before(async () => {
    results = await lintAll([
      { filePath: CORE, text: source(CORE) },
      { filePath: CORE, text: `import * as vscode from 'vscode';\n${source(CORE)}export const editorVersion = (): string => vscode.version;\n` },
      { filePath: CORE, text: `import type { Services } from '../../editor/services';\n${source(CORE)}export type S = Services;\n` },
      { filePath: CLI, text: `import vscode = require('vscode');\n${source(CLI)}export const editorVersion = (): string => vscode.version;\n` },
      { filePath: FEATURE, text: `import type { ToolsView } from '../tools/toolsView';\n${source(FEATURE)}export type V = ToolsView;\n` },
      { filePath: FEATURE, text: `import type { Services } from '../services';\n${source(FEATURE)}export type S = Services;\n` },
      { filePath: SHARED, text: `import type { PolicyStore } from './policy/policyStore';\n${source(SHARED)}export type P = PolicyStore;\n` },
      { filePath: SHARED, text: `${source(SHARED).replace("import vscode = require('vscode');", "import * as vscode from 'vscode';")}` },
      { filePath: SHARED, text: `${source(SHARED)}export function later(): void {\n  Promise.resolve(1).then(() => createLog());\n}\n` },
    ]);
  });

  it('passes the files as they are', () => {
    assert.deepEqual(results[0].messages, []);
    assert.deepEqual(results[5].messages, [], 'a feature may use the shared editor modules');
  });

  it("fails when a core file imports vscode (import * as vscode from 'vscode')", () => {
    assert.deepEqual(rules(results[1]), ['@typescript-eslint/no-restricted-imports']);
    assert.match(results[1].messages[0].message, /'vscode' import is restricted/);
  });

  it('fails when the core or the CLI reaches into the editor layer or the editor API', () => {
    assert.deepEqual(rules(results[2]), ['@typescript-eslint/no-restricted-imports']);
    assert.deepEqual(rules(results[3]), ['@typescript-eslint/no-restricted-imports']);
  });

  it("fails when an editor feature imports another feature's module, or a shared module imports a feature", () => {
    assert.deepEqual(rules(results[4]), ['@typescript-eslint/no-restricted-imports']);
    assert.match(results[4].messages[0].message, /Editor features do not import each other's modules/);
    assert.deepEqual(rules(results[6]), ['@typescript-eslint/no-restricted-imports']);
  });

  it('keeps one vscode import shape in the editor layer and catches floating promises', () => {
    assert.deepEqual(rules(results[7]), ['no-restricted-syntax']);
    assert.deepEqual(rules(results[8]), ['@typescript-eslint/no-floating-promises']);
  });
});
