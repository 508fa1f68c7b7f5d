import * as assert from 'node:assert/strict';
import { statusSummary, statusTooltip } from '../../../src/editor/tools/statusText';
import { trailerValue, withTrailer } from '../../../src/editor/tools/trailer';
import { testPolicy } from './testPolicy';

const tool = (name: string, status: string, enabled = true, owner?: string) => ({ name, status, enabled, owner });

describe('tools: status bar text', () => {
  const policy = testPolicy();
  it('says the state in a few characters', () => {
    assert.equal(statusSummary({ items: [], policy: undefined, exposed: 0 }).text, '$(circle-slash) AI: no policy');
    assert.equal(statusSummary({ items: [tool('A', 'approved')], policy, exposed: 0 }).text, '$(shield) AI: all approved');
    assert.equal(statusSummary({ items: [tool('A', 'approved'), tool('B', 'unlisted'), tool('C', 'restricted'), tool('D', 'unlisted', false)], policy, exposed: 0 }).text, '$(warning) AI: 2 unapproved');
    assert.equal(statusSummary({ items: [tool('A', 'unlisted'), tool('B', 'prohibited')], policy, exposed: 0 }).text, '$(error) AI: prohibited');
    const feature = { ...tool('GitLens', 'unlisted'), kind: 'ai-feature' };
    assert.equal(statusSummary({ items: [tool('A', 'approved'), feature], policy, exposed: 0 }).text, '$(shield) AI: all approved', 'an AI feature is not an unapproved assistant');
    const banned = { ...tool('GitLens', 'prohibited'), kind: 'ai-feature' };
    assert.equal(statusSummary({ items: [tool('A', 'approved'), banned], policy, exposed: 0 }).text, '$(error) AI: prohibited', 'an AI feature the policy prohibits still counts');
    assert.equal(statusSummary({ items: [tool('A', 'approved')], policy, exposed: 1 }).text, '$(shield) AI: all approved $(eye) 1 exposed');
  });

  it('tooltip lists tools with status and owner, and marks an overdue review or expired policy', () => {
    const p = { ...policy, nextReview: '2026-01-01', expires: '2026-02-01' };
    const md = statusTooltip({ items: [tool('Copilot', 'approved', true, 'Dana <d@example.com>'), tool('Ollama', 'unlisted')], policy: p, exposed: 0, now: new Date('2026-03-01') });
    assert.match(md, /review overdue since 2026-01-01/);
    assert.match(md, /expired on 2026-02-01/);
    assert.match(md, /\| Ollama \| unlisted \| — \|\n\| Copilot \| approved \| Dana \\<d@example\\.com\\> \|/);
    assert.doesNotMatch(statusTooltip({ items: [], policy, exposed: 0, now: new Date('2026-12-01') }), /overdue|expired/);
  });
});

describe('tools: disclosure trailer', () => {
  it('adds the trailer once, after a blank line, joining an existing trailer block', () => {
    assert.equal(withTrailer('', 'Assisted-by', 'GitHub Copilot'), '\n\nAssisted-by: GitHub Copilot');
    assert.equal(withTrailer('Fix parser', 'Assisted-by', 'GitHub Copilot'), 'Fix parser\n\nAssisted-by: GitHub Copilot');
    const signed = 'Fix parser\n\nBody text.\n\nSigned-off-by: A <a@example.com>\n';
    assert.equal(withTrailer(signed, 'Assisted-by', 'X'), 'Fix parser\n\nBody text.\n\nSigned-off-by: A <a@example.com>\nAssisted-by: X');
    const once = withTrailer('Fix parser', 'Assisted-by', 'GitHub Copilot');
    assert.equal(withTrailer(once, 'Assisted-by', 'GitHub Copilot'), once);
    assert.equal(withTrailer(once, 'assisted-by', 'GitHub Copilot, VS Code Chat'), 'Fix parser\n\nassisted-by: GitHub Copilot, VS Code Chat');
  });
  it('fills the policy format', () => {
    assert.equal(trailerValue({ format: '{tools} (reviewed)' }, ['A', 'B']), 'A, B (reviewed)');
    assert.equal(trailerValue({}, ['A']), 'A');
  });
});
