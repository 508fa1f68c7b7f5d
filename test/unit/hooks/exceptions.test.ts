// A developer's exception in the agent hook: the real dist/hook.js bundle, spawned per call, with a policy that
// grants jane@example.com (her git e-mail, as the audit events name her) the unlisted "jira" MCP server and a
// prohibited agent for December. The clock is moved by a test-only preload (shiftClock.ts), never by the hook.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { Policy, PolicyException } from '../../../src/core/policy/types';
import { pseudonymize } from '../../../src/core/audit/identity';
import { decide } from '../../../src/core/hooks/decide';
import type { HookRequest } from '../../../src/core/hooks/request';
import { hookWho } from '../../../src/core/hooks/who';
import { Scanner } from '../../../src/core/scan/scanner';
import { testPolicy } from '../tools/testPolicy';

const dist = path.resolve(__dirname, '..', '..', '..', '..', 'dist');
const hookJs = path.join(dist, 'hook.js');
const shiftClock = path.join(__dirname, 'shiftClock.js');
const OWNER = 'Dana Whitfield <dana.whitfield@example.com>';

const exception = (over: Partial<PolicyException>): PolicyException => ({
  id: 'exc-req-1',
  requestId: 'req-1',
  who: { developer: 'jane@example.com' },
  what: { mcpServer: 'jira', command: 'npx -y @acme/jira-mcp' },
  scope: 'person',
  from: '2026-12-01',
  until: '2026-12-31',
  reason: 'Ticket triage from the agent',
  approvedBy: OWNER,
  ...over,
});

function policy(): Policy {
  const p = testPolicy();
  p.tools.push({ id: 'claude-code', name: 'Claude Code', identifiers: ['anthropic.claude-code', 'cli:claude'], status: 'approved', owner: OWNER, dataClasses: ['code', 'internal'] });
  p.tools.push({ id: 'codex', name: 'Codex', identifiers: ['openai.chatgpt', 'cli:codex'], status: 'prohibited', owner: OWNER, dataClasses: [] });
  p.mcp = { unlisted: 'prohibited', servers: [{ name: 'github', url: 'https://api.githubcopilot.com/mcp/', status: 'approved', owner: OWNER, dataClasses: ['code'] }] };
  p.exceptions = {
    maxDays: 90,
    granted: [exception({}), exception({ id: 'exc-req-2', requestId: 'req-2', what: { tool: 'codex' }, from: '2026-12-01', until: '2026-12-20' }), exception({ id: 'exc-req-3', requestId: 'req-3', who: { team: 'payments' }, scope: 'team', what: { mcpServer: 'sentry' } })],
  };
  return p;
}

describe('ai-policy hook: exceptions in force (process)', function () {
  this.timeout(20000);
  let root: string;
  let policyFile: string;

  /** One call as `email` (their global git config) at `now`. */
  function call(email: string, now: string, payload: Record<string, unknown>, harness = 'claude') {
    const home = path.join(root, email.replace(/\W/g, '_'));
    if (!fs.existsSync(home)) {
      fs.mkdirSync(home);
      fs.writeFileSync(path.join(home, '.gitconfig'), `[user]\n\temail = ${email}\n`);
    }
    const env = { ...process.env, HOME: home, XDG_STATE_HOME: path.join(home, 'state'), GIT_CONFIG_NOSYSTEM: '1', AI_POLICY_TEST_NOW: now };
    return spawnSync(process.execPath, ['--require', shiftClock, hookJs, '--harness', harness, '--policy', policyFile], { cwd: root, input: JSON.stringify({ cwd: root, ...payload }), encoding: 'utf8', env });
  }
  const jira = { hook_event_name: 'PreToolUse', tool_name: 'mcp__jira__search_issues', tool_input: { jql: 'project = BILL' } };
  const verdict = (r: ReturnType<typeof call>) => {
    assert.equal(r.status, 0, r.stderr);
    if (!r.stdout) return 'allow';
    return String((JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision);
  };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hook-exc-'));
    policyFile = path.join(root, 'policy.aipolicy.yaml');
    fs.writeFileSync(policyFile, stringify(policy()));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lets the developer named in a person exception use the MCP server while it is in force', () => {
    assert.equal(verdict(call('jane@example.com', '2026-12-15T12:00:00Z', jira)), 'allow');
    assert.equal(verdict(call('Jane@Example.com', '2026-12-31T23:59:00Z', jira)), 'allow', 'the last minute of the until day, any case');
  });

  it('denies everyone else the same server, as the rest of the policy does', () => {
    const r = call('bob@example.com', '2026-12-15T12:00:00Z', jira);
    assert.equal(verdict(r), 'deny');
    assert.match(r.stdout, /MCP server \\"jira\\" is not approved/);
  });

  it('denies the developer again the moment the exception ends, and before it starts', () => {
    assert.equal(verdict(call('jane@example.com', '2027-01-01T00:00:00Z', jira)), 'deny');
    assert.equal(verdict(call('jane@example.com', '2026-11-30T23:59:00Z', jira)), 'deny');
  });

  it('holds the server to the command the exception pins when the harness gives one', () => {
    const cursor = (command: string) => ({ hook_event_name: 'beforeMCPExecution', tool_name: 'search_issues', tool_input: '{}', command });
    const ok = call('jane@example.com', '2026-12-15T12:00:00Z', cursor('npx -y @acme/jira-mcp'), 'cursor');
    assert.equal(ok.stdout, '', ok.stdout);
    const other = call('jane@example.com', '2026-12-15T12:00:00Z', cursor('npx -y evil-jira-mcp'), 'cursor');
    assert.match(other.stdout, /"permission":"deny"/);
  });

  it('lets the developer run an agent the policy prohibits, for the exception days only', () => {
    const bash = { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } };
    assert.equal(verdict(call('jane@example.com', '2026-12-10T09:00:00Z', bash, 'codex')), 'allow');
    assert.equal(verdict(call('bob@example.com', '2026-12-10T09:00:00Z', bash, 'codex')), 'deny');
    assert.equal(verdict(call('jane@example.com', '2026-12-21T00:00:00Z', bash, 'codex')), 'deny');
  });

  it('applies a team exception to nobody when the machine names no team', () => {
    const sentry = { hook_event_name: 'PreToolUse', tool_name: 'mcp__sentry__list_issues', tool_input: {} };
    assert.equal(verdict(call('jane@example.com', '2026-12-15T12:00:00Z', sentry)), 'deny');
  });
});

