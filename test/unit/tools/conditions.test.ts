import * as assert from 'node:assert/strict';
import { evaluateConditions, normalizeRemote } from '../../../src/core/tools/conditions';

describe('tools: conditions', () => {
  it('normalizes git remotes of every common form', () => {
    for (const u of ['git@github.com:acme/widgets.git', 'https://github.com/acme/widgets.git', 'https://user@github.com/acme/widgets', 'ssh://git@github.com/acme/widgets.git/']) {
      assert.equal(normalizeRemote(u), 'github.com/acme/widgets', u);
    }
    assert.equal(normalizeRemote('ssh://git@host.example:2222/team/repo.git'), 'host.example/team/repo');
  });

  it('expiry: lapses after the date, holds before', () => {
    const c = { expires: '2026-06-30' };
    assert.equal(evaluateConditions(c, { now: new Date('2026-06-01') }).met, true);
    const after = evaluateConditions(c, { now: new Date('2026-07-02') });
    assert.equal(after.met, false);
    assert.match(after.unmet[0], /expired on 2026-06-30/);
  });

  it('workspace globs match the folder path or its name; every open folder must match', () => {
    const c = { workspaces: ['oss-*', '/home/*/public/**'] };
    assert.equal(evaluateConditions(c, { workspaceFolders: ['/work/oss-lib'] }).met, true);
    assert.equal(evaluateConditions(c, { workspaceFolders: ['/home/ana/public/site'] }).met, true);
    assert.equal(evaluateConditions(c, { workspaceFolders: ['/work/oss-lib', '/work/payments'] }).met, false);
    assert.equal(evaluateConditions(c, {}).met, false);
  });

  it('repository globs match normalized remotes, and unknown remotes do not satisfy them', () => {
    const c = { repositories: ['github.com/acme/*'] };
    assert.equal(evaluateConditions(c, { repositories: ['git@github.com:acme/widgets.git'] }).met, true);
    assert.equal(evaluateConditions(c, { repositories: ['git@github.com:other/widgets.git'] }).met, false);
    assert.equal(evaluateConditions(c, { repositories: [] }).met, false);
    assert.equal(evaluateConditions({ repositories: ['https://github.com/acme/*.git'] }, { repositories: ['git@github.com:acme/x.git'] }).met, true);
  });

  it('no conditions always hold; a note is shown but never blocks', () => {
    assert.equal(evaluateConditions(undefined, {}).met, true);
    const r = evaluateConditions({ note: 'Use the company account.' }, {});
    assert.equal(r.met, true);
    assert.deepEqual(r.summary, ['Use the company account.']);
  });
});
