// File reading (binary, size cap, invalid UTF-8), path rules and folder walking.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PathMatcher, Scanner, builtinPathRules, readForScan } from '../../../src/core/scan';
import { walkFiles } from '../../../src/core/scan/walk';
import { j } from './fixtures';

const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');

describe('file reading', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-files-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('skips binary files (NUL bytes)', async () => {
    const f = path.join(dir, 'blob.bin');
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(key)]));
    const r = await new Scanner().scanFile(f, 'blob.bin');
    assert.ok(r);
    assert.equal(r.skipped, 'binary');
    assert.equal(r.findings.length, 0);
  });
  it('scans only the first part of an oversized file and says so', async () => {
    const f = path.join(dir, 'big.txt');
    fs.writeFileSync(f, `k = "${key}"\n` + 'x'.repeat(5000) + `\nlate = "${key}"\n`);
    const r = await new Scanner().scanFile(f, 'big.txt', 1000);
    assert.ok(r);
    assert.equal(r.truncated, true);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].line, 1);
  });
  it('tolerates invalid UTF-8', async () => {
    const f = path.join(dir, 'bad.txt');
    fs.writeFileSync(f, Buffer.concat([Buffer.from('caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`\nk = "${key}"\n`)]));
    const read = await readForScan(f);
    assert.equal(read.kind, 'text');
    const r = await new Scanner().scanFile(f, 'bad.txt');
    assert.ok(r);
    assert.equal(r.findings[0]?.ruleId, 'aws-access-key-id');
    assert.equal(r.findings[0].line, 2);
  });
  it('scans a file in slices (as the editor does) with the same findings as a one-shot read, and can be cancelled', async () => {
    const f = path.join(dir, 'settings', '.env');
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, `A = "${key}"\n` + 'const x = 1;\n'.repeat(20_000) + `B = "${key}"\n`);
    const scanner = new Scanner();
    const once = scanner.scanFileSync(f, 'settings/.env');
    const stats = { slices: 0, longestMs: 0 };
    const sliced = await scanner.scanFile(f, 'settings/.env', undefined, { budgetMs: 0.01, stats });
    assert.ok(sliced);
    assert.ok(stats.slices > 1, 'yielded between slices');
    assert.deepEqual(sliced.findings.map((x) => [x.ruleId, x.line]), once.findings.map((x) => [x.ruleId, x.line]));
    assert.deepEqual(sliced.findings.map((x) => x.ruleId).sort(), ['aws-access-key-id', 'aws-access-key-id', 'path-dotenv']);
    assert.equal(await scanner.scanFile(f, 'settings/.env', undefined, { token: { isCancellationRequested: true } }), undefined);
  });
  it('walks folders respecting .gitignore and skipping .git and node_modules', async () => {
    const root = path.join(dir, 'ws');
    for (const d of ['src', '.git', 'node_modules/x', 'build']) fs.mkdirSync(path.join(root, d), { recursive: true });
    fs.writeFileSync(path.join(root, '.gitignore'), 'build/\n*.log\n');
    for (const f of ['src/a.ts', '.git/config', 'node_modules/x/i.js', 'build/out.js', 'app.log', 'keep.txt']) fs.writeFileSync(path.join(root, f), 'x');
    const seen: string[] = [];
    for await (const f of walkFiles(root)) seen.push(path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(seen.sort(), ['.gitignore', 'keep.txt', 'src/a.ts']);
  });
  it('honours the .gitignore files above a sub-folder up to the repository top', async () => {
    const walk = async (root: string) => {
      const seen: string[] = [];
      for await (const f of walkFiles(root)) seen.push(path.relative(root, f).split(path.sep).join('/'));
      return seen.sort();
    };
    const repo = path.join(dir, 'repo');
    for (const d of ['.git', 'app/src', 'app/gen']) fs.mkdirSync(path.join(repo, d), { recursive: true });
    fs.writeFileSync(path.join(repo, '.gitignore'), '*.log\ngen/\n');
    fs.writeFileSync(path.join(repo, 'app', '.gitignore'), 'local.txt\n');
    for (const f of ['app/src/a.ts', 'app/src/debug.log', 'app/src/local.txt', 'app/gen/out.ts']) fs.writeFileSync(path.join(repo, f), 'x');
    assert.deepEqual(await walk(path.join(repo, 'app', 'src')), ['a.ts']);
    assert.deepEqual(await walk(path.join(repo, 'app', 'gen')), ['out.ts'], 'a folder named explicitly is scanned');
    fs.rmSync(path.join(repo, '.git'), { recursive: true });
    assert.deepEqual(await walk(path.join(repo, 'app', 'src')), ['a.ts', 'debug.log', 'local.txt'], 'outside a repository only the folder\'s own');
  });
});

describe('path rules', () => {
  const m = new PathMatcher(builtinPathRules);
  const ids = (p: string) => m.match(p).map((f) => f.ruleId);
  it('flags sensitive file names', () => {
    for (const p of ['.env', 'app/.env.production', 'keys/server.pem', 'home/.ssh/id_rsa', 'home/.aws/credentials', '.npmrc', '.pypirc', '.netrc', 'home/.docker/config.json', 'infra/terraform.tfstate', 'infra/prod.tfvars', 'gcp-service-account.json', 'backup/db.sql.gz', 'exports/customer_list.csv', 'certs/client.p12']) {
      assert.ok(ids(p).length > 0, p);
    }
  });
  it('leaves templates and ordinary files alone', () => {
    for (const p of ['.env.example', '.env.sample', 'config/.env.template', 'src/env.ts', 'home/.ssh/id_rsa.pub', 'README.md']) assert.deepEqual(ids(p), [], p);
  });
});
