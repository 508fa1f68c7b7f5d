// Classification of real extensions' manifests (trimmed from their public repositories) and of the catalog.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog } from '../../../src/core/tools/catalog';
import { classifyExtension, classifyManifest } from '../../../src/core/tools/classify';
import { readManifest, toManifest } from '../../../src/core/tools/manifest';
import { MANIFESTS, testPolicy } from './testPolicy';

const load = (name: string) => toManifest(JSON.parse(fs.readFileSync(path.join(MANIFESTS, `${name}.json`), 'utf8')));

describe('tools: catalog', () => {
  it('holds every id the issue names, looked up case-insensitively', () => {
    const c = buildCatalog();
    const ids = ['GitHub.copilot', 'GitHub.copilot-chat', 'Continue.continue', 'Codeium.codeium', 'TabNine.tabnine-vscode', 'AmazonWebServices.amazon-q-vscode',
      'sourcegraph.cody-ai', 'saoudrizwan.claude-dev', 'RooVeterinaryInc.roo-cline', 'kilocode.kilo-code', 'Google.geminicodeassist', 'anthropic.claude-code',
      'openai.chatgpt', 'Blackboxapp.blackbox', 'Bito.Bito', 'DanielSanMedium.dscodegpt', 'rjmacarthy.twinny'];
    for (const id of ids) {
      assert.ok(c.get(id), id);
      assert.equal(c.get(id.toUpperCase())?.id, c.get(id.toLowerCase())?.id, id);
    }
    for (const e of c.entries) assert.ok(['assistant', 'agent', 'completion', 'chat'].includes(e.kind), `${e.id} kind ${e.kind}`);
    assert.equal(c.get('roovetinaryinc.roo-cline'), undefined);
  });

  it('is extended by the policy catalog, which wins for an id it repeats', () => {
    const c = buildCatalog({ catalog: [{ id: 'ACME.internal-helper', name: 'Acme Helper', kind: 'chat' }, { id: 'github.copilot', name: 'Copilot (licensed)' }] });
    assert.equal(c.get('acme.INTERNAL-helper')?.source, 'policy');
    assert.equal(c.get('github.copilot')?.name, 'Copilot (licensed)');
    assert.equal(c.get('github.copilot')?.kind, 'completion');
    assert.equal(buildCatalog().get('acme.internal-helper'), undefined);
  });
});

describe('tools: classification of real manifests', () => {
  const cases: [string, boolean, string, RegExp][] = [
    ['github.copilot-chat', true, 'chat', /catalog as GitHub Copilot Chat/],
    ['continue.continue', true, 'assistant', /catalog as Continue/],
    ['saoudrizwan.claude-dev', true, 'agent', /catalog as Cline/],
    ['warm3snow.vscode-ollama', true, 'chat', /"ollama"/],
    ['gnana997.ollama-dev-companion', true, 'chat', /category "AI" and "Chat"/],
    ['eamodio.gitlens', true, 'ai-feature', /MCP server definitions.*another purpose \(SCM Providers\)/],
    ['ms-mssql.mssql', true, 'ai-feature', /chat participant.*another purpose \(Programming Languages, Azure\)/],
    ['ms-python.python', true, 'ai-feature', /language model tools/],
    ['esbenp.prettier-vscode', false, 'none', /no AI category/],
    ['dbaeumer.vscode-eslint', false, 'none', /no AI category/],
  ];
  for (const [file, ai, kind, why] of cases) {
    it(`${file}: ${ai ? kind : 'not AI'}`, () => {
      const c = classifyManifest(load(file));
      assert.equal(c.ai, ai, c.reasons.join('; '));
      assert.equal(c.kind, kind, c.reasons.join('; '));
      assert.match(c.reasons.join('; '), why);
    });
  }

  it('an unlisted assistant gets status unlisted, a non-AI extension not-ai', () => {
    const policy = testPolicy();
    assert.equal(classifyExtension(load('warm3snow.vscode-ollama'), policy, {}).status, 'unlisted');
    assert.equal(classifyExtension(load('esbenp.prettier-vscode'), policy, {}).status, 'not-ai');
    assert.equal(classifyExtension(load('eamodio.gitlens'), policy, {}).status, 'unlisted');
  });

  it('statuses follow the policy: approved, prohibited, restricted by unmet conditions', () => {
    const policy = testPolicy();
    const chat = classifyExtension(load('github.copilot-chat'), policy, {});
    assert.equal(chat.status, 'approved');
    assert.equal(chat.owner, 'Dana Whitfield <dana.whitfield@example.com>');
    assert.deepEqual(chat.dataClasses, ['code', 'internal']);
    const codeium = classifyExtension(toManifest({ publisher: 'Codeium', name: 'codeium', version: '1.2.3' }), policy, {});
    assert.equal(codeium.status, 'prohibited');
    const cont = classifyExtension(load('continue.continue'), policy, {});
    assert.equal(cont.status, 'restricted');
    assert.match(cont.reasons.join(' '), /no workspace is known here/);
    const here = classifyExtension(load('continue.continue'), policy, { workspaceFolders: ['/src/oss-widgets'], repositories: ['git@github.com:example-corp/widgets.git'] });
    assert.equal(here.status, 'approved', here.reasons.join('; '));
  });

  it('a policy catalog entry makes an otherwise unremarkable extension an AI tool', () => {
    const m = toManifest({ publisher: 'acme', name: 'internal-helper', displayName: 'Helper', categories: ['Other'] });
    assert.equal(classifyManifest(m).ai, false);
    const c = classifyExtension(m, testPolicy(), {});
    assert.equal(c.ai, true);
    assert.equal(c.kind, 'chat');
    assert.equal(c.status, 'unlisted');
  });

  it('does not treat "AI" inside other words, or a lone chat keyword, as AI', () => {
    const m = toManifest({ publisher: 'x', name: 'maintain', displayName: 'Maintainer tools', description: 'Explains paint and rain', keywords: ['chat', 'slack'] });
    assert.equal(classifyManifest(m).ai, false);
  });

  it('this policy extension is never listed as an AI tool', () => {
    const own = toManifest(JSON.parse(fs.readFileSync(path.join(MANIFESTS, '../../../../package.json'), 'utf8')));
    assert.equal(classifyManifest(own).ai, false);
  });

  it('resolves %placeholders% from package.nls.json before classifying', async () => {
    const m = await readManifest(path.join(MANIFESTS, 'nls-example'));
    assert.equal(m.displayName, 'Localized Helper');
    const c = classifyManifest(m);
    assert.equal(c.ai, true);
    assert.match(c.reasons[0], /"large language model"/);
  });
});
