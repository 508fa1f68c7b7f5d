// hooks install/uninstall/status as a process, on real configuration files that already hold other hooks.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

describe('ai-policy hooks install|uninstall|status (process)', function () {
  this.timeout(20000);
  let home: string;
  let project: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'hooks', ...args, '--home', home, '--project', project], { encoding: 'utf8' });
  const json = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-home-'));
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-project-'));
  });
  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(project, { recursive: true, force: true });
  });

  it('merges into Claude Code settings that hold other hooks and keys, idempotently, with a backup', () => {
    const file = path.join(home, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const original = { model: 'opus', hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'lint-guard.sh' }] }], Stop: [{ hooks: [{ type: 'command', command: 'notify.sh' }] }] } };
    fs.writeFileSync(file, JSON.stringify(original, null, 2));
    let r = run('install', '--harness', 'claude');
    assert.equal(r.status, 0, r.stderr);
    const after = json(file);
    assert.equal(after.model, 'opus');
    assert.equal(after.hooks.Stop[0].hooks[0].command, 'notify.sh');
    assert.equal(after.hooks.PreToolUse[0].hooks[0].command, 'lint-guard.sh');
    assert.match(after.hooks.PreToolUse[1].hooks[0].command, /hook\.js'? --harness claude$/);
    assert.equal(after.hooks.PreToolUse[1].matcher, '*');
    assert.ok(after.hooks.UserPromptSubmit[0].hooks[0].command.includes('--harness claude'));
    assert.deepEqual(json(`${file}.bak`), original);
    r = run('install', '--harness', 'claude');
    assert.match(r.stdout, /already installed/);
    assert.deepEqual(json(file), after);
    r = run('status', '--harness', 'claude');
    assert.match(r.stdout, /claude\s+user\s+installed/);
    r = run('uninstall', '--harness', 'claude');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(json(file), original);
  });

  it('status says the mode the hook runs in and where it comes from', () => {
    const managed = path.join(home, 'managed.json');
    let r = run('status', '--harness', 'claude', '--managed-file', managed);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^mode: enforce \(default; no managed configuration at .*managed\.json\)$/m);
    fs.writeFileSync(managed, JSON.stringify({ hooksMode: 'audit' }));
    r = run('status', '--harness', 'claude', '--managed-file', managed);
    assert.match(r.stdout, /^mode: audit \(set by the managed configuration .*managed\.json\)$/m);
    fs.writeFileSync(managed, '{ "hooksMode": "sometimes" }');
    r = run('status', '--harness', 'claude', '--managed-file', managed);
    assert.match(r.stdout, /^mode: enforce \(the managed configuration is unusable, so the hook keeps enforcing: .*managed\.json:1:3: "hooksMode" must be one of off, audit, enforce\)$/m);
  });

  it('writes Copilot CLI hooks as a version 1 file under .github/hooks in the project', () => {
    const other = path.join(project, '.github', 'hooks', 'team.json');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, JSON.stringify({ version: 1, hooks: { sessionStart: [{ type: 'command', bash: 'echo hi' }] } }));
    const r = run('install', '--harness', 'copilot', '--scope', 'project');
    assert.equal(r.status, 0, r.stderr);
    const mine = json(path.join(project, '.github', 'hooks', 'ai-tool-policy.json'));
    assert.equal(mine.version, 1);
    assert.equal(mine.hooks.preToolUse[0].type, 'command');
    assert.match(mine.hooks.preToolUse[0].bash, /--harness copilot$/);
    assert.match(mine.hooks.preToolUse[0].powershell, /^& /);
    assert.ok(mine.hooks.userPromptSubmitted[0].bash);
    assert.equal(json(other).hooks.sessionStart[0].bash, 'echo hi', 'the team file is untouched');
  });

  it('keeps Cursor hooks already configured, for every event it judges', () => {
    const file = path.join(home, '.cursor', 'hooks.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '// team hooks\n{ "version": 1, "hooks": { "beforeShellExecution": [ { "command": "./audit.sh" } ], "afterFileEdit": [ { "command": "fmt" } ], }, }\n');
    const r = run('install', '--harness', 'cursor');
    assert.equal(r.status, 0, r.stderr);
    const after = json(file);
    assert.equal(after.hooks.beforeShellExecution[0].command, './audit.sh');
    assert.match(after.hooks.beforeShellExecution[1].command, /--harness cursor$/);
    for (const e of ['beforeReadFile', 'beforeMCPExecution', 'beforeSubmitPrompt']) assert.equal(after.hooks[e].length, 1, e);
    assert.equal(after.hooks.afterFileEdit[0].command, 'fmt');
    run('uninstall', '--harness', 'cursor');
    assert.deepEqual(json(file), { version: 1, hooks: { beforeShellExecution: [{ command: './audit.sh' }], afterFileEdit: [{ command: 'fmt' }] } });
  });

  it('runs the hook with the editor runtime as Node when given an Electron runtime', () => {
    const r = run('install', '--harness', 'codex', '--runtime', '/usr/share/code/code');
    assert.equal(r.status, 0, r.stderr);
    const cmd: string = json(path.join(home, '.codex', 'hooks.json')).hooks.PreToolUse[0].hooks[0].command;
    assert.match(cmd, /^ELECTRON_RUN_AS_NODE=1 \/usr\/share\/code\/code .*hook\.js --harness codex$/);
  });

  it('leaves a broken file alone and says where it is broken', () => {
    const file = path.join(home, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{\n  "hooks": {\n    "PreToolUse": [ }\n}\n');
    const r = run('install', '--harness', 'claude');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /settings\.json:3:\d+: .*left unchanged/);
    assert.equal(fs.readFileSync(file, 'utf8'), '{\n  "hooks": {\n    "PreToolUse": [ }\n}\n');
  });

  it('installs for every harness at once and reports each', () => {
    const r = run('install', '--scope', 'project');
    assert.equal(r.status, 0, r.stderr);
    const s = run('status', '--scope', 'project');
    assert.equal(s.stdout.trim().split('\n').filter((l) => /\binstalled\b/.test(l) && !/not installed/.test(l)).length, 5, s.stdout);
  });
});
