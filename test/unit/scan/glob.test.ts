// Path rules match with the engine that validates their globs (minimatch), including the cases where the
// hand-written matcher used before disagreed with it (`x/**/`).
import * as assert from 'node:assert/strict';
import { Minimatch, minimatch } from 'minimatch';
import { globMatcher, globPrecheck } from '../../../src/core/scan/glob';
import { builtinPathRules } from '../../../src/core/scan/paths';
import { builtinRules } from '../../../src/core/scan/rules';

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

// The pre-check that spares compiling a glob (globPrecheck) must never say "cannot match" where minimatch
// matches: every glob of the built-in rules, globs a policy writes, and globs made to trip it, against paths made
// from each glob's own pieces and bent (case, slashes, dots, look-alike Unicode, braces taken literally).
describe('path globs: the pre-check agrees with minimatch', () => {
  const builtin = [...builtinPathRules.flatMap((r) => [...r.globs, ...(r.except ?? [])]), ...builtinRules().flatMap((r) => r.paths ?? [])];
  const written = ['secrets/**', 'config/*.local.yaml', '**/*.secret.json', 'infra/**/terraform.tfvars', '**/customers-*.csv', 'data/exports/**/*.parquet', '*.kdbx', '.env*', '**/.env*', 'env.*', '**/*.{env,ini}', '**/prod.{yaml,yml}', '**/a{b}c', '**/x.{1..3}', '**/{a,b}/c.txt', '**/*.{,bak}', '**/***.pem', '**/.', '**/..', '**/.../x', '**/?.env', '**/.env\\*', '#comment', '!**/.env', '**/*.ENV', '**/Id_Rsa*', '**/ab-c_d.e', 'a//b/.env', './x/.env', '**/.env/', '**/*.{csv,jsonl}.gz', '**/test/fixtures/**', 'secrets/**', 'a/**/b/c/**', 'Docs/*/x/**', 'a/./b/**', 'a/../b/**', '**/fixtures/*.env', 'config/{dev,prod}/**', 'x/**/y/*.{pem,key}', '**/node_modules/**/.env'];
  const globs = [...new Set([...builtin, ...written])];
  const bend = (name: string): string[] => [
    name, name.toUpperCase(), name.toLowerCase(), `${name}/`, `${name}//`, `${name}x`, `x${name}`, name.slice(1), name.slice(0, -1),
    name.replace(/k/gi, '\u212a'), name.replace(/s/gi, '\u017f'), name.replace(/e/g, '\uff45'), name.replace(/\./g, '\u2024'), `${name}\u0301`,
  ];
  const samples = (glob: string): string[] => {
    const last = glob.slice(glob.lastIndexOf('/') + 1);
    const names = new Set<string>();
    for (const fill of ['', 'a', 'prod', '.hidden', 'x.y']) {
      for (const pick of [0, 1, -1]) {
        names.add(last.replace(/\{([^}]*)\}/g, (_m, alts: string) => { const a = alts.split(','); return a[(pick + a.length) % a.length]; }).replace(/\*+/g, fill));
        names.add(last.replace(/\*+/g, fill));
      }
    }
    const out: string[] = [];
    for (const n of names) for (const b of bend(n)) for (const dir of ['', 'app/', 'a/b/', '/abs/', './', 'a//', '../', 'x\\y/']) out.push(`${dir}${b}`);
    // The whole glob filled in: globstars as no, one or two portions, stars as text, each path bent as above.
    for (const deep of ['', 'x/', 'x/y/']) {
      const whole = glob.replace(/\*\*\//g, deep).replace(/\/\*\*$/, deep ? `/${deep}f` : '').replace(/\*/g, 'q').replace(/\{([^,}]*)[^}]*\}/g, '$1');
      for (const b of bend(whole)) out.push(b, `./${b}`, `/${b}`, `${b}/z`);
    }
    return out;
  };
  const everyday = ['', '.', '..', '/', 'src/a.ts', 'README.md', '.env', 'app/.env.local', 'k.pem', 'a/b/c', 'a\\.env', 'C:\\x\\.env'];
  for (const nocase of [true, false]) {
    it(`${globs.length} globs, nocase ${nocase}`, () => {
      let rejected = 0;
      let spared = 0;
      for (const glob of globs) {
        const final = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
        const mm = new Minimatch(final, { dot: true, nocase });
        const mine = globMatcher(glob, nocase);
        const could = globPrecheck(final, nocase);
        for (const p of [...samples(final), ...everyday]) {
          const want = mm.match(p);
          assert.equal(mine(p), want, `${glob} on ${JSON.stringify(p)} (nocase ${nocase})`);
          if (could && !could(p)) spared++;
          if (!want) rejected++;
        }
      }
      // The check must also do its job: a good share of the paths minimatch rejects (these samples are made to come close) are settled without it.
      assert.ok(spared > rejected / 3, `${spared} of ${rejected} rejected pairs settled by the pre-check`);
    });
  }

  // A scan checks one path against every glob in turn, and the pre-check keeps the last path's portions: the same
  // path met with and without case folding, and after another path, must give minimatch's answer each time.
  it('each path against every glob in turn, case folding alternating (the order a scan checks them in)', () => {
    const matchers = globs.flatMap((glob) => {
      const final = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
      return [true, false].map((nocase) => ({ glob, nocase, mine: globMatcher(glob, nocase), mm: new Minimatch(final, { dot: true, nocase }) }));
    });
    // Every 60th sample path (all of them against every glob would take minutes), with the everyday ones.
    const paths = [...new Set([...globs.flatMap(samples).filter((_p, i) => i % 60 === 0), ...everyday, 'PKG/Test/Fixtures/a.env', 'pkg/test/fixtures/a.env'])];
    let compared = 0;
    for (const p of paths) {
      for (const m of matchers) {
        assert.equal(m.mine(p), m.mm.match(p), `${m.glob} on ${JSON.stringify(p)} (nocase ${m.nocase})`);
        compared++;
      }
    }
    assert.equal(compared, paths.length * matchers.length);
    assert.ok(paths.length > 500, `${paths.length} paths`);
  });

  it('random globs of the plain shape against random paths (seeded)', () => {
    let seed = 0x9e3779b9;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)];
    const bits = ['.', 'e', 'E', 'nv', '-', '_', 'k', 'K', 's', 'S', '1', '*', '*', '{a,b}', '{env,ENV}', '{,x}', '.pem'];
    const pathBits = ['.', 'e', 'E', 'nv', 'env', '-', '_', 'k', '\u212a', 's', '\u017f', '1', 'a', 'b', 'x', '.pem', '/', '/', '//', '..', ' ', '\\', '\u00e9'];
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const last = Array.from({ length: 1 + rnd(4) }, () => pick(bits)).join('');
      const glob = pick(['', '**/', 'a/', 'a/**/', '**/a/', 'A/b/**/', '**/e/nv/']) + pick([last, last, '**']);
      const final = glob.includes('/') ? glob : `**/${glob}`;
      for (const nocase of [true, false]) {
        const mm = new Minimatch(final, { dot: true, nocase });
        const mine = globMatcher(glob, nocase);
        for (let j = 0; j < 40; j++) {
          const p = Array.from({ length: 1 + rnd(6) }, () => pick(pathBits)).join('').replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
          for (const q of [p, `${p.replace(/\*/g, '')}${last.replace(/\{([^,}]*)[^}]*\}/g, '$1').replace(/\*/g, 'x')}`]) {
            assert.equal(mine(q), mm.match(q), `${glob} on ${JSON.stringify(q)} (nocase ${nocase})`);
            compared++;
          }
        }
      }
    }
    assert.equal(compared, 400 * 2 * 40 * 2);
  });

  it('leaves globs it does not understand to minimatch', () => {
    for (const g of ['**/?.env', '**/[ab].env', '**/+(a|b).env', '**/a{b}c', '**/x.{1..3}', '!**/.env', '#x', '**/.env\\*', '{a,b/c}.env', '**/**', '**/..', 'a/../b/**', 'a/./b/**', '{a,b}/**']) {
      assert.equal(globPrecheck(g, true), undefined, g);
    }
    assert.ok(globPrecheck('**/*.{csv,xlsx}', true));
    const fixtures = globPrecheck('**/test/fixtures/**', true);
    assert.ok(fixtures);
    assert.equal(fixtures('src/.env'), false);
    assert.equal(fixtures('pkg/Test/Fixtures/a.env'), true);
  });
});
