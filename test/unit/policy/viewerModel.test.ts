import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { acceptPolicy, acknowledgementState, reviewState, trainingStates } from '../../../src/core/policy';
import { buildViewerModel } from '../../../src/editor/policy/viewerModel';
import { NOW, replaceOnce, repo, starterText, strictText } from './helpers';

const load = (text: string) => {
  const r = acceptPolicy({ data: text, source: 'https://p.example/org.aipolicy.yaml?token=abc' }, { now: NOW });
  assert.ok(r.ok);
  return r.loaded;
};

function model(text: string, acknowledged?: string, now = NOW) {
  const loaded = load(text);
  const ackRecord = acknowledged ? { version: load(acknowledged).policy.version, hash: load(acknowledged).hash, at: NOW.toISOString() } : undefined;
  return buildViewerModel({
    loaded,
    review: reviewState(loaded.policy, now),
    ack: acknowledgementState(loaded.policy, loaded.hash, ackRecord, NOW.toISOString(), now),
    ackRecord,
    acknowledgedText: acknowledged,
    trainings: trainingStates(loaded.policy, [], { 'ai-literacy': NOW.toISOString() }, now),
    problems: [],
  });
}

describe('policy viewer model', () => {
  it('summarises tools, data classes, MCP and disclosure', () => {
    const m = model(strictText());
    assert.equal(m.source, 'https://p.example/org.aipolicy.yaml', 'query strings are not shown');
    assert.deepEqual(m.tools.find((t) => t.name === 'Continue (self-hosted models)')?.conditions, [
      'Workspaces: **/sandbox/**, ml-experiments',
      'Approval expires 2027-12-31',
      'Only against the internal model gateway, in sandbox workspaces.',
    ]);
    assert.deepEqual(m.dataClasses.find((c) => c.id === 'pii')?.clearedFor, []);
    assert.deepEqual(m.dataClasses.find((c) => c.id === 'code')?.clearedFor, ['GitHub Copilot Enterprise', 'VS Code built-in chat', 'Continue (self-hosted models)']);
    assert.equal(m.mcp?.unlisted, 'prohibited');
    assert.equal(m.disclosure?.example, 'Assisted-by: GitHub Copilot Enterprise');
    assert.match(m.summaryHtml, /<strong>only<\/strong>/);
    assert.equal(m.changes, undefined, 'nothing acknowledged yet');
  });

  it('lists what changed since the acknowledged version', () => {
    const v2 = replaceOnce(replaceOnce(starterText(), 'version: 1\n', 'version: 2\n'), '    dataClasses: [code]\n', '    dataClasses: [code, internal]\n');
    const m = model(v2, starterText());
    assert.deepEqual(m.changes, { sinceVersion: 1, items: ['Version 1 → 2.', 'VS Code built-in chat: now cleared for internal.'] });
    assert.equal(m.acknowledgement.acknowledged, false);
    assert.equal(model(starterText(), starterText()).changes, undefined, 'same version: nothing to show');
  });

  it('marks an expired policy and an overdue review', () => {
    const m = model(starterText(), undefined, new Date('2028-02-02T00:00:00Z'));
    assert.equal(m.expired, true);
    assert.equal(m.reviewOverdue, true);
    assert.equal(m.trainings[0].state, 'overdue');
  });
});

describe('policy viewer reveal targets', () => {
  it('maps showPolicy arguments to element ids and ignores anything else', async () => {
    const { revealTarget } = await import('../../../src/editor/policy/viewerProtocol');
    assert.equal(revealTarget('tool:github-copilot'), 'tool-github-copilot');
    assert.equal(revealTarget('dataHandling'), 'data');
    assert.equal(revealTarget('tools'), 'tools');
    assert.equal(revealTarget('<img src=x>'), undefined);
    assert.equal(revealTarget({ section: 'tools' }), undefined);
    assert.equal(revealTarget('nonsense'), undefined);
  });
});

describe('sample policy texts and the viewer layout', () => {
  // The viewer shows the policy's own sections after the tools, data, MCP, disclosure and training
  // sections, while the YAML file lists them before the tools: a section cannot point "below" or "above".
  const viewer = readFileSync(path.join(repo, 'src', 'webview', 'viewer.ts'), 'utf8');
  const strings = readFileSync(path.join(repo, 'src', 'editor', 'policy', 'viewerStrings.ts'), 'utf8');

  it('the sections of both samples refer to other parts by their heading, not by position', () => {
    for (const text of [starterText(), strictText()]) {
      for (const s of model(text).sections) assert.doesNotMatch(s.html, /\b(below|above)\b/i, s.title);
    }
    const starter = model(starterText()).sections.map((s) => s.html).join('\n');
    assert.match(starter, /approved tools listed under &quot;AI tools&quot;/);
    assert.match(starter, /owner named for the tool under &quot;AI tools&quot;/);
  });

  it('"AI tools" is the heading the viewer gives the tools, shown before the policy sections', () => {
    assert.match(viewer, /section\('tools', s\.tools/);
    assert.match(strings, /tools: t\('AI tools'\)/);
    assert.ok(viewer.indexOf("section('tools'") < viewer.indexOf('...m.sections.map'), 'tools render before the sections');
  });
});
