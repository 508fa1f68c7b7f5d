// Exceptions in force: who and where they clear a tool, an MCP server or a data class, and the moment they stop.
import * as assert from 'node:assert/strict';
import type { Policy, PolicyException } from '../../../src/core/policy/types';
import { compareMcpServers } from '../../../src/core/tools/mcp';
import { exceptionState, expiringWithin, findException, inForceAt } from '../../../src/core/tools/exceptions';
import { policyStatus } from '../../../src/core/tools/policyStatus';
import { testException, testPolicy } from './testPolicy';

const BILLING = 'git@github.com:example-corp/billing-api.git';

function withExceptions(...granted: PolicyException[]): Policy {
  const p = testPolicy();
  p.exceptions = { maxDays: 90, granted };
  return p;
}
const jane = testException;
const at = (iso: string) => new Date(iso);

describe('exceptions: in force', () => {
  it('runs from the start of from to the end of until (UTC), not a millisecond longer', () => {
    const e = jane();
    assert.equal(inForceAt(e, at('2026-11-30T23:59:59.999Z')), false);
    assert.equal(inForceAt(e, at('2026-12-01T00:00:00Z')), true);
    assert.equal(inForceAt(e, at('2026-12-31T23:59:59.999Z')), true);
    assert.equal(inForceAt(e, at('2027-01-01T00:00:00Z')), false);
  });

  it('states pending, in force, expiring within the warning days, expired', () => {
    const e = jane({ until: '2027-02-28' });
    assert.equal(exceptionState(e, at('2026-11-15T00:00:00Z')), 'pending');
    assert.equal(exceptionState(e, at('2026-12-15T00:00:00Z')), 'in-force');
    assert.equal(exceptionState(e, at('2027-02-01T00:00:00Z')), 'expiring');
    assert.equal(exceptionState(e, at('2027-03-01T00:00:00Z')), 'expired');
    assert.equal(exceptionState({ from: 'x', until: '2026-12-31' }, at('2026-12-15T00:00:00Z')), 'expired', 'a malformed date is never in force');
  });

  it('lists the exceptions that end within N days, soonest first', () => {
    const p = withExceptions(jane({ id: 'a', until: '2027-02-28' }), jane({ id: 'b', until: '2026-12-20' }), jane({ id: 'c', from: '2026-10-01', until: '2026-11-30' }));
    const now = at('2026-12-10T12:00:00Z');
    assert.deepEqual(expiringWithin(p, 14, now).map((e) => e.id), ['b']);
    assert.deepEqual(expiringWithin(p, 90, now).map((e) => e.id), ['b', 'a']);
    assert.deepEqual(expiringWithin(p, 1000, now).map((e) => e.id), ['b', 'a'], 'an ended one is not expiring');
  });
});

describe('exceptions: scope', () => {
  const now = at('2026-12-10T12:00:00Z');
  const tool = { id: 'windsurf', identifiers: ['Codeium.codeium'] };

  it('a person exception clears that developer only', () => {
    const p = withExceptions(jane());
    assert.equal(findException(p, { tool }, { now, developer: 'Jane@Example.com' })?.id, 'exc-1');
    assert.equal(findException(p, { tool }, { now, developer: 'joe@example.com' }), undefined);
    assert.equal(findException(p, { tool }, { now }), undefined, 'an unknown developer is nobody');
  });

  it('a team exception clears its members; a repository exception anyone in matching repositories only', () => {
    const p = withExceptions(
      jane({ id: 't', who: { team: 'payments' }, scope: 'team' }),
      jane({ id: 'r', who: { developer: 'joe@example.com' }, what: { tool: 'Codeium.codeium' }, scope: 'repository', repositories: ['github.com/example-corp/billing-*'] }),
    );
    assert.equal(findException(p, { tool }, { now, teams: ['platform', 'Payments'] })?.id, 't');
    assert.equal(findException(p, { tool }, { now, teams: ['platform'] }), undefined);
    assert.equal(findException(p, { tool }, { now, repositories: [BILLING] })?.id, 'r');
    assert.equal(findException(p, { tool }, { now, repositories: [BILLING, 'https://github.com/example-corp/web.git'] }), undefined, 'every open repository must match');
    assert.equal(findException(p, { tool }, { now }), undefined);
  });

  it('repositories narrow a person exception, and its conditions hold too', () => {
    const p = withExceptions(jane({ repositories: ['github.com/example-corp/billing-*'], conditions: { workspaces: ['**/billing-*'] } }));
    const ctx = { now, developer: 'jane@example.com' };
    assert.equal(findException(p, { tool }, { ...ctx, repositories: [BILLING], workspaceFolders: ['/src/billing-api'] })?.id, 'exc-1');
    assert.equal(findException(p, { tool }, { ...ctx, repositories: [BILLING], workspaceFolders: ['/src/web'] }), undefined);
    assert.equal(findException(p, { tool }, { ...ctx, workspaceFolders: ['/src/billing-api'] }), undefined);
  });
});

