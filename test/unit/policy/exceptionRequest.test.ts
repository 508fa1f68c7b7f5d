// A developer's exception request: the duration bounds from the policy, the checks before it is sent, the
// `tool.requested` event it becomes (through the editor's guard and the server's validation), and when a
// pending request is answered.
import * as assert from 'node:assert/strict';
import { createEvent } from '../../../src/core/audit/events';
import {
  daysProblem,
  describeThing,
  newRequestId,
  reasonProblem,
  REQUEST_ID,
  requestDays,
  requestEventData,
  requestProblems,
  stillPending,
  type ExceptionRequest,
} from '../../../src/core/policy/exceptionRequest';
import { repositoryName, thingOf } from '../../../src/editor/tools/requestSubject';
import { validateBatch } from '../../../src/server/validate';

const CTX = { developer: 'jane@example.com', machine: 'm1', editor: { name: 'Visual Studio Code', version: '1.99.0' }, extensionVersion: '0.1.0', policyVersion: 3 };
const now = new Date('2026-12-06T10:00:00Z');
const base = (): ExceptionRequest => ({
  requestId: newRequestId(now),
  what: { tool: 'saoudrizwan.claude-dev', toolName: 'Cline' },
  scope: 'person',
  reason: 'Refactoring the billing module',
  days: 14,
  requestedAt: now.toISOString(),
});

describe('exception requests from the editor', () => {
  it('offers a month, or the policy maximum when shorter, and refuses more', () => {
    assert.deepEqual(requestDays(undefined), { initial: 30, max: 90 });
    assert.deepEqual(requestDays({ exceptions: { maxDays: 14 } }), { initial: 14, max: 14 });
    assert.equal(daysProblem('14', 14), undefined);
    assert.match(daysProblem('15', 14) ?? '', /at most 14 days/);
    assert.match(daysProblem('0', 14) ?? '', /at least 1/);
    assert.match(daysProblem('2.5', 14) ?? '', /whole number/);
  });

  it('needs a one-line reason within the wire limit', () => {
    assert.equal(reasonProblem('Trial for the billing refactor'), undefined);
    assert.ok(reasonProblem('  '));
    assert.ok(reasonProblem('a'.repeat(201)));
    assert.ok(reasonProblem('two\nlines'));
    assert.match(reasonProblem('see /home/jane/notes.txt') ?? '', /paths and secret values/);
  });

  it('makes unguessable ids and checks the whole request', () => {
    const r = base();
    assert.match(r.requestId, REQUEST_ID);
    assert.notEqual(newRequestId(now), newRequestId(now));
    assert.deepEqual(requestProblems(r, 30), []);
    assert.deepEqual(requestProblems({ ...r, scope: 'team', days: 40 }, 30), ['duration: The policy allows at most 30 days.', 'scope "team" needs a team']);
    assert.deepEqual(requestProblems({ ...r, what: {} }, 30), ['it names neither a tool nor an MCP server']);
  });

  it('becomes a tool.requested event that passes the guard whole and the server accepts', () => {
    const r = { ...base(), what: { mcpServer: 'jira', dataClass: 'pii' }, scope: 'repository' as const, repository: 'acme/payments' };
    const data = requestEventData(r, true);
    const e = createEvent('tool.requested', data, CTX, now);
    assert.deepEqual(e.data, { requestId: r.requestId, mcpServer: 'jira', dataClass: 'pii', scope: 'repository', repository: 'acme/payments', days: 14, identity: 'enrolled', reason: 'Refactoring the billing module' });
    const v = validateBatch(JSON.stringify({ events: [e] }), now.getTime());
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.ok(v.ok && v.events[0].note === undefined, 'every field understood');
    // A field this server version does not know (a newer editor's) is kept, marked not understood.
    const newer = validateBatch(JSON.stringify({ events: [{ ...e, data: { ...e.data, urgency: 'high' } }] }), now.getTime());
    assert.ok(newer.ok, JSON.stringify(newer));
    assert.deepEqual(newer.events[0].note?.notUnderstood, ['data.urgency']);
  });

  it('the guard would drop a reason that looks like a secret (the dialog refuses it first)', () => {
    assert.match(reasonProblem('token ghp_abcdefghijklmnopqrstuvwxyz0123456789') ?? '', /secret values/);
    const e = createEvent('tool.requested', requestEventData({ ...base(), reason: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' }, false), CTX, now);
    assert.equal(e.data.reason, undefined);
    assert.deepEqual(e.data.redacted, ['reason']);
  });

  it('stays pending until the policy carries its request id or a decline is seen', () => {
    const a = base();
    const b = { ...base(), requestId: newRequestId(now) };
    const c = { ...base(), requestId: newRequestId(now) };
    const policy = { exceptions: { granted: [{ id: 'exc-1', requestId: a.requestId, who: {}, what: {}, scope: 'person' as const, from: '2026-12-06', until: '2026-12-20', reason: 'x', approvedBy: 'Dana' }] } };
    assert.deepEqual(stillPending([a, b, c], policy, new Set([b.requestId])).map((r) => r.requestId), [c.requestId]);
    assert.equal(stillPending([a], undefined, new Set()).length, 1);
  });

  it('names what is asked for from a tools view node, a tool id or the exposure warning', () => {
    const items = [
      { id: 'github.copilot', name: 'GitHub Copilot', kind: 'assistant', status: 'approved' as const, enabled: true, active: true, dataClasses: [], policyToolId: 'github-copilot', reasons: [], conditions: [], source: 'extension' as const },
      { id: 'mcp:jira', name: 'jira', kind: 'mcp', status: 'unlisted' as const, enabled: true, active: true, dataClasses: [], reasons: [], conditions: [], source: 'mcp' as const },
    ];
    assert.deepEqual(thingOf({ type: 'tool', tool: items[1] }, items), { mcpServer: 'jira' });
    assert.deepEqual(thingOf({ toolId: 'github.copilot', dataClass: 'pii' }, items), { tool: 'github-copilot', toolName: 'GitHub Copilot', dataClass: 'pii' });
    assert.deepEqual(thingOf('saoudrizwan.claude-dev', items), { tool: 'saoudrizwan.claude-dev' });
    assert.equal(thingOf(undefined, items), undefined);
    assert.equal(describeThing({ mcpServer: 'jira', dataClass: 'pii' }), 'MCP server jira, cleared for data class pii');
    assert.equal(repositoryName(['git@github.com:acme/payments.git']), 'acme/payments');
    assert.equal(repositoryName(['https://gitlab.example.com/group/sub/repo']), 'sub/repo');
    assert.equal(repositoryName([]), undefined);
  });
});
