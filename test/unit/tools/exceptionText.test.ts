// What the editor says about this developer's exceptions: "approved for you until DATE" in the status tooltip and
// the tools view, and the one warning 14 days before an exception ends.
import * as assert from 'node:assert/strict';
import type { PolicyException } from '../../../src/core/policy/types';
import { compareMcpServers } from '../../../src/core/tools/mcp';
import { exceptionNotes } from '../../../src/core/tools/exceptions';
import { approvalText, expiryWarningsDue, warningKey } from '../../../src/editor/tools/exceptionText';
import { statusTooltip } from '../../../src/editor/tools/statusText';
import { testPolicy } from './testPolicy';

const OWNER = 'Dana Whitfield <dana.whitfield@example.com>';
const jira: PolicyException = {
  id: 'exc-req-1',
  who: { developer: 'jane@example.com' },
  what: { mcpServer: 'jira' },
  scope: 'person',
  from: '2026-12-01',
  until: '2026-12-31',
  reason: 'triage',
  approvedBy: OWNER,
};
const pii: PolicyException = { ...jira, id: 'exc-req-2', who: { team: 'payments' }, scope: 'team', what: { tool: 'github-copilot', dataClass: 'pii' }, until: '2027-02-28' };

describe('exceptions: what the editor says', () => {
  it('approved for you (or your team, or this repository) until the last day', () => {
    const [a, b] = exceptionNotes([jira, pii]) ?? [];
    assert.equal(approvalText(a), 'approved for you until 2026-12-31');
    assert.equal(approvalText(b), 'pii data cleared for team payments until 2027-02-28');
    assert.equal(approvalText({ id: 'x', scope: 'repository', until: '2027-01-05' }), 'approved in this repository until 2027-01-05');
    assert.equal(exceptionNotes([]), undefined);
  });

  it('the status tooltip names the tool approved by exception and until when', () => {
    const p = testPolicy();
    p.exceptions = { granted: [jira] };
    const [server] = compareMcpServers([{ name: 'jira', type: 'stdio', command: 'npx' }], p, { developer: 'jane@example.com', now: new Date('2026-12-15T00:00:00Z') });
    assert.equal(server.status, 'approved');
    const items = [{ name: 'MCP: jira', status: server.status, enabled: true, exceptions: exceptionNotes(server.exceptions) }];
    const tip = statusTooltip({ items, policy: p, exposed: 0, now: new Date('2026-12-15T00:00:00Z') });
    assert.match(tip, /\$\(verified\) MCP: jira: approved for you until 2026\\-12\\-31/);
    assert.doesNotMatch(statusTooltip({ items: [{ ...items[0], exceptions: undefined }], policy: p, exposed: 0 }), /approved for you/);
  });

  it('warns 14 days before the end, once per exception and end date', () => {
    const items = [
      { name: 'MCP: jira', exceptions: exceptionNotes([jira]) },
      { name: 'GitHub Copilot', exceptions: exceptionNotes([pii]) },
      { name: 'GitHub Copilot Chat', exceptions: exceptionNotes([jira]) },
    ];
    assert.deepEqual(expiryWarningsDue(items, [], new Date('2026-12-17T23:59:59Z')), [], 'more than 14 days left');
    const due = expiryWarningsDue(items, [], new Date('2026-12-18T00:00:00Z'));
    assert.deepEqual(due.map((w) => [w.note.id, w.names, w.daysLeft]), [['exc-req-1', ['MCP: jira', 'GitHub Copilot Chat'], 14]]);
    assert.deepEqual(expiryWarningsDue(items, [warningKey(jira)], new Date('2026-12-30T00:00:00Z')), [], 'not again once warned');
    assert.equal(expiryWarningsDue(items, [warningKey(jira)], new Date('2026-12-30T00:00:00Z')).length, 0);
    const renewed = [{ name: 'MCP: jira', exceptions: exceptionNotes([{ ...jira, until: '2027-01-10' }]) }];
    assert.equal(expiryWarningsDue(renewed, [warningKey(jira)], new Date('2026-12-30T00:00:00Z')).length, 1, 'a renewal ending later is announced again');
    assert.deepEqual(expiryWarningsDue(items, [], new Date('2027-01-01T00:00:00Z')).map((w) => w.note.id), [], 'nothing once it ended');
  });
});
