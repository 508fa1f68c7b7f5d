// The agent hook as the agents run it: the real dist/hook.js bundle (and `ai-policy hook`) as a child process,
// one payload on stdin per call, on a temporary workspace holding a .env and a file with a token.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { Policy } from '../../../src/core/policy/types';
import { githubToken, rnd } from '../scan/fixtures';
import { testPolicy } from '../tools/testPolicy';
import { cases } from './payloads';

const dist = path.resolve(__dirname, '..', '..', '..', '..', 'dist');
const hookJs = path.join(dist, 'hook.js');
const cliJs = path.join(dist, 'cli.js');

function hookPolicy(): Policy {
  const p = testPolicy();
  p.document.url = 'https://policy.example.com/ai';
  p.tools.push({ id: 'claude-code', name: 'Claude Code', identifiers: ['anthropic.claude-code', 'cli:claude'], status: 'approved', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: ['code', 'internal'] });
  p.mcp = {
    unlisted: 'prohibited',
    servers: [
      { name: 'github', url: 'https://api.githubcopilot.com/mcp/', status: 'approved', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: ['code'] },
      { name: 'pastebin', url: 'https://paste.example.invalid/mcp', status: 'prohibited', owner: 'Dana Whitfield <dana.whitfield@example.com>', notes: 'Public pastes.' },
    ],
  };
  return p;
}