describe('hook: who runs the agent', () => {
  const dec = new Date('2026-12-15T12:00:00Z');
  const mcpCall = { harness: 'claude' as const, mcp: { server: 'jira' } };
  const explicit = (p: Policy, hmacKey?: string): Policy => ({ ...p, audit: { ...p.audit, identity: 'explicit', ...(hmacKey ? { pseudonymize: { hmacKey } } : {}) } as Policy['audit'] });

  it('is the managed developer id and teams when an exception for a person or team is in force', async () => {
    const who = await hookWho(explicit(policy()), { developerId: 'jane@example.com', teams: 'payments, platform ,' }, dec, mcpCall);
    assert.deepEqual(who, { developer: 'jane@example.com', teams: ['payments', 'platform'] });
    assert.deepEqual(await hookWho(explicit(policy()), { developerId: 'jane@example.com' }, dec, { harness: 'codex' }), { developer: 'jane@example.com' }, 'an exception for the agent itself');
  });

  it('is the pseudonym the audit events carry when the policy pseudonymizes', async () => {
    const who = await hookWho(explicit(policy(), 'k'.repeat(32)), { developerId: 'jane@example.com' }, dec, mcpCall);
    assert.equal(who.developer, pseudonymize('jane@example.com', 'k'.repeat(32)));
  });

  it('is not looked up when no exception in force concerns the call', async () => {
    assert.deepEqual(await hookWho(explicit(policy()), { developerId: 'jane@example.com', teams: 'payments' }, new Date('2027-03-01T00:00:00Z'), mcpCall), {}, 'all ended');
    assert.deepEqual(await hookWho(explicit(policy()), { developerId: 'jane@example.com', teams: 'payments' }, dec, { harness: 'claude' }), {}, 'not an MCP call, not for this agent');
  });

  it('lets a member of the exception team use its server, in the decision itself', () => {
    const p = policy();
    const req: HookRequest = { harness: 'claude', event: 'PreToolUse', kind: 'tool', tool: 'mcp__sentry__list_issues', cwd: os.tmpdir(), files: [], commands: [], texts: [], mcp: { server: 'sentry', tool: 'list_issues' } };
    const ctx = { policy: p, scanner: new Scanner({ dataHandling: p.dataHandling }), where: { workspaceFolders: [os.tmpdir()], repositories: [] } };
    // decide reads the real clock: the exception is moved around today.
    const today = new Date().toISOString().slice(0, 10);
    p.exceptions = { granted: [exception({ who: { team: 'payments' }, scope: 'team', what: { mcpServer: 'sentry' }, from: today, until: today })] };
    assert.equal(decide(req, { ...ctx, who: { teams: ['Payments'] } }).verdict, 'allow');
    assert.equal(decide(req, { ...ctx, who: { teams: ['platform'] } }).verdict, 'deny');
    assert.equal(decide(req, ctx).verdict, 'deny');
  });
});
