// The scan command on awkward real file systems: unreadable folders, hostile file names, UTF-16, links, FIFOs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readForScan } from '../../../src/core/scan';
import { walkFiles } from '../../../src/core/scan/walk';
import { j } from './fixtures';
import { unprivilegedCli, type CliRunner } from './unprivilegedCli';

describe('scan robustness (real file system)', () => {
  // Permissions do not stop root: the CLI then runs as "nobody", for whom they do (from a readable copy).
  let cli: CliRunner;
  const run = (args: string[], cwd: string) => cli.run(['scan', ...args], cwd);
  let dir: string;
  const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');
  const leak = `key = "${key}"\n`;
  const mk = (rel: string, body: string | Buffer = 'x = 1\n') => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, body);
    return f;
  };
  before(() => {
    cli = unprivilegedCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-robust-'));
    fs.chmodSync(dir, 0o755);
  });
  after(() => {
    for (const d of ['locked/secret']) fs.chmodSync(path.join(dir, d), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
    cli.dispose();
  });

  it('reports an unreadable folder and goes on: exit 1 with findings elsewhere, 2 when nothing else is found', () => {
    mk('locked/a/clean.ts', 'export const a = 1;\n');
    mk('locked/secret/hidden.py', leak);
    mk('locked/z/leak.py', leak);
    fs.chmodSync(path.join(dir, 'locked', 'secret'), 0o000);
    const r = run(['locked'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^locked\/secret: error: cannot read: EACCES$/m);
    assert.match(r.stdout, /^locked\/z\/leak\.py:1:8: aws-access-key-id/m);
    assert.match(r.stdout, /^1 finding in 2 files$/m);
    fs.rmSync(path.join(dir, 'locked', 'z'), { recursive: true });
    const clean = run(['locked'], dir);
    assert.equal(clean.status, 2, 'an incomplete scan with nothing found is not a pass');
    assert.match(clean.stdout, /^0 findings in 1 file$/m);
  });

  it('escapes control characters in file names, so a name cannot forge a finding line', () => {
    const forged = 'evil\nlocked/z/leak.py:1:8: aws-access-key-id (secret) fake\x1b[2J.py';
    mk(path.join('names', forged), leak);
    const r = run(['names'], dir);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stdout);
    assert.equal(lines[0], 'names/evil\\nlocked/z/leak.py:1:8: aws-access-key-id (secret) fake\\x1b[2J.py:1:8: aws-access-key-id (secret) AKIA****…M2');
    assert.ok(!r.stdout.includes('\x1b'));
  });

  it('decodes and scans UTF-16 files with a byte-order mark (both byte orders)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(leak, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const fle = mk('wide/le.txt', le);
    mk('wide/be.txt', be);
    const read = await readForScan(fle);
    assert.equal(read.kind, 'text');
    assert.equal(read.kind === 'text' && read.text, leak);
    const r = run(['wide'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^wide\/be\.txt:1:8: aws-access-key-id/m);
    assert.match(r.stdout, /^wide\/le\.txt:1:8: aws-access-key-id/m);
    assert.ok(!r.stdout.includes('binary skipped'));
  });

  it('scans a linked file inside the root once, and does not follow links out of it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-outside-'));
    fs.chmodSync(outside, 0o755);
    try {
      fs.writeFileSync(path.join(outside, 'far.py'), leak);
      mk('links/real/target.py', leak);
      fs.symlinkSync(path.join('real', 'target.py'), path.join(dir, 'links', 'a-link.py'));
      fs.symlinkSync(path.join(dir, 'links', 'real', 'target.py'), path.join(dir, 'links', 'b-abs-link.py'));
      fs.symlinkSync(path.join(outside, 'far.py'), path.join(dir, 'links', 'out.py'));
      fs.symlinkSync(path.join(dir, 'links', 'nowhere.py'), path.join(dir, 'links', 'dangling.py'));
      fs.symlinkSync(path.join(dir, 'links'), path.join(dir, 'links', 'loop'));
      const seen: string[] = [];
      for await (const f of walkFiles(path.join(dir, 'links'))) seen.push(path.relative(dir, f).split(path.sep).join('/'));
      assert.deepEqual(seen, ['links/a-link.py']);
      const r = run(['links'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^1 finding in 1 file$/m);
      assert.ok(!r.stdout.includes('out.py'));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('says what a FIFO named explicitly is, and never blocks on one inside a folder', () => {
    mk('pipes/code.py', leak);
    const fifo = path.join(dir, 'pipes', 'queue');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const named = run(['pipes/queue'], dir);
    assert.equal(named.status, 2, named.stderr);
    assert.match(named.stderr, /^pipes\/queue: error: a FIFO \(named pipe\), not a file or folder: not scanned$/m);
    const walked = run(['pipes'], dir);
    assert.equal(walked.error, undefined, 'finished without blocking');
    assert.equal(walked.status, 1, walked.stderr);
    assert.match(walked.stdout, /^1 finding in 1 file$/m);
    const dev = run(['/dev/null'], dir);
    assert.equal(dev.status, 2);
    assert.match(dev.stderr, /^\/dev\/null: error: a character device, not a file or folder: not scanned$/m);
  });
});