describe('ai-policy hook (process)', function () {
  this.timeout(20000);
  let root: string;
  let ws: string;
  let state: string;
  let policyFile: string;
  const secret = githubToken();

  function call(harness: string, payload: unknown, extra: string[] = ['--policy', policyFile], script = hookJs) {
    const text = JSON.stringify(payload).replaceAll('WS', ws);
    const args = script === cliJs ? [script, 'hook', '--harness', harness, ...extra] : [script, '--harness', harness, ...extra];
    return spawnSync(process.execPath, args, { cwd: ws, input: text, encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: state } });
  }
  function spool(): { type: string; data: Record<string, unknown> }[] {
    const f = path.join(state, 'ai-tool-policy', 'agent-events.jsonl');
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; data: Record<string, unknown> }) : [];
  }

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hook-'));
    ws = path.join(root, 'ws');
    state = path.join(root, 'state');
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'config'));
    fs.writeFileSync(path.join(ws, '.env'), `DATABASE_URL=postgres://app:${rnd(20)}@db.internal:5432/app\nAPI_KEY=${rnd(40)}\n`);
    fs.writeFileSync(path.join(ws, 'src', 'app.ts'), 'export const port = Number(process.env.PORT ?? 3000);\n');
    fs.writeFileSync(path.join(ws, 'config', 'settings.json'), JSON.stringify({ name: 'app', deployToken: secret }, null, 2));
    policyFile = path.join(root, 'policy.aipolicy.yaml');
    fs.writeFileSync(policyFile, stringify(hookPolicy()));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const c of cases('SECRET')) {
    it(`${c.expect}s: ${c.name}`, () => {
      const payload = JSON.parse(JSON.stringify(c.payload).replaceAll('SECRET', secret)) as unknown;
      const r = call(c.harness, payload);
      assert.equal(r.status, 0, r.stderr);
      if (c.expect === 'allow') {
        assert.equal(r.stdout, '', `no output when allowed, got ${r.stdout}`);
        return;
      }
      const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown> | string | boolean>;
      const message = JSON.stringify(out);
      assert.match(message, /AI Tool Policy: /);
      assert.ok(!message.includes(secret), 'the answer never repeats the secret');
      switch (c.harness) {
        case 'claude':
        case 'codex':
        case 'vscode':
          if (c.payload.hook_event_name === 'UserPromptSubmit') assert.equal(out.decision, 'block');
          else if (c.payload.hookEventName === 'UserPromptSubmit') assert.equal(out.continue, false);
          else {
            const h = out.hookSpecificOutput as Record<string, unknown>;
            assert.equal(h.hookEventName, 'PreToolUse');
            assert.equal(h.permissionDecision, 'deny');
            assert.match(String(h.permissionDecisionReason), /Instead: /);
          }
          break;
        case 'copilot':
          assert.equal(out.permissionDecision, 'deny');
          assert.equal(typeof out.permissionDecisionReason, 'string');
          break;
        case 'cursor':
          if (c.payload.hook_event_name === 'beforeSubmitPrompt') assert.equal(out.continue, false);
          else {
            assert.equal(out.permission, 'deny');
            assert.equal(typeof out.agent_message, 'string');
          }
          break;
      }
    });
  }

  it('says which rule, why, what to do instead and links the policy section', () => {
    const r = call('claude', { hook_event_name: 'PreToolUse', cwd: ws, tool_name: 'Read', tool_input: { file_path: path.join(ws, '.env') } });
    const reason = String((JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecisionReason: string } }).hookSpecificOutput.permissionDecisionReason);
    assert.match(reason, /reading \.env is blocked: it holds secret data \(rule [^)]*path-dotenv/);
    assert.match(reason, /Claude Code is not cleared for secret/);
    assert.match(reason, /use|refer to the variable by its name/i);
    assert.match(reason, /https:\/\/policy\.example\.com\/ai#data-handling/);
  });

  it('records each denial as agent.blocked with rules, classes and a path hash, never the path or the value', () => {
    const events = spool().filter((e) => e.type === 'agent.blocked');
    assert.ok(events.length >= 10, `denials recorded: ${events.length}`);
    const read = events.find((e) => e.data.harness === 'claude' && e.data.tool === 'Read');
    assert.ok(read);
    assert.deepEqual(read.data.classes, ['secret']);
    assert.match(String(read.data.pathHash), /^[0-9a-f]{64}$/);
    const all = fs.readFileSync(path.join(state, 'ai-tool-policy', 'agent-events.jsonl'), 'utf8');
    assert.ok(!all.includes(secret));
    assert.ok(!all.includes(ws), 'no raw paths in the spool');
  });

  it('denies every tool of an agent the policy prohibits', () => {
    const p = hookPolicy();
    p.tools.push({ id: 'codex', name: 'Codex', identifiers: ['openai.chatgpt', 'cli:codex'], status: 'prohibited', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: [] });
    const f = path.join(root, 'prohibits-codex.yaml');
    fs.writeFileSync(f, stringify(p));
    const r = call('codex', { hook_event_name: 'PreToolUse', cwd: ws, tool_name: 'Bash', tool_input: { command: 'ls' } }, ['--policy', f]);
    assert.match(r.stdout, /Codex is prohibited/);
  });

  it('the CLI command answers the same as the bundle', () => {
    const payload = { hook_event_name: 'PreToolUse', cwd: ws, tool_name: 'Read', tool_input: { file_path: path.join(ws, '.env') } };
    const a = call('claude', payload);
    const b = call('claude', payload, ['--policy', policyFile], cliJs);
    assert.equal(b.status, 0, b.stderr);
    assert.deepEqual(JSON.parse(b.stdout), JSON.parse(a.stdout));
  });

  it('uses the policy the editor mirrored when no --policy is given', () => {
    const mirror = path.join(state, 'ai-tool-policy', 'agent-policy.json');
    fs.writeFileSync(mirror, JSON.stringify({ source: 'https://policy.example.com/ai.yaml', hash: 'ab', version: 3, savedAt: new Date().toISOString(), policy: hookPolicy() }));
    try {
      const r = call('claude', { hook_event_name: 'PreToolUse', cwd: ws, tool_name: 'Read', tool_input: { file_path: path.join(ws, '.env') } }, []);
      assert.match(r.stdout, /permissionDecision":"deny"/);
    } finally {
      fs.rmSync(mirror);
    }
  });

  it('without any policy it denies (fails closed in enforce mode) and records agent.hookError', () => {
    const before = spool().filter((e) => e.type === 'agent.hookError').length;
    const r = call('claude', { hook_event_name: 'PreToolUse', cwd: ws, tool_name: 'Read', tool_input: { file_path: path.join(ws, 'src', 'app.ts') } }, []);
    assert.equal(r.status, 2, 'exit 2: blocked, with the reason on stderr');
    assert.match(r.stdout, /"permissionDecision":"deny"/);
    assert.match(r.stderr, /no policy/);
    assert.match(r.stderr, /fails closed/);
    const errors = spool().filter((e) => e.type === 'agent.hookError');
    assert.equal(errors.length, before + 1);
    assert.equal(errors[errors.length - 1].data.code, 'policy');
    assert.equal(errors[errors.length - 1].data.action, 'deny');
  });

  it('denies when the policy cannot be loaded and the last known policy says onError: deny', () => {
    const p = hookPolicy();
    p.agents = { hooks: { onError: 'deny' } };
    const mirror = path.join(state, 'ai-tool-policy', 'agent-policy.json');
    fs.writeFileSync(mirror, JSON.stringify({ source: 'x', hash: 'ab', version: 3, savedAt: new Date().toISOString(), policy: p }));
    const broken = path.join(root, 'broken.yaml');
    fs.writeFileSync(broken, 'apiVersion: aipolicy/v1\n  bad: [\n');
    try {
      const r = call('claude', { hook_event_name: 'PreToolUse', cwd: ws, tool_name: 'Read', tool_input: { file_path: path.join(ws, 'src', 'app.ts') } }, ['--policy', broken]);
      assert.match(r.stdout, /"permissionDecision":"deny"/);
      assert.match(r.stdout, /could not be applied/);
    } finally {
      fs.rmSync(mirror);
    }
  });

  it('a payload that is not JSON is a hook error that denies, not a crash', () => {
    const r = spawnSync(process.execPath, [hookJs, '--harness', 'cursor', '--policy', policyFile], { input: '{not json', encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: state } });
    assert.equal(r.status, 0);
    assert.equal((JSON.parse(r.stdout) as { permission: string }).permission, 'deny');
    assert.match(r.stderr, /not JSON/);
  });

  it('refuses an unknown harness with a usage error', () => {
    const r = spawnSync(process.execPath, [hookJs, '--harness', 'emacs'], { input: '{}', encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--harness must be one of claude, copilot, vscode, cursor, codex/);
  });
});
