import * as assert from 'node:assert/strict';
import { acknowledgementState, diffPolicies, reviewState, sha256, trainingStates, validatePolicyText } from '../../../src/core/policy';
import { NOW, replaceOnce, starterText, strictText } from './helpers';

const parse = (t: string) => validatePolicyText(t, { now: NOW }).policy!;

describe('policy diff', () => {
  it('lists tool, data, disclosure and training changes', () => {
    const before = parse(starterText());
    let t = replaceOnce(starterText(), 'version: 1\n', 'version: 2\n');
    t = replaceOnce(t, '    dataClasses: [code]\n', '    dataClasses: [code, internal]\n');
    t = replaceOnce(t, 'trailer: Assisted-by', 'trailer: AI-assisted');
    t = replaceOnce(t, '    renewalDays: 365\n', '    renewalDays: 180\n');
    t = replaceOnce(t, '  - id: vscode-chat\n    name: VS Code built-in chat\n    identifiers: [vscode.chat]\n    status: approved', '  - id: vscode-chat\n    name: VS Code built-in chat\n    identifiers: [vscode.chat]\n    status: restricted');
    const items = diffPolicies(before, parse(t));
    assert.deepEqual(items, [
      'Version 1 → 2.',
      'VS Code built-in chat: status approved → restricted.',
      'VS Code built-in chat: now cleared for internal.',
      'Disclosure changed: required, trailer "AI-assisted:".',
      'Changed training "EU AI Act Article 4 AI literacy awareness".',
    ]);
  });

  it('lists added and removed tools and MCP servers', () => {
    const items = diffPolicies(parse(starterText()), parse(strictText()));
    assert.ok(items.includes('New tool: QuickCode AI (prohibited).'));
    assert.ok(items.includes('Added MCP server "github" (approved).'));
    assert.ok(items.includes('Autonomous agent mode: (none) → restricted.'));
    assert.deepEqual(diffPolicies(parse(starterText()), parse(starterText())), []);
  });
});

describe('policy status', () => {
  const p = parse(starterText());
  const hash = sha256(starterText());

  it('marks review overdue and expiry', () => {
    assert.deepEqual(reviewState(p, NOW), { reviewOverdue: false, expired: false, nextReview: '2027-11-25', expires: '2028-01-31', daysUntilReview: 365 });
    const late = reviewState(p, new Date('2028-03-01T00:00:00Z'));
    assert.equal(late.reviewOverdue, true);
    assert.equal(late.expired, true);
    assert.ok(late.daysUntilReview < 0);
  });

  it('computes the acknowledgement deadline from first sight', () => {
    const seen = '2026-11-25T09:00:00.000Z';
    const open = acknowledgementState(p, hash, undefined, seen, NOW);
    assert.equal(open.dueAt, '2026-12-09T09:00:00.000Z');
    assert.equal(open.overdue, false);
    assert.equal(open.daysLeft, 13);
    assert.equal(acknowledgementState(p, hash, undefined, seen, new Date('2026-12-10T00:00:00Z')).overdue, true);
    const done = acknowledgementState(p, hash, { version: 1, hash, at: seen }, seen, new Date('2027-01-10T00:00:00Z'));
    assert.deepEqual([done.acknowledged, done.overdue], [true, false]);
    assert.equal(acknowledgementState(p, hash, { version: 1, hash: 'other', at: seen }, seen, NOW).acknowledged, false, 'different content needs a new acknowledgement');
  });

  it('computes training due, overdue and renewal', () => {
    const seen = { 'ai-literacy': '2026-11-25T00:00:00.000Z' };
    assert.deepEqual(trainingStates(p, [], seen, NOW).map((t) => [t.state, t.dueDate]), [['due', '2026-12-25']]);
    assert.equal(trainingStates(p, [], seen, new Date('2026-12-26T00:00:00Z'))[0].state, 'overdue');
    const records = [{ training: 'ai-literacy', completedAt: '2026-12-01T00:00:00.000Z' }];
    const done = trainingStates(p, records, seen, new Date('2027-06-01T00:00:00Z'))[0];
    assert.deepEqual([done.state, done.dueDate], ['complete', '2027-12-01']);
    assert.equal(trainingStates(p, records, seen, new Date('2027-12-02T00:00:00Z'))[0].state, 'overdue', 'renewal lapsed');
    assert.equal(trainingStates(p, [{ training: 'other', completedAt: '2026-12-01T00:00:00.000Z' }], seen, NOW)[0].state, 'due');
  });
});
