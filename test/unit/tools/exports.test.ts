// Each export target's syntax, parsed back by the format's own rules.
import * as assert from 'node:assert/strict';
import ignore from 'ignore';
import { parse } from 'yaml';
import { toGitignore } from '../../../src/core/export/globs';
import { IGNORE_TARGETS, ignoreTargetsInUse } from '../../../src/core/export/ignoreFiles';
import { sensitivePathsInForce } from '../../../src/core/export/sensitivePaths';
import { builtinPathRules } from '../../../src/core/scan/paths';
import { EXPORT_TARGETS, exportTarget } from '../../../src/core/export/targets';
import { testPolicy } from './testPolicy';

describe('tools: exports', () => {
  const policy = testPolicy();

  it('offers every target the issue names', () => {
    for (const t of ['vscode-allowed-extensions', 'copilot-content-exclusion', 'claude-settings', 'cursorignore', 'aiexclude', 'aiignore', 'codeiumignore', 'continueignore', 'clineignore', 'rooignore', 'aiderignore']) {
      assert.ok(EXPORT_TARGETS.includes(t), t);
    }
    assert.throws(() => exportTarget('nope', policy), /unknown target "nope"/);
  });

  it('ignore files in use: enabled catalogued tools that read one, and the editor itself', () => {
    const tools = [
      { id: 'continue.continue', enabled: true },
      { id: 'saoudrizwan.claude-dev', enabled: false },
      { id: 'fake.unknown', enabled: true },
    ];
    assert.deepEqual(ignoreTargetsInUse(tools, policy, 'Visual Studio Code'), ['continueignore']);
    assert.deepEqual(ignoreTargetsInUse(tools, policy, 'Cursor').sort(), ['continueignore', 'cursorignore']);
    assert.deepEqual(ignoreTargetsInUse([], undefined, 'Code - OSS'), []);
  });

  it('vscode-allowed-extensions: a JSON object of publisher.name → true | false | versions', () => {
    const v = JSON.parse(exportTarget('vscode-allowed-extensions', policy)) as Record<string, unknown>;
    assert.equal(v['*'], true);
    assert.equal(v['github.copilot'], true);
    assert.equal(v['github.copilot-chat'], true);
    assert.equal(v['codeium.codeium'], false);
    assert.equal(v['continue.continue'], true, 'restricted tools stay installable; conditions are checked per workspace');
    assert.equal(v['vscode.chat'], undefined, 'built-in chat is not an extension');
    for (const [k, val] of Object.entries(v)) {
      assert.match(k, /^(\*|[a-z0-9-]+(\.[a-z0-9-]+)?)$/);
      assert.ok(typeof val === 'boolean' || val === 'stable' || (Array.isArray(val) && val.every((x) => typeof x === 'string')), k);
    }
    const blocking = JSON.parse(exportTarget('vscode-allowed-extensions', policy, { blockUnlisted: true }));
    assert.equal(blocking['saoudrizwan.claude-dev'], false);
    assert.equal(blocking['acme.internal-helper'], false);
    assert.equal(blocking['github.copilot'], true);
    const versioned = testPolicy();
    (versioned.tools[0] as unknown as { versions: string[] }).versions = ['1.250.0'];
    assert.deepEqual(JSON.parse(exportTarget('vscode-allowed-extensions', versioned))['github.copilot'], ['1.250.0']);
  });

  it('copilot-content-exclusion: a YAML list of path strings', () => {
    const list = parse(exportTarget('copilot-content-exclusion', policy)) as unknown;
    assert.ok(Array.isArray(list) && list.length > 5);
    for (const p of list as unknown[]) {
      assert.equal(typeof p, 'string');
      assert.ok(!(p as string).startsWith('!'), 'no negation');
    }
    assert.ok((list as string[]).includes('.env'));
    assert.ok((list as string[]).includes('**/exports/**'), 'the policy rule paths are included');
    assert.ok((list as string[]).includes('customers*.csv'));
  });

  it('claude-settings: permissions.deny with Read(./path) and Read(~/path) rules for files that are secrets by name', () => {
    const s = JSON.parse(exportTarget('claude-settings', policy)) as { permissions: { deny: string[] } };
    assert.deepEqual(Object.keys(s), ['permissions']);
    for (const r of s.permissions.deny) assert.match(r, /^Read\((\.|~)\/[^()\s]+\)$/);
    for (const r of ['Read(./.env)', 'Read(./**/.env)', 'Read(./.env.production)', 'Read(./**/.env.local)', 'Read(./**/id_rsa)', 'Read(./**/.aws/credentials)', 'Read(~/.aws/credentials)', 'Read(~/.ssh/id_ed25519)']) {
      assert.ok(s.permissions.deny.includes(r), r);
    }
    // Data files are judged by content in the hook, not refused by name: no broad data globs, no policy data paths.
    for (const r of ['Read(./**/*.db)', 'Read(./**/*.sqlite)', 'Read(./**/*.bak)', 'Read(./**/*.vcf)', 'Read(./**/exports/**)', 'Read(./.env.*)', 'Read(./**/id_rsa*)']) {
      assert.ok(!s.permissions.deny.includes(r), r);
    }
    assert.equal(new Set(s.permissions.deny).size, s.permissions.deny.length, 'no duplicates');
  });

  for (const target of Object.keys(IGNORE_TARGETS)) {
    it(`${target}: gitignore syntax that ignores secrets and keeps ordinary files`, () => {
      const text = exportTarget(target, policy);
      const ig = ignore().add(text);
      for (const f of ['.env', 'config/.env', '.env.local', 'deploy/prod.pem', 'home/.ssh/id_rsa', 'data/exports/2026.csv', 'db/backup.dump', 'terraform.tfstate', 'crm/customers-2026.csv', 'keys/sa/service-account-prod.json']) {
        assert.equal(ig.ignores(f), true, `${target} should ignore ${f}`);
      }
      for (const f of ['README.md', 'src/index.ts', 'package.json', 'environment.ts']) assert.equal(ig.ignores(f), false, `${target} should keep ${f}`);
      const patterns = text.split('\n').filter((l) => l && !l.startsWith('#'));
      assert.ok(patterns.length > 10);
      if (target === 'aiexclude') {
        assert.ok(!patterns.some((l) => l.startsWith('!')), 'aiexclude has no negation');
      } else {
        assert.equal(ig.ignores('.env.example'), false, 'templates are re-included where negation exists');
        assert.equal(ig.ignores('home/.ssh/id_rsa.pub'), false, 'public keys are re-included');
      }
    });
  }

  it('never writes an empty .aiexclude, which would exclude everything', () => {
    const none = testPolicy();
    none.dataHandling.builtinDetectors = 'none';
    none.dataHandling.rules = [];
    const text = exportTarget('aiexclude', none);
    assert.ok(text.split('\n').some((l) => l && !l.startsWith('#')));
    assert.equal(ignore().add(text).ignores('src/index.ts'), false);
  });

  it('converts minimatch globs (braces, anchoring) to gitignore lines', () => {
    assert.deepEqual(toGitignore('**/*.{pem,key}'), ['*.pem', '*.key']);
    assert.deepEqual(toGitignore('config/secrets.yml'), ['/config/secrets.yml']);
    assert.deepEqual(toGitignore('./secrets/**'), ['/secrets/**']);
    assert.deepEqual(toGitignore('**/a/b.txt'), ['**/a/b.txt']);
  });

  it('the built-in paths are the scanner\'s list', () => {
    const { paths } = sensitivePathsInForce(testPolicy());
    for (const r of builtinPathRules) assert.ok(paths.some((p) => p.rule === `builtin.${r.id}`), r.id);
  });

  it('the rules in force honour builtinDetectors and rules switched off by the allowlist', () => {
    const p = testPolicy();
    p.dataHandling.allowlist = { rules: ['env-files'], paths: ['**/fixtures/**'] };
    p.dataHandling.builtinDetectors = 'none';
    const { paths, exceptions } = sensitivePathsInForce(p);
    assert.ok(!paths.some((x) => x.rule.startsWith('builtin.')));
    assert.ok(!paths.some((x) => x.rule === 'env-files'));
    assert.ok(paths.some((x) => x.rule === 'customer-exports'));
    assert.ok(exceptions.includes('**/fixtures/**'));
  });
});
