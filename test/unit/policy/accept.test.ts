import * as assert from 'node:assert/strict';
import { acceptPolicy, sha256, type LoadedPolicy } from '../../../src/core/policy';
import { NOW, replaceOnce, starterText } from './helpers';

function loadedOf(text: string, source = 'src'): LoadedPolicy {
  const r = acceptPolicy({ data: text, source }, { now: NOW });
  assert.ok(r.ok);
  return r.loaded;
}

describe('policy acceptance', () => {
  const v1 = starterText();
  const v2 = replaceOnce(v1, 'version: 1\n', 'version: 2\n');

  it('accepts a valid policy with hash, text and time', () => {
    const l = loadedOf(v1);
    assert.equal(l.hash, sha256(v1));
    assert.equal(l.text, v1);
    assert.equal(l.policy.version, 1);
    assert.equal(l.loadedAt, NOW.toISOString());
    assert.equal(l.expired, false);
  });

  it('refuses a rollback to a lower version from the same source', () => {
    const r = acceptPolicy({ data: v1, source: 'src' }, { current: loadedOf(v2), now: NOW });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.problems[0].code, 'rollback');
      assert.match(r.problems[0].message, /version 1 is older than version 2/);
    }
    assert.ok(acceptPolicy({ data: v2, source: 'src' }, { current: loadedOf(v1), now: NOW }).ok, 'upgrade accepted');
    assert.ok(acceptPolicy({ data: v1, source: 'other' }, { current: loadedOf(v2), now: NOW }).ok, 'another source is not a rollback');
  });

  it('warns when the content changes without a new version', () => {
    const same = replaceOnce(v1, 'organization: Example Corp', 'organization: Example Corporation');
    const r = acceptPolicy({ data: same, source: 'src' }, { current: loadedOf(v1), now: NOW });
    assert.ok(r.ok);
    if (r.ok) assert.ok(r.loaded.warnings?.some((w) => w.code === 'same-version'));
  });

  it('accepts but flags an expired policy, and flags an overdue review', () => {
    const r = acceptPolicy({ data: v1, source: 'src' }, { now: new Date('2028-02-02T00:00:00Z') });
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.loaded.expired, true);
      assert.equal(r.loaded.reviewOverdue, true);
      assert.ok(r.loaded.warnings?.some((w) => w.code === 'expired'));
    }
  });

  it('refuses malformed or invalid policies with located problems', () => {
    const r = acceptPolicy({ data: replaceOnce(v1, 'status: approved', 'status: maybe'), source: 'https://p.example/policy.yaml' }, { now: NOW });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.problems[0].file, 'https://p.example/policy.yaml');
      assert.ok(r.problems[0].line! > 1);
    }
  });
});
