// Exceptions in the exports and the drift report: the policy for one scope folds in the exceptions in force
// there as approvals, and only there; the organization's export stays the rest of the policy.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { driftOf } from '../../../src/core/enforcement/drift';
import { editorContextSettings } from '../../../src/core/enforcement/editorContext';
import { vscodePolicies } from '../../../src/core/export/vscodePolicy';
import type { Policy, PolicyException } from '../../../src/core/policy/types';
import { nextExceptionChange, policyForScope } from '../../../src/core/tools/exceptionScope';
import { REPO, testException, testPolicy, writeTestPolicy } from './testPolicy';

const exc = testException;

function policy(...granted: PolicyException[]): Policy {
  const p = testPolicy();
  p.mcp = { ...p.mcp!, unlisted: 'prohibited' };
  p.exceptions = { maxDays: 90, granted };
  return p;
}
const dec = new Date('2026-12-15T12:00:00Z');
const jan = new Date('2027-01-01T00:00:00Z');

describe('exceptions: the policy for a scope', () => {
  const granted = [
    exc({}),
    exc({ id: 'exc-2', what: { mcpServer: 'jira', command: 'npx -y @acme/jira-mcp' } }),
    exc({ id: 'exc-3', who: { team: 'payments' }, scope: 'team', what: { mcpServer: 'shell', command: 'mcp-shell' } }),
    exc({ id: 'exc-4', who: { developer: 'jane@example.com' }, what: { tool: 'github-copilot', dataClass: 'secret' } }),
    exc({ id: 'exc-5', who: {}, scope: 'repository', repositories: ['github.com/example-corp/billing-*'], what: { tool: 'acme.helper' } }),
  ];

  it('the organization: no person, team or repository exception applies; each in force is listed as not applied', () => {
    const p = policy(...granted);
    const s = policyForScope(p, { now: dec });
    assert.equal(s.policy, p);
    assert.deepEqual(s.applied, []);
    assert.deepEqual(s.notApplied.map((e) => e.id), ['exc-1', 'exc-2', 'exc-3', 'exc-4', 'exc-5']);
  });

  it('a developer: their tool, server and data class approvals, nobody else\'s', () => {
    const s = policyForScope(policy(...granted), { developer: 'Jane@example.com', now: dec });
    assert.deepEqual(s.applied.map((e) => e.id), ['exc-1', 'exc-2', 'exc-4']);
    const windsurf = s.policy.tools.find((t) => t.id === 'windsurf');
    assert.equal(windsurf?.status, 'approved');
    assert.deepEqual(s.policy.tools.find((t) => t.id === 'github-copilot')?.dataClasses, ['code', 'internal', 'secret']);
    const jira = s.policy.mcp?.servers.find((x) => x.name === 'jira');
    assert.deepEqual({ status: jira?.status, command: jira?.command }, { status: 'approved', command: 'npx -y @acme/jira-mcp' });
    assert.equal(s.policy.mcp?.servers.find((x) => x.name === 'shell')?.status, 'prohibited', 'a team\'s exception is not hers');
    assert.equal(policyForScope(policy(...granted), { developer: 'bob@example.com', now: dec }).applied.length, 0);
  });

  it('a team and a repository: theirs only', () => {
    const team = policyForScope(policy(...granted), { teams: ['payments'], now: dec });
    assert.deepEqual(team.applied.map((e) => e.id), ['exc-3']);
    assert.equal(team.policy.mcp?.servers.find((x) => x.name === 'shell')?.status, 'approved');
    const repo = policyForScope(policy(...granted), { repositories: ['git@github.com:example-corp/billing-api.git'], now: dec });
    assert.deepEqual(repo.applied.map((e) => e.id), ['exc-5']);
    assert.deepEqual(repo.policy.tools.find((t) => t.id === 'acme.helper')?.identifiers, ['acme.helper']);
  });

  it('stops the moment the exception ends', () => {
    const s = policyForScope(policy(...granted), { developer: 'jane@example.com', teams: ['payments'], now: jan });
    assert.deepEqual(s.applied, []);
    assert.deepEqual(s.notApplied, []);
    assert.equal(nextExceptionChange(policy(...granted), dec), jan.getTime());
    assert.equal(nextExceptionChange(policy(...granted), jan), undefined);
  });

  it('changes the VS Code policies, the editor settings and the drift for that developer only', () => {
    const p = policy(...granted);
    const jane = policyForScope(p, { developer: 'jane@example.com', now: dec }).policy;
    const allowed = (x: Policy) => vscodePolicies(x).AllowedExtensions as Record<string, unknown>;
    assert.equal(allowed(p)['codeium.codeium'], false);
    assert.equal(allowed(jane)['codeium.codeium'], true);
    const servers = (x: Policy) => (vscodePolicies(x).ChatAllowedMcpServers as { serverName?: string }[]).map((m) => m.serverName);
    assert.ok(!servers(p).includes('jira'));
    assert.ok(servers(jane).includes('jira'));
    assert.ok(editorContextSettings(p)['github.copilot.enable'], 'completions off in .env files for the organization');
    assert.equal(editorContextSettings(jane)['github.copilot.enable'], undefined, 'secret data cleared for Copilot for her');
    const effective = { 'extensions.allowed': { '*': true } };
    assert.ok(driftOf(p, effective).some((d) => d.setting === 'extensions.allowed' && /codeium\.codeium/.test(d.required)));
    assert.ok(!driftOf(jane, effective).some((d) => d.setting === 'extensions.allowed' && /codeium\.codeium/.test(d.required)));
  });
});

describe('exceptions: ai-policy export --developer/--team/--repository', function () {
  this.timeout(20_000);
  let tmp: string;
  let file: string;
  const cli = async (args: string[]) => {
    try {
      const r = await promisify(execFile)(process.execPath, [path.join(REPO, 'dist/cli.js'), 'export', '--policy', file, ...args]);
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      return e as { code: number; stdout: string; stderr: string };
    }
  };
  // The command reads the real clock: the exceptions are set around today.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'export-exc-'));
    file = writeTestPolicy(tmp, policy(exc({ from: day(-1), until: day(20) }), exc({ id: 'exc-old', who: { team: 'payments' }, scope: 'team', what: { mcpServer: 'shell', command: 'mcp-shell' }, from: day(-30), until: day(-1) })));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the organization export leaves the person exception out and says so', async () => {
    const r = await cli(['--target', 'vscode-allowed-extensions']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Record<string, unknown>)['codeium.codeium'], false);
    assert.match(r.stderr, /1 exception\(s\) in force not applied .*: exc-1$/m);
  });

  it('the developer export approves what their exception names; an ended exception applies to nobody', async () => {
    const r = await cli(['--target', 'vscode-allowed-extensions', '--developer', 'jane@example.com', '--team', 'payments']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Record<string, unknown>)['codeium.codeium'], true);
    assert.match(r.stderr, /applied exception exc-1 \(tool windsurf for developer jane@example\.com until /);
    const vs = await cli(['--target', 'vscode-policy-json', '--developer', 'jane@example.com', '--team', 'payments']);
    const denied = JSON.parse(String((JSON.parse(vs.stdout) as Record<string, string>).ChatDeniedMcpServers)) as { serverName: string }[];
    assert.ok(denied.some((d) => d.serverName === 'shell'), 'the ended team exception no longer lifts the denial');
  });
});
