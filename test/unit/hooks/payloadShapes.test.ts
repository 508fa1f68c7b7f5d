// Payload shapes read into what the hook judges: Codex argv arrays and workdir, tools that run or read without a
// command or path field, VS Code's MCP tool names, every string of a tool's input; and the views of outbound text
// the judge scans (decodedViews).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodedViews } from '../../../src/core/hooks/decodedViews';
import { argvLine, parsePayload } from '../../../src/core/hooks/payload';

describe('hook payload shapes', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payload-shapes-'));
    fs.writeFileSync(path.join(dir, '.env'), 'X=1\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const tool = (harness: 'codex' | 'vscode' | 'copilot', name: string, input: unknown) =>
    harness === 'copilot'
      ? parsePayload(harness, JSON.stringify({ cwd: dir, toolName: name, toolArgs: JSON.stringify(input) }))
      : parsePayload(harness, JSON.stringify({ cwd: dir, hook_event_name: 'PreToolUse', tool_name: name, tool_input: input }));

  it('argv: a shell with -c and its line alone is the line; any other array is quoted word by word', () => {
    assert.equal(argvLine(['bash', '-lc', 'cat .env | wc -l']), 'cat .env | wc -l');
    assert.equal(argvLine(['/bin/sh', '-e', '-c', 'ls']), 'ls');
    assert.equal(argvLine(['cat', '#', '.env']), "cat '#' .env", '# is an argument, not a comment');
    assert.equal(argvLine(['head', '--', ';', '.env']), "head -- ';' .env");
    assert.equal(argvLine(['python3', '-c', "print(open('.env').read())"]), `python3 -c 'print(open('\\''.env'\\'').read())'`, 'code after python -c is not a line');
    assert.equal(argvLine(['sh', '-c', 'cat "$0"', '.env']), `sh -c 'cat "$0"' .env`, 'the words after the line stay its $0, $1');
    assert.equal(argvLine(['A=1', 'x']), "'A=1' x", 'a first word with = is a program name, not an assignment');
  });

  it("Codex's workdir is the folder the command runs in", () => {
    assert.deepEqual(tool('codex', 'Bash', { command: ['cat', 'id_ed25519'], workdir: '/srv/keys' }).commands, ['cd /srv/keys && cat id_ed25519']);
    assert.deepEqual(tool('codex', 'Bash', { command: 'cat credentials', workdir: '/home/x y/.aws' }).commands, ["cd '/home/x y/.aws' && cat credentials"]);
  });

  it('tools that run or read without a command field: typed input, tasks, changed files', () => {
    assert.deepEqual(tool('copilot', 'write_bash', { shellId: '3', input: 'cat .env{enter}' }).commands, ['cat .env\n']);
    const task = tool('vscode', 'create_and_run_task', { workspaceFolder: dir, task: { label: 'x', type: 'shell', command: 'cat', args: ['.env'] } });
    assert.deepEqual(task.commands, [`cd ${dir} && cat .env`]);
    const proc = tool('vscode', 'create_and_run_task', { workspaceFolder: dir, task: { label: 'x', type: 'process', command: 'cat', args: ['a b'], options: { cwd: 'sub' } } });
    assert.deepEqual(proc.commands, [`cd ${path.join(dir, 'sub')} && cat 'a b'`]);
    assert.deepEqual(tool('vscode', 'get_changed_files', { repositoryPath: dir }).commands, [`cd ${dir} && git diff --cached`, `cd ${dir} && git diff`]);
    assert.deepEqual(tool('vscode', 'get_changed_files', { sourceControlState: ['unstaged'] }).commands, [`cd ${dir} && git diff`]);
  });

  it("VS Code's mcp_SERVER_TOOL names an MCP tool; the server's name is kept whole for the judge", () => {
    const r = tool('vscode', 'mcp_legacy-crm_export_accounts', { since: '2026-01-01' });
    assert.equal(r.mcp?.qualified, 'legacy-crm_export_accounts');
    assert.equal(r.outbound?.destination, 'mcp');
  });

  it('a string of an MCP input that names a file here is a file the server reads, whatever its key', () => {
    const r = parsePayload('claude', JSON.stringify({ cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'mcp__jira__add', tool_input: { issue: 'PAY-1', a: [{ location: './.env' }], note: 'see .env' } }));
    assert.deepEqual(r.files, [path.join(dir, '.env')]);
  });

  it('every string of the input is sent on: object keys, and values at any depth', () => {
    let deep: unknown = 'the-leaf-value';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const r = tool('codex', 'mcp__slack__post', { text: 'x', meta: deep, payload: { 'a-key-as-value': true } });
    assert.ok(r.outbound?.texts.includes('the-leaf-value'));
    assert.ok(r.outbound?.texts.includes('a-key-as-value'));
    assert.throws(() => tool('codex', 'mcp__slack__post', { blocks: Array.from({ length: 200_001 }, () => 'ok') }), /too large to judge/);
  });
});

describe('outbound text views', () => {
  const value = 'sk_live_' + 'Ab3dE6gH9jK2mN5pQ8sT1vW4';
  const has = (text: string, v = value) => decodedViews(text).some((view) => view.includes(v));

  it('decodes hex, base32 and base64 runs, and turns key-like runs around', () => {
    assert.ok(has(`k=${Buffer.from(value).toString('hex')}`));
    assert.ok(has(`k=${Buffer.from(value).toString('base64')}`));
    const b32 = 'ONVV63DJOZSV6QLCGNSEKNTHJA4WUSZSNVHDK4CRHBZVIMLWK42A'; // base32 of `value`
    assert.ok(has(`k=${b32}`));
    assert.ok(has(`k=${[...value].reverse().join('')}`));
  });

  it('joins a value spelt with a separator between its characters, and spelt-out e-mail addresses and lower-case IBANs', () => {
    assert.ok(has(`k=${[...value].join('.')}&x=1`));
    assert.ok(has(`k=${[...value].join(' ')}`));
    assert.ok(has('write to anna dot hartmann3 at mail-v3a8i dot de please', 'anna.hartmann3@mail-v3a8i.de'));
    assert.ok(has('owner of de94166222979371801644?', 'DE94166222979371801644'));
  });

  it('adds no view for plain text, a commit id or a row of dots, and stays linear on a long text', () => {
    assert.deepEqual(decodedViews('Rotate the key after the drill; meet at noon'), ['Rotate the key after the drill; meet at noon']);
    assert.equal(decodedViews('https://github.com/o/r/commit/9fceb02d0ae598e95dc970b74767f19372d61af8').filter((v) => /[^\x20-\x7e]/.test(v)).length, 0);
    const t0 = performance.now();
    decodedViews(`${'.'.repeat(2 * 1024 * 1024)} ${'dot '.repeat(200_000)}`);
    assert.ok(performance.now() - t0 < 2000);
  });
});
