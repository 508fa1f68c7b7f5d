// docs/policy.md stays true: its complete examples validate, each section example fits into a policy, every
// section of the schema has an example, and the commands it shows exist.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import policySchema from '../../../schema/aipolicy.schema.json';
import { validatePolicyText } from '../../../src/core/policy';
import { NOW, repo, starterText } from './helpers';

const guide = readFileSync(path.join(repo, 'docs', 'policy.md'), 'utf8');
const yamlBlocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
const complete = yamlBlocks.filter((b) => b.startsWith('apiVersion:'));
const fragments = yamlBlocks.filter((b) => !b.startsWith('apiVersion:'));

describe('the policy authoring guide', () => {
  it('has a ten-line-or-so minimal policy that validates without a problem', () => {
    assert.equal(complete.length, 2, 'the minimal policy and the identity example');
    const minimal = complete[0];
    assert.ok(minimal.trim().split('\n').length <= 12, minimal);
    assert.deepEqual(validatePolicyText(minimal, { now: NOW }).problems, []);
  });

  it('every section example fits into the starter policy and validates', () => {
    const starter = parse(starterText()) as Record<string, unknown>;
    for (const block of [...fragments, complete[1]]) {
      const merged = stringify({ ...starter, ...(parse(block) as Record<string, unknown>) });
      const r = validatePolicyText(merged, { now: NOW });
      assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), [], block);
      assert.ok(r.policy, block);
    }
  });

  it('shows every top-level section of the schema', () => {
    const shown = new Set(yamlBlocks.flatMap((b) => Object.keys(parse(b) as object)));
    const missing = Object.keys(policySchema.properties).filter((k) => k !== '$schema' && !shown.has(k));
    assert.deepEqual(missing, []);
  });

  it('names only commands the CLI has', () => {
    const main = readFileSync(path.join(repo, 'src', 'cli', 'main.ts'), 'utf8');
    const used = new Set([...guide.matchAll(/ai-policy (\w+)/g)].map((m) => m[1]));
    for (const command of used) assert.match(main, new RegExp(`^  ${command} `, 'm'), `ai-policy ${command}`);
  });
});
