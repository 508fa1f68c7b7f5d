// Which agents are on this machine, from real folders, a real PATH entry and the editor's extension list.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectAgents } from '../../../src/core/hooks/detect';
import { hookCommand } from '../../../src/core/hooks/harnesses';
import { applyHooks } from '../../../src/core/hooks/install';

describe('agent detection', () => {
  let dir: string;
  let home: string;
  let bin: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detect-'));
    home = path.join(dir, 'home');
    bin = path.join(dir, 'bin');
    fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'codex'), '#!/bin/sh\n', { mode: 0o755 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const found = async (o: { extensions?: string[]; editorAgent?: boolean } = {}) =>
    (await detectAgents({ home, extensions: o.extensions ?? [], pathEnv: bin, platform: 'linux', editorAgent: o.editorAgent })).map((a) => [a.harness, a.evidence.join(' '), a.hooks.user]);

  it('finds agents by their folder, their command on PATH and their extension', async () => {
    assert.deepEqual(await found({ extensions: ['Anthropic.claude-code'] }), [
      ['claude', 'extension:anthropic.claude-code folder:~/.claude', false],
      ['codex', 'command:codex', false],
    ]);
  });

  it("counts VS Code's own agent mode when the editor says it is on, with no extension", async () => {
    assert.ok(!(await found()).some(([h]) => h === 'vscode'));
    assert.deepEqual((await found({ editorAgent: true })).find(([h]) => h === 'vscode'), ['vscode', 'editor:agent-mode', false]);
  });

  it('says where the policy hook is installed', async () => {
    const out = await applyHooks({ harness: 'vscode', scope: 'user', home, project: home }, hookCommand('vscode', process.execPath, path.join(dir, 'hook.js'), false));
    assert.equal(out?.result, 'installed');
    assert.deepEqual((await found({ editorAgent: true })).find(([h]) => h === 'vscode'), ['vscode', 'editor:agent-mode', true]);
  });
});
