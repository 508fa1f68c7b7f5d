// Agent hooks and the managed configuration inside a real VS Code: the editor mirrors its verified policy
// where the real hook bundle reads it, takes what hooks recorded into the audit queue, shows which agents
// run the policy hook, and lets a managed file (path injected through the test hooks) pin the policy source.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { hookCommand } from '../../../src/core/hooks/harnesses';
import { applyHooks } from '../../../src/core/hooks/install';
import { ACTIVITY_FILE, countCall } from '../../../src/core/hooks/activity';
import { spoolEvent } from '../../../src/core/hooks/spool';
import { exposureClearedPolicy } from '../exposureFakes';
import { hostContext } from '../context';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

describe('agents', function () {
  this.timeout(90_000);
  const ctx = hostContext();
  let api: TestHooks;
  let root: string;
  let home: string;
  let xdg: string;
  let stateDir: string;
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const listeners: vscode.Disposable[] = [];
  const hookJs = () => path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'hook.js');

  before(async () => {
    api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    listeners.push(api.onDidRecordAudit((e) => events.push({ type: e.type, data: { ...e.data } })));
    await waitFor('the policy to load', () => !!api.services.policy.current);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-host-'));
    home = path.join(root, 'home');
    xdg = path.join(root, 'xdg');
    stateDir = path.join(xdg, 'ai-tool-policy');
    fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
    fs.mkdirSync(path.join(home, '.codex'), { recursive: true });
    await api.retargetAgents({ stateDir, home });
  });
  after(() => {
    listeners.forEach((l) => l.dispose());
    api.setManagedConfigPath(path.join(root, 'absent.json'));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('does not parse an unchanged policy again (same SHA-256 as the one in force)', async () => {
    const before = api.policyParses();
    await api.services.policy.refresh();
    await api.services.policy.refresh();
    assert.equal(api.policyParses(), before);
    assert.ok(api.services.policy.current);
  });

  it('mirrors the verified policy where the hooks read it', () => {
    const mirror = JSON.parse(fs.readFileSync(path.join(stateDir, 'agent-policy.json'), 'utf8')) as { version: number; hash: string; policy: { organization: string } };
    const current = api.services.policy.current!;
    assert.equal(mirror.version, current.policy.version);
    assert.equal(mirror.hash, current.hash);
    assert.equal(mirror.policy.organization, current.policy.organization);
  });

  it('the real hook bundle denies an agent the .env the editor warns about, from the mirrored policy', () => {
    const env = path.join(ctx.workspaceDir!, '.env');
    const payload = JSON.stringify({ hook_event_name: 'PreToolUse', cwd: ctx.workspaceDir, tool_name: 'Read', tool_input: { file_path: env } });
    const r = spawnSync(process.env.AI_POLICY_NODE ?? 'node', [hookJs(), '--harness', 'claude'], { input: payload, encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: xdg } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /"permissionDecision":"deny"/);
    assert.match(r.stdout, /reading \.env is blocked/);
  });

  it("takes what the hooks recorded into the audit queue, with the hook's time", async () => {
    spoolEvent(stateDir, 'agent.blocked', { harness: 'claude', tool: 'Read', action: 'file', rules: ['path-dotenv'], classes: ['secret'], pathHash: 'ab'.repeat(32), mode: 'audit' }, new Date('2026-12-01T10:00:00Z'));
    await api.retargetAgents({ stateDir, home });
    const blocked = events.filter((e) => e.type === 'agent.blocked');
    assert.ok(blocked.length >= 2, JSON.stringify(events.map((e) => e.type)));
    const mine = blocked.find((e) => e.data.hookTime === '2026-12-01T10:00:00.000Z');
    assert.ok(mine, JSON.stringify(blocked));
    assert.deepEqual(mine.data.classes, ['secret']);
    assert.equal(mine.data.mode, 'audit', 'a denial seen in audit mode stays marked as such');
    assert.ok(!fs.existsSync(path.join(stateDir, 'agent-events.jsonl')), 'the spool is emptied');
  });

  it("sends the hooks' activity of a complete day as agent.activity; today's calls wait in the tally", async () => {
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    countCall(stateDir, { harness: 'codex', kind: 'tool', verdict: 'deny', sessionId: 'codex-session' }, yesterday);
    countCall(stateDir, { harness: 'codex', kind: 'prompt', verdict: 'allow', sessionId: 'codex-session' }, yesterday);
    await api.retargetAgents({ stateDir, home });
    const activity = events.filter((e) => e.type === 'agent.activity');
    assert.deepEqual(
      activity.map((e) => e.data),
      [{ day: yesterday.toISOString().slice(0, 10), harness: 'codex', sessions: 1, toolCalls: 1, prompts: 1, denials: 1, auditDenials: 0 }],
    );
    // The real hook call of the test above is today's: still counted locally, not sent yet.
    assert.match(fs.readFileSync(path.join(stateDir, ACTIVITY_FILE), 'utf8'), /"h":"claude"/);
  });

  it('shows which agents run the policy hook and which do not', async () => {
    await waitFor('Claude Code and Codex found', () => api.services.agents.agents.length >= 2);
    let tip = api.toolsState().tooltip;
    assert.match(tip, /Agents without the policy hook: .*Claude Code/);
    const out = await applyHooks({ harness: 'claude', scope: 'user', home, project: home }, hookCommand('claude', process.execPath, hookJs(), false));
    assert.equal(out?.result, 'installed');
    await api.retargetAgents({ stateDir, home });
    tip = api.toolsState().tooltip;
    assert.match(tip, /Agents blocked by the policy hook: Claude Code/);
    assert.match(tip, /Agents without the policy hook: Codex/);
    assert.deepEqual(
      api.services.agents.agents.map((a) => [a.name, a.hooked]),
      [
        ['Claude Code', true],
        ['Codex', false],
        // VS Code's own agent mode, on by default, needs no extension to be present.
        ['VS Code agent', false],
      ],
    );
  });

  it('a managed configuration pins the policy source over the machine setting, and says so', async () => {
    const before = api.services.policy.current!.source;
    assert.notEqual(before, exposureClearedPolicy);
    const managed = path.join(root, 'managed.json');
    fs.writeFileSync(managed, JSON.stringify({ policySource: exposureClearedPolicy }));
    fs.chmodSync(managed, 0o644);
    api.setManagedConfigPath(managed);
    await waitFor('the managed policy source in force', () => api.services.policy.current?.source === exposureClearedPolicy);
    assert.deepEqual(api.services.config.managed.keys, ['policySource']);
    assert.match(api.toolsState().tooltip, /Managed by your organization: policy source/);
    api.setManagedConfigPath(path.join(root, 'absent.json'));
    await waitFor('the machine setting in force again', () => api.services.policy.current?.source === before);
  });

  it('ignores a managed file that others can write, as a whole', () => {
    const managed = path.join(root, 'open.json');
    fs.writeFileSync(managed, JSON.stringify({ policySource: exposureClearedPolicy }));
    fs.chmodSync(managed, 0o666);
    api.setManagedConfigPath(managed);
    assert.match(api.services.config.managed.error ?? '', /writable by group or others/);
    assert.deepEqual(api.services.config.managed.keys, []);
    api.setManagedConfigPath(path.join(root, 'absent.json'));
  });
});
