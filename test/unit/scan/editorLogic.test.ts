// Pure parts of the editor layer: which tools are not cleared, and the allow comment per language.
import * as assert from 'node:assert/strict';
import { exposureOf, toolsNotCleared } from '../../../src/editor/exposure/clearance';
import { allowComment } from '../../../src/editor/exposure/commentSyntax';
import type { InventoryItem } from '../../../src/editor/services';

const tool = (name: string, dataClasses: string[]): InventoryItem => ({
  id: name.toLowerCase(), name, kind: 'extension', status: 'approved', enabled: true, active: true, dataClasses, reasons: [], conditions: [], source: 'extension',
});

describe('exposure logic', () => {
  const active = [tool('Cleared', ['code', 'secret', 'pii']), tool('Coder', ['code'])];
  it('names the active tools not cleared for a class', () => {
    assert.deepEqual(toolsNotCleared(active, 'secret'), ['Coder']);
    assert.deepEqual(toolsNotCleared(active, 'code'), []);
  });
  it('an exposure lists classes, rules and tools; none when every tool is cleared', () => {
    const findings = [{ dataClass: 'secret', ruleId: 'aws-access-key-id' }, { dataClass: 'code', ruleId: 'x' }];
    assert.deepEqual(exposureOf(findings, active), { classes: ['secret'], rules: ['aws-access-key-id'], tools: ['Coder'], toolIds: [active[1].id] });
    assert.equal(exposureOf(findings, [active[0]]), undefined);
    assert.equal(exposureOf([], active), undefined);
  });
  it('allow comments follow the language', () => {
    assert.equal(allowComment('typescript', 'jwt'), ' // ai-policy:allow jwt');
    assert.equal(allowComment('python', 'jwt'), ' # ai-policy:allow jwt');
    assert.equal(allowComment('plaintext', 'jwt', '/w/.env'), ' # ai-policy:allow jwt');
    assert.equal(allowComment('html', 'jwt'), ' <!-- ai-policy:allow jwt -->');
    assert.equal(allowComment('sql', 'jwt'), ' -- ai-policy:allow jwt');
    assert.equal(allowComment('json', 'jwt'), undefined);
  });
});
