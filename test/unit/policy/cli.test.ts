import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lineOf, repo, starterPath, strictPath, tempDir } from './helpers';

const cli = path.join(repo, 'dist', 'cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('ai-policy validate / sign / verify / keygen', function () {
  this.timeout(20_000);
  before(function () {
    if (!existsSync(cli)) throw new Error('dist/cli.js missing: run node esbuild.js first');
  });

  it('validates both samples (exit 0)', () => {
    const r = run('validate', starterPath, strictPath);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /starter\.aipolicy\.yaml: ok \(Example Corp, version 1\)/);
    assert.match(r.out, /strict\.aipolicy\.yaml: ok \(Northwind Bank, version 7\)/);
  });

  it('prints file:line:col for problems and exits 1 when any file is invalid', () => {
    const t = tempDir();
    try {
      const bad = path.join(t.dir, 'bad.aipolicy.yaml');
      const text = readFileSync(starterPath, 'utf8').replace('    status: approved\n', '    status: approved\n    colour: blue\n');
      writeFileSync(bad, text);
      const at = lineOf(text, 'colour');
      const r = run('validate', starterPath, bad);
      assert.equal(r.code, 1);
      assert.ok(r.out.includes(`${bad}:${at.line}:${at.col}: error: unknown key "colour" in /tools/0`), r.out);
      const warn = path.join(t.dir, 'warn.aipolicy.yaml');
      writeFileSync(warn, readFileSync(starterPath, 'utf8').replace('"**/*.dump"', '"/srv/*.dump"'));
      const w = run('validate', warn);
      assert.equal(w.code, 0, 'warnings alone are valid');
      assert.match(w.out, /warn\.aipolicy\.yaml:\d+:\d+: warning: glob "\/srv\/\*\.dump"/);
    } finally {
      t.done();
    }
  });

  it('refuses a missing file and a file larger than the extension accepts, without reading it', () => {
    const t = tempDir();
    try {
      const huge = path.join(t.dir, 'huge.aipolicy.yaml');
      writeFileSync(huge, readFileSync(starterPath, 'utf8') + `# ${'x'.repeat(1024 * 1024)}\n`);
      const r = run('validate', starterPath, huge, path.join(t.dir, 'missing.yaml'));
      assert.equal(r.code, 1);
      assert.match(r.err, /huge\.aipolicy\.yaml: error: \d+ bytes is more than the 1048576 bytes a policy may have/);
      assert.match(r.err, /missing\.yaml: error: cannot read: ENOENT/);
      assert.match(r.out, /starter\.aipolicy\.yaml: ok/, 'the other files are still checked');
    } finally {
      t.done();
    }
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run('validate').code, 2);
    assert.equal(run('validate', '--nope', 'x').code, 2);
    assert.equal(run('sign', 'x').code, 2);
    assert.equal(run('verify', 'x').code, 2);
  });

  it('generates keys, signs, verifies, and detects tampering and the wrong key', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'org.aipolicy.yaml');
      copyFileSync(strictPath, file);
      assert.equal(run('keygen', '--out', path.join(t.dir, 'k1')).code, 0);
      assert.equal(run('keygen', '--out', path.join(t.dir, 'k2')).code, 0);
      assert.equal(run('keygen', '--out', path.join(t.dir, 'k1')).code, 1, 'refuses to overwrite keys');
      const key = path.join(t.dir, 'k1', 'policy-signing.key');
      const pub = path.join(t.dir, 'k1', 'policy-signing.pub');
      assert.equal(run('verify', '--pubkey', pub, file).code, 1, 'unsigned');
      const s = run('sign', '--key', key, file);
      assert.equal(s.code, 0, s.err);
      assert.match(readFileSync(`${file}.sig`, 'utf8'), /^[A-Za-z0-9+/]{86}==\n$/);
      assert.equal(run('verify', '--pubkey', pub, file).code, 0);
      assert.equal(run('verify', '--pubkey', path.join(t.dir, 'k2', 'policy-signing.pub'), file).code, 1, 'wrong key');
      const swapped = run('sign', '--key', pub, file);
      assert.equal(swapped.code, 1);
      assert.equal(swapped.err, `ai-policy sign: ${pub} is a public key; sign needs the private key, e.g. ${key}\n`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('version: 7', 'version: 8'));
      const v = run('verify', '--pubkey', pub, file);
      assert.equal(v.code, 1);
      assert.match(v.err, /signature INVALID/);
    } finally {
      t.done();
    }
  });
});
