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
    assert.equal(r.skipped, 'binary');
    assert.equal(r.findings.length, 0);
  });
  it('scans only the first part of an oversized file and says so', async () => {
    const f = path.join(dir, 'big.txt');
    fs.writeFileSync(f, `k = "${key}"\n` + 'x'.repeat(5000) + `\nlate = "${key}"\n`);
    const r = await new Scanner().scanFile(f, 'big.txt', 1000);
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
    assert.equal(r.findings[0]?.ruleId, 'aws-access-key-id');
    assert.equal(r.findings[0].line, 2);
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