describe('exceptions: the status the editor shows', () => {
  const dev = { developer: 'jane@example.com' };

  it('approves a prohibited tool for its developer until the end of until, and stops the moment after', () => {
    const p = withExceptions(jane());
    const inside = policyStatus(['codeium.codeium'], p, { ...dev, now: at('2026-12-31T23:59:59Z') });
    assert.equal(inside.status, 'approved');
    assert.match(inside.reasons[0], /approved for you by exception "exc-1" until 2026-12-31 \(approved by Dana Whitfield/);
    assert.match(inside.reasons[1], /without it: prohibited by the policy/);
    assert.deepEqual(inside.exceptions?.map((e) => e.id), ['exc-1']);
    const after = policyStatus(['codeium.codeium'], p, { ...dev, now: at('2027-01-01T00:00:00Z') });
    assert.equal(after.status, 'prohibited');
    assert.equal(after.exceptions, undefined);
    assert.equal(policyStatus(['codeium.codeium'], p, { developer: 'joe@example.com', now: at('2026-12-15T00:00:00Z') }).status, 'prohibited');
  });

  it('approves an unlisted tool named by extension id', () => {
    const p = withExceptions(jane({ what: { tool: 'acme.internal-helper' } }));
    assert.equal(policyStatus(['acme.internal-helper'], p, { ...dev, now: at('2026-12-15T00:00:00Z') }).status, 'approved');
    assert.equal(policyStatus(['acme.internal-helper'], p, { ...dev, now: at('2027-01-15T00:00:00Z') }).status, 'unlisted');
  });

  it('adds a data class to an approved tool for its scope only', () => {
    const p = withExceptions(jane({ what: { tool: 'github-copilot', dataClass: 'pii' } }));
    const now = at('2026-12-15T00:00:00Z');
    const cleared = policyStatus(['github.copilot'], p, { ...dev, now });
    assert.equal(cleared.status, 'approved');
    assert.ok(cleared.dataClasses.includes('pii'));
    assert.match(cleared.reasons.at(-1) ?? '', /pii data cleared for you by exception "exc-1"/);
    assert.ok(!policyStatus(['github.copilot'], p, { developer: 'joe@example.com', now }).dataClasses.includes('pii'));
    assert.ok(!policyStatus(['github.copilot'], p, { ...dev, now: at('2027-01-01T00:00:00Z') }).dataClasses.includes('pii'));
  });
});

describe('exceptions: MCP servers', () => {
  const now = at('2026-12-15T00:00:00Z');
  const dev = { developer: 'jane@example.com', now };
  const jira = { name: 'jira', type: 'stdio', command: 'npx', args: ['-y', '@example/jira-mcp'] };

  it('approves an unlisted server for its developer, pinned to its command', () => {
    const p = withExceptions(jane({ what: { mcpServer: 'jira', command: 'npx -y @example/jira-mcp' } }));
    p.mcp!.unlisted = 'prohibited';
    const [mine] = compareMcpServers([jira], p, dev);
    assert.equal(mine.status, 'approved');
    assert.deepEqual(mine.exceptions?.map((e) => e.id), ['exc-1']);
    assert.equal(compareMcpServers([jira], p, { developer: 'joe@example.com', now })[0].status, 'prohibited');
    assert.equal(compareMcpServers([{ ...jira, args: ['-y', 'evil-mcp'] }], p, dev)[0].status, 'prohibited', 'named like it but another command');
    assert.equal(compareMcpServers([jira], p, { ...dev, now: at('2027-01-01T00:00:00Z') })[0].status, 'prohibited');
  });

  it('overrides a prohibited listed server and clears a data class for an approved one', () => {
    const p = withExceptions(jane({ id: 'shell', what: { mcpServer: 'shell' } }), jane({ id: 'gh-pii', what: { mcpServer: 'github', dataClass: 'pii' } }));
    const [shell, github] = compareMcpServers(
      [
        { name: 'shell', type: 'stdio', command: 'mcp-shell' },
        { name: 'github', type: 'http', url: 'https://api.githubcopilot.com/mcp' },
      ],
      p,
      dev,
    );
    assert.equal(shell.status, 'approved');
    assert.deepEqual(github.dataClasses, ['code', 'pii']);
  });
});
