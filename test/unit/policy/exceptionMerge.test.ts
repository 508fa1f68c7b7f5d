// Merging approved exceptions into a policy text that already has some, with comments on them.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { decisionToException, exceptionIdFor } from '../../../src/core/policy/exceptionDecisions';
import { mergeExceptions } from '../../../src/core/policy/exceptionMerge';
import type { Policy } from '../../../src/core/policy/types';

const TEXT = `version: 4
# Exceptions are reviewed monthly.
exceptions:
  maxDays: 30 # shorter than the default
  granted:
    # Jane's trial of the agent
    - id: exc-req-1
      requestId: req-1
      who: { developer: jane@example.com }
      what: { tool: cursor.agent }
      scope: person
      from: 2026-12-01
      until: 2026-12-20
      reason: Trial
      approvedBy: Dana
`;

describe('exceptions: merging decisions into the policy text', () => {
  const decision = {
    requestId: 'REQ 2/b',
    status: 'approved' as const,
    approvedBy: 'Dana',
    who: { team: 'payments' },
    what: { mcpServer: 'jira', command: 'npx -y @example/jira-mcp' },
    scope: 'team' as const,
    from: '2026-12-05',
    until: '2026-12-31',
    reason: 'Ticket triage',
  };

  it('appends under the existing list, keeps its comments, and raises the version by one', () => {
    const r = mergeExceptions(TEXT, [decisionToException(decision)]);
    assert.equal(r.version, 5);
    assert.deepEqual(r.added.map((e) => e.id), ['exc-req-2-b']);
    assert.ok(r.text.startsWith(TEXT.replace('version: 4', 'version: 5')), r.text);
    const p = parse(r.text) as Pick<Policy, 'exceptions'>;
    assert.deepEqual(p.exceptions?.granted?.map((e) => e.id), ['exc-req-1', 'exc-req-2-b']);
    assert.equal(p.exceptions?.maxDays, 30);
  });

  it('leaves the text and version alone when every decision is already there', () => {
    const r = mergeExceptions(TEXT, [decisionToException({ ...decision, requestId: 'req-1' })]);
    assert.equal(r.text, TEXT);
    assert.equal(r.version, 4);
    assert.equal(r.present.length, 1);
  });

  it('makes ids the schema accepts and refuses a text without an integer version', () => {
    assert.equal(exceptionIdFor('Req_7F3A'), 'exc-req_7f3a');
    assert.equal(exceptionIdFor('///'), 'exc-request');
    assert.throws(() => mergeExceptions('version: two\n', []), /no integer version/);
    assert.throws(() => mergeExceptions('version: 1\nexceptions: [1]\n', [decisionToException(decision)]), /exceptions is not a mapping/);
  });
});

describe('exceptions: merging into other layouts', () => {
  const e = decisionToException({
    requestId: 'r9',
    status: 'approved',
    approvedBy: 'Dana',
    who: { developer: 'joe@example.com' },
    what: { tool: 'github-copilot' },
    scope: 'person',
    from: '2026-12-01',
    until: '2026-12-02',
    reason: 'x',
  });

  it('adds a granted list to a section that has only maxDays, and writes an empty flow list as a block list', () => {
    const onlyMax = mergeExceptions('version: 1\nexceptions:\n  maxDays: 30\nother: 1\n', [e]);
    assert.ok(onlyMax.text.startsWith('version: 2\nexceptions:\n  maxDays: 30\n  granted:\n    - id: exc-r9\n'), onlyMax.text);
    assert.ok(onlyMax.text.endsWith('other: 1\n'));
    const empty = mergeExceptions('version: 1 # v\nexceptions:\n  granted: []\n', [e]);
    assert.deepEqual((parse(empty.text) as Pick<Policy, 'exceptions'>).exceptions?.granted?.map((x) => x.id), ['exc-r9']);
    assert.match(empty.text, /^version: 2 # v\n/);
  });

  it('appends a section to a file without a final newline', () => {
    const r = mergeExceptions('version: 1\nowner: x', [e]);
    assert.ok(r.text.startsWith('version: 2\nowner: x\n\nexceptions:\n  granted:\n    - id: exc-r9\n'), r.text);
  });
});
