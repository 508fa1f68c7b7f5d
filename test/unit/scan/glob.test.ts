// Path rules match with the engine that validates their globs (minimatch), including the cases where the
// hand-written matcher used before disagreed with it (`x/**/`).
import * as assert from 'node:assert/strict';
import { minimatch } from 'minimatch';
import { globMatcher } from '../../../src/core/scan/glob';

describe('path globs', () => {
  const globs = ['**/.env', '**/.env.*', '*.pem', '**/id_rsa*', '**/.aws/credentials', '**/*.{csv,xlsx}', '**/*customer*.{csv,json}', 'exports/**', 'src/*.ts', '**/[Nn]u[Gg]et.config', 'a/**/b/*.js', '**/+(foo|bar).txt', 'x/**/', 'x/**', '{a,b}/**/*.env', '!(*.md)'];
  const paths = ['.env', 'app/.env', 'app/.env.local', '.env.example', 'k.pem', 'x/k.pem', 'home/.ssh/id_rsa', 'home/.ssh/id_rsa.pub', 'home/.aws/credentials', 'a.csv', 'd/e/f.xlsx', 'data/customer_list.csv', 'exports/a/b.json', 'exports', 'src/a.ts', 'src/x/a.ts', 'NuGet.config', 'p/nuget.config', 'a/b/c.js', 'a/x/y/b/c.js', 'foo.txt', 'z/bar.txt', 'baz.txt', 'x', 'x/a', 'x/a/', 'x/a/b', 'a/p/.env', 'b/q.env', 'README.md'];
  for (const g of globs) {
    it(g, () => {
      const mine = globMatcher(g, true);
      const pattern = g.includes('/') ? g : `**/${g}`;
      for (const p of paths) assert.equal(mine(p), minimatch(p, pattern, { dot: true, nocase: true }), `${g} on ${p}`);
    });
  }

  it('a trailing `**/` matches folders below, as the validator reads it', () => {
    const m = globMatcher('x/**/');
    assert.equal(m('x/a'), minimatch('x/a', 'x/**/', { dot: true, nocase: true }));
    assert.equal(m('x/a/'), true);
  });
});
