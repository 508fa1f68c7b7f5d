import * as assert from 'node:assert/strict';
import { agentOf, toolsOf } from '../../../src/core/disclosure/agents';
import { readPrSection } from '../../../src/core/disclosure/prBody';

describe('pull request disclosure section', () => {
  it('finds the heading at any level and stops at the next heading of the same level', () => {
    const body = '# Title\n\n### AI assistance\n\n- [x] AI tools were used: Cursor\n\n#### Details\n\nWith Claude Code too.\n\n### Testing\n\n- [x] No AI tool was used\n';
    assert.deepEqual(readPrSection(body, 'AI assistance'), { found: true, answer: 'used', tools: ['claude', 'cursor'] });
  });

  it('ignores the template hints in HTML comments and unticked items', () => {
    const body = '## AI assistance\n\n<!-- e.g. GitHub Copilot -->\n\n- [ ] No AI tool was used.\n- [ ] AI tools were used: <!-- e.g. GitHub Copilot -->\n';
    assert.deepEqual(readPrSection(body, 'ai assistance'), { found: true, answer: 'unticked', tools: [] });
  });

  it('tells none, both and a missing section apart', () => {
    assert.equal(readPrSection('## AI assistance\n\n- [X] None\n- [ ] Used: Copilot\n', 'AI assistance').answer, 'none');
    assert.equal(readPrSection('## AI assistance\n\n- [x] No AI tool was used\n- [x] AI tools were used: Copilot\n', 'AI assistance').answer, 'both');
    assert.equal(readPrSection('## Summary\n\nAI assistance: none\n', 'AI assistance').found, false);
  });

  it('takes a section without boxes that names tools as used', () => {
    assert.deepEqual(readPrSection('## AI assistance\n\nGitHub Copilot wrote the tests.\n', 'AI assistance'), { found: true, answer: 'used', tools: ['copilot'] });
  });
});

describe('AI agents in trailers', () => {
  it('knows the agents by their co-author lines, and people by theirs', () => {
    assert.equal(agentOf('Claude <noreply@anthropic.com>')?.id, 'claude');
    assert.equal(agentOf('Copilot <175728472+Copilot@users.noreply.github.com>')?.id, 'copilot');
    assert.equal(agentOf('Cursor Agent <cursoragent@cursor.com>')?.id, 'cursor');
    assert.equal(agentOf('aider (gpt-4o) <noreply@aider.chat>')?.id, 'aider');
    assert.equal(agentOf('google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>')?.id, 'jules');
    assert.equal(agentOf('Devin Smith <devin.smith@example.com>'), undefined);
    assert.equal(agentOf('Jules Verne <jules@example.com>'), undefined);
  });

  it('splits an Assisted-by value into tool ids', () => {
    assert.deepEqual(toolsOf('GitHub Copilot, Claude Code and Acme AI'), ['copilot', 'claude', 'acme-ai']);
  });
});
