// docs/rules.md is generated from the rule table and must not fall behind it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from '../../../src/core/scan/rules';
import { rulesMarkdown } from '../../../src/core/scan/rulesDoc';

describe('docs/rules.md', () => {
  const file = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules.md');

  it('is up to date with the rule table (regenerate: npm run docs:rules)', () => {
    assert.equal(fs.readFileSync(file, 'utf8'), rulesMarkdown());
  });

  it('has an anchor for every built-in rule', () => {
    const doc = rulesMarkdown();
    for (const r of builtinRules('all')) assert.ok(doc.includes(`<a id="${r.id}"></a>`), r.id);
  });
});
