// Every built-in rule carries its own samples: a rule that misses one of its true samples, reports one of its false
// samples, or has no samples at all fails here (as gitleaks validates each rule when it generates its config).
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { builtinRules } from '../../../src/core/scan/rules';
import { samplesByRule } from './samples/rules';

const scanner = new Scanner();
const ids = (text: string, path = 'config/app.env.txt') => new Set(scanner.scanText(text, path).findings.map((f) => f.ruleId));

describe('each built-in rule against its own samples', () => {
  const rules = builtinRules('all');

  it('every rule has at least one true and one false sample', () => {
    const by = samplesByRule(0);
    assert.deepEqual(rules.map((r) => r.id).filter((id) => !by.get(id)?.length), []);
  });

  it('no sample names a rule that does not exist', () => {
    const known = new Set(rules.map((r) => r.id));
    assert.deepEqual([...samplesByRule(0).keys()].filter((id) => !known.has(id)), []);
  });

  for (const n of [0, 1]) {
    const by = samplesByRule(n);
    for (const rule of rules) {
      it(`${rule.id} #${n}: finds its true samples, not its false ones`, () => {
        for (const c of by.get(rule.id) ?? []) {
          assert.ok(ids(c.hit, c.path).has(rule.id), `${rule.id} missed its sample: ${c.hit.slice(0, 80)}`);
          assert.ok(!ids(c.miss, c.path).has(rule.id), `${rule.id} reported its false sample: ${c.miss.slice(0, 80)}`);
        }
      });
    }
  }
});
