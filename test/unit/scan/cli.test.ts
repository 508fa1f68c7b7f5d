// The scan command as a process: exit codes and output formats, on temporary folders.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { j } from './fixtures';

const cli = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, 'scan', ...args], { cwd, encoding: 'utf8' });

describe('ai-policy scan (process)', () => {
  let dir: string;
  const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-cli-'));
    fs.mkdirSync(path.join(dir, 'clean'));
    fs.writeFileSync(path.join(dir, 'clean', 'a.ts'), 'export const a = 1;\n');
    fs.mkdirSync(path.join(dir, 'dirty'));
    fs.writeFileSync(path.join(dir, 'dirty', 'b.py'), `x = 1\nkey = "${key}"\n`);
    fs.writeFileSync(path.join(dir, 'dirty', '.gitignore'), 'ignored.txt\n');
    fs.writeFileSync(path.join(dir, 'dirty', 'ignored.txt'), `k = "${key}"\n`);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: aipolicy/v1\n  bad: [\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 when nothing is found', () => {
    const r = run(['clean'], dir);
    assert.equal(r.status, 0, r.stderr);
  });
  it('exits 1 with path:line:col lines, masked, respecting .gitignore', () => {
    const r = run(['dirty'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^dirty\/b\.py:2:8: aws-access-key-id \(secret\) AKIA\*{4}…M2$/m);
    assert.ok(!r.stdout.includes('ignored.txt'));
    assert.ok(!r.stdout.includes(key));
  });
  it('says how many files were skipped as binary, and still checks their names', () => {
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'store.p12'), Buffer.from([0, 1, 2, 3]));
    fs.writeFileSync(path.join(dir, 'bin', 'blob.dat'), Buffer.concat([Buffer.from([0]), Buffer.from(key)]));
    const r = run(['bin'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^bin\/store\.p12:1:1: path-private-key \(secret\) sensitive file name$/m);
    assert.match(r.stdout, /^1 finding in 2 files, 2 binary skipped \(file names checked only\)$/m);
  });
  it('stops quietly with its result when the reader closes the pipe early', () => {
    fs.mkdirSync(path.join(dir, 'many'));
    fs.writeFileSync(path.join(dir, 'many', 'keys.py'), `k = "${key}"\n`.repeat(5000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" scan many | head -n 1`], { cwd: dir, encoding: 'utf8' });
    assert.match(r.stdout, /^many\/keys\.py:1:6: aws-access-key-id/);
    assert.equal(r.stderr, '', 'no EPIPE trace');
  });
  it('json and sarif formats', () => {
    const jr = JSON.parse(run(['--format', 'json', 'dirty'], dir).stdout);
    assert.equal(jr.findings[0].ruleId, 'aws-access-key-id');
    const sr = JSON.parse(run(['--format', 'sarif', 'dirty'], dir).stdout);
    assert.equal(sr.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'dirty/b.py');
  });
  it('exits 2 on an unreadable path or a broken policy, with a location', () => {
    const r = run(['missing'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing: error: cannot read/);
    const p = run(['--policy', 'broken.yaml', 'clean'], dir);
    assert.equal(p.status, 2);
    assert.match(p.stderr, /broken\.yaml:\d+:\d+: error/);
  });
});
