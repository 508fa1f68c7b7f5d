// The managed hooks mode (enforce, audit, off), through the hook's own judge with a real managed file, a real
// policy file and the real spool; the spooled evidence is checked against the wire schema the server applies.
// The managed file must belong to an administrator (root; the tests' own uid when they run as a regular user).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import { judge } from '../../../src/cli/commands/hook';
import { dataJsonSchema } from '../../../src/core/audit/wireSchema';
import { testPolicy } from '../tools/testPolicy';
import { trustManagedFileOwnerForTests } from '../../../src/core/managed/managedConfig';

describe('managed hooks mode', () => {
  // The managed file must be owned by an administrator; a regular user's test run trusts its own uid instead.
  before(() => trustManagedFileOwnerForTests(process.getuid?.()));
  after(() => trustManagedFileOwnerForTests(undefined));
  let dir: string;
  let ws: string;
  let policyFile: string;
  let savedXdg: string | undefined;
  const spoolFile = () => path.join(dir, 'state', 'ai-tool-policy', 'agent-events.jsonl');
  const spool = (): { type: string; data: Record<string, unknown> }[] =>
    fs.existsSync(spoolFile()) ? fs.readFileSync(spoolFile(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; data: Record<string, unknown> }) : [];
  const managed = (config: Record<string, unknown> | undefined): string => {
    const f = path.join(dir, 'managed.json');
    if (config) fs.writeFileSync(f, JSON.stringify(config), { mode: 0o644 });
    else fs.rmSync(f, { force: true });
    return f;
  };
  const readEnv = () => JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: path.join(ws, '.env') }, tool_use_id: 't' });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-mode-'));
    ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, '.env'), `API_KEY=${'k'.repeat(12)}\n`);
    policyFile = path.join(dir, 'org.aipolicy.yaml');
    fs.writeFileSync(policyFile, stringify(testPolicy()));
    savedXdg = process.env.XDG_STATE_HOME;
    process.env.XDG_STATE_HOME = path.join(dir, 'state');
  });
  afterEach(() => {
    if (savedXdg === undefined) delete process.env.XDG_STATE_HOME;
    else process.env.XDG_STATE_HOME = savedXdg;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const config of [undefined, { hooksMode: 'enforce' }]) {
    it(`enforces ${config ? 'when the managed file says enforce' : 'without a managed file'}`, async () => {
      const a = await judge('claude', readEnv(), { policyFile, managedPath: managed(config) });
      assert.equal(a.exitCode, 0);
      assert.equal((JSON.parse(a.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision, 'deny');
      assert.deepEqual(spool().map((e) => [e.type, e.data.mode]), [['agent.blocked', 'enforce']]);
    });
  }

  it('audit: lets the call through silently and records what enforcement would have refused', async () => {
    const a = await judge('claude', readEnv(), { policyFile, managedPath: managed({ hooksMode: 'audit' }) });
    assert.deepEqual(a, { stdout: '', stderr: '', exitCode: 0 });
    const events = spool();
    assert.deepEqual(events.map((e) => [e.type, e.data.mode]), [['agent.blocked', 'audit']]);
    const validate = new Ajv({ allErrors: true }).compile(dataJsonSchema('agent.blocked'));
    assert.ok(validate(events[0].data), JSON.stringify(validate.errors));
  });

  it('audit: a policy that cannot load lets the call through even when the policy says deny on error', async () => {
    // The editor's mirror holds the policy's onError: deny (read when the policy itself cannot be loaded).
    const policy = testPolicy();
    policy.agents = { hooks: { onError: 'deny' } };
    fs.mkdirSync(path.join(dir, 'state', 'ai-tool-policy'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'state', 'ai-tool-policy', 'agent-policy.json'), JSON.stringify({ source: 'x', hash: 'h', version: policy.version, savedAt: new Date().toISOString(), policy }));
    const missing = path.join(dir, 'missing.yaml');
    const enforced = await judge('claude', readEnv(), { policyFile: missing, managedPath: managed({ hooksMode: 'enforce' }) });
    assert.match(enforced.stdout, /"deny"/, 'enforce follows onError: deny');
    const audited = await judge('claude', readEnv(), { policyFile: missing, managedPath: managed({ hooksMode: 'audit' }) });
    assert.deepEqual(audited, { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(spool().map((e) => [e.type, e.data.action]), [['agent.hookError', 'deny'], ['agent.hookError', 'allow']]);
  });

  it('off: allows everything and records nothing', async () => {
    const a = await judge('claude', readEnv(), { policyFile, managedPath: managed({ hooksMode: 'off' }) });
    assert.deepEqual(a, { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(spool(), []);
  });

  it('a managed file that others can write is ignored: enforcement stays on', async () => {
    const f = managed({ hooksMode: 'off' });
    fs.chmodSync(f, 0o666);
    const a = await judge('claude', readEnv(), { policyFile, managedPath: f });
    assert.match(a.stdout, /"deny"/);
  });
});
