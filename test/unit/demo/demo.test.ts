// The demo's workspace and server state: generated sample data that every kind of warning reacts to, a Git
// repository with a commit, nothing secret in the repository's templates, and a port and tokens kept between runs.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { validatePolicyText } from '../../../src/core/policy';
import { Scanner } from '../../../src/core/scan/scanner';
import { demoServerState } from '../../../scripts/demo/state';
import { ensureDemoWorkspace } from '../../../scripts/demo/workspace';
import { repoRoot } from '../../harness/workspaceSetup';

const root = repoRoot();
const templates = path.join(root, 'demo', 'workspace');
const starter = validatePolicyText(fs.readFileSync(path.join(root, 'policy-samples', 'starter.aipolicy.yaml'), 'utf8')).policy!;

/** Rule ids found per file (content and path findings), as the editor's scanner sees them. */
function findings(dir: string, files: string[]): Record<string, string[]> {
  const scanner = new Scanner({ dataHandling: starter.dataHandling });
  return Object.fromEntries(files.map((f) => [f, [...new Set(scanner.scanFileSync(path.join(dir, f), f).findings.map((x) => x.ruleId))].sort()]));
}

describe('demo workspace', function () {
  this.timeout(20_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-demo-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the repository holds templates only: no secret or personal data in their content', () => {
    const found = findings(templates, ['.env', 'src/deploy.js', 'data/customers.csv']);
    assert.deepEqual(found['.env'], ['path-dotenv'], 'only the file name is sensitive, reported once');
    assert.deepEqual(found['src/deploy.js'], []);
    assert.deepEqual(found['data/customers.csv'], ['customer-exports', 'path-customer-export']);
  });

  it('creates a Git repository with one commit and generated data that draws every kind of warning', () => {
    const ws = path.join(tmp, 'ws');
    assert.equal(ensureDemoWorkspace(templates, ws).created, true);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, encoding: 'utf8' }).trim();
    assert.equal(git('rev-list', '--count', 'HEAD'), '1');
    assert.equal(git('branch', '--show-current'), 'main');
    assert.equal(git('status', '--porcelain'), '', 'everything committed, .env ignored');
    assert.match(git('check-ignore', '.env'), /\.env/);
    for (const f of ['.env', 'src/deploy.js', 'data/customers.csv']) assert.doesNotMatch(fs.readFileSync(path.join(ws, f), 'utf8'), /\{\{generated:/, f);
    const found = findings(ws, ['.env', 'src/deploy.js', 'data/customers.csv']);
    for (const rule of ['path-dotenv', 'stripe-secret-key', 'aws-access-key-id', 'aws-secret-access-key', 'url-password']) assert.ok(found['.env'].includes(rule), `${rule} in .env: ${found['.env']}`);
    assert.deepEqual(found['src/deploy.js'], ['github-token']);
    for (const rule of ['email-address', 'iban', 'payment-card', 'customer-exports']) assert.ok(found['data/customers.csv'].includes(rule), `${rule}: ${found['data/customers.csv']}`);
  });

  it('keeps an existing demo workspace (edits survive restarts), and generates fresh values for a new one', () => {
    const ws = path.join(tmp, 'ws');
    fs.appendFileSync(path.join(ws, 'README.md'), 'my note\n');
    assert.equal(ensureDemoWorkspace(templates, ws).created, false);
    assert.match(fs.readFileSync(path.join(ws, 'README.md'), 'utf8'), /my note/);
    const other = path.join(tmp, 'ws2');
    ensureDemoWorkspace(templates, other);
    assert.notEqual(fs.readFileSync(path.join(ws, 'src/deploy.js'), 'utf8'), fs.readFileSync(path.join(other, 'src/deploy.js'), 'utf8'));
  });
});

describe('demo server state', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-demo-state-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = path.join(tmp, 'demo-server.json');

  it('keeps the port and the tokens between runs', async () => {
    const first = await demoServerState(file);
    assert.match(first.ingestToken, /^[0-9a-f]{32}$/);
    assert.match(first.adminToken, /^[0-9a-f]{32}$/);
    assert.notEqual(first.ingestToken, first.adminToken);
    const second = await demoServerState(file);
    assert.deepEqual({ ...second, moved: false }, { ...first, moved: false });
    assert.equal(second.moved, false);
    assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600', 'the tokens are readable by the owner only');
  });

  it('moves to a free port (and keeps the tokens) when the stored one is taken', async () => {
    const before = await demoServerState(file);
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(before.port, '127.0.0.1', r));
    try {
      const after = await demoServerState(file);
      assert.equal(after.moved, true);
      assert.notEqual(after.port, before.port);
      assert.equal(after.adminToken, before.adminToken);
      assert.equal((await demoServerState(file)).port, after.port, 'the new port is the stored one now');
    } finally {
      blocker.close();
    }
  });
});
