// A fresh machine with the CLI but no editor and no managed file: the hook denies until a policy is recorded by
// `hooks install --policy FILE|URL`, `hooks status` says plainly what a call is judged against, and the hook
// applies the organization's custom rules (the policy's gitleaks config) from the recorded or mirrored policy.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { rnd } from '../scan/fixtures';
import { testPolicy } from '../tools/testPolicy';

const dist = path.resolve(__dirname, '..', '..', '..', '..', 'dist');

describe('hooks install --policy and the custom rules in the hook (process)', function () {
  this.timeout(60000);
  let root: string;
  let ws: string;
  let env: NodeJS.ProcessEnv;
  let policyFile: string;
  let server: http.Server;
  let url: string;
  const acme = `acme_${rnd(24, 'abcdefghijklmnopqrstuvwxyz0123456789', 11)}`;
  const managed = () => path.join(root, 'no-managed.json');
  // Asynchronous where the test's own HTTP server must answer the CLI meanwhile.
  const cliAsync = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [path.join(dist, 'cli.js'), 'hooks', ...args, '--home', root, '--managed-file', managed()], { env });
      let stdout = '';
      let stderr = '';
      c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      c.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'hooks', ...args, '--home', root, '--managed-file', managed()], { encoding: 'utf8', env });
  // The hook as installed: no --policy; the platform's managed file is absent on a test machine.
  const hook = (command: string) =>
    spawnSync(process.execPath, [path.join(dist, 'hook.js'), '--harness', 'claude'], { cwd: ws, input: JSON.stringify({ cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }), encoding: 'utf8', env });

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-policy-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, '.env'), `API_KEY=${rnd(40)}\n`);
    fs.writeFileSync(path.join(ws, 'notes.txt'), `the staging key is ${acme}\n`);
    const p = testPolicy();
    if (p.mcp?.agents) delete p.mcp.agents.requireConfirmation;
    p.dataHandling.gitleaksConfig = 'org-rules.toml';
    policyFile = path.join(root, 'org.aipolicy.yaml');
    fs.writeFileSync(policyFile, stringify(p));
    fs.writeFileSync(path.join(root, 'org-rules.toml'), `[[rules]]\nid = "acme-token"\ndescription = "Acme API token"\nregex = '''acme_[a-z0-9]{24}'''\nkeywords = ["acme_"]\n`);
    env = { ...process.env, XDG_STATE_HOME: path.join(root, 'state') };
    server = http.createServer((_req, res) => res.end(fs.readFileSync(policyFile)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/policy.yaml`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('without any policy: status says every call is denied, and the hook denies', () => {
    const s = cli('status', '--harness', 'claude');
    assert.match(s.stdout, /^judged: no policy can be loaded .*every call is DENIED/m);
    const r = hook('ls');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no policy/);
  });

  it('install --policy FILE records it; the hook judges against it, with its custom rules', () => {
    const r = cli('install', '--harness', 'claude', '--policy', policyFile);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^policy: Example Corp version \d+ from .*org\.aipolicy\.yaml/m);
    assert.match(cli('status', '--harness', 'claude').stdout, /^judged: yes, against Example Corp's policy version \d+ from .*org\.aipolicy\.yaml$/m);
    assert.equal(hook('ls').stdout, '');
    assert.match(hook('cat .env').stdout, /"permissionDecision":"deny"/);
    const custom = hook('cat notes.txt');
    assert.match(custom.stdout, /rule acme-token/, custom.stdout + custom.stderr);
  });

  it('install --policy URL fetches and validates it now; the hook judges against that copy', async () => {
    const r = await cliAsync('install', '--harness', 'claude', '--policy', url);
    assert.equal(r.status, 0, r.stderr);
    assert.match(cli('status', '--harness', 'claude').stdout, new RegExp(`^judged: yes, against Example Corp's policy version \\d+ from ${url.replace(/[.]/g, '\\.')}$`, 'm'));
    assert.match(hook('cat .env').stdout, /"permissionDecision":"deny"/);
    // A remote policy's relative gitleaks config is not read (as in the editor): the hook says so and goes on.
    const custom = hook('cat notes.txt');
    assert.equal(custom.stdout, '');
    assert.match(custom.stderr, /custom rules: gitleaks config org-rules\.toml is relative to a policy that is not a local file/);
  });

  it('refuses to record an invalid policy', () => {
    const bad = path.join(root, 'bad.yaml');
    fs.writeFileSync(bad, 'apiVersion: aipolicy/v1\norganization: 3\n');
    const r = cli('install', '--harness', 'claude', '--policy', bad);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.yaml:\d+:\d+/);
  });

  it('the editor-mirrored policy of a local file brings its custom rules to the hook', () => {
    fs.rmSync(path.join(root, 'state', 'ai-tool-policy', 'hook-policy.json'));
    const p = testPolicy();
    if (p.mcp?.agents) delete p.mcp.agents.requireConfirmation;
    p.dataHandling.gitleaksConfig = 'org-rules.toml';
    fs.writeFileSync(path.join(root, 'state', 'ai-tool-policy', 'agent-policy.json'), JSON.stringify({ source: policyFile, hash: 'x', version: p.version, savedAt: new Date().toISOString(), policy: p }));
    assert.match(hook('cat notes.txt').stdout, /rule acme-token/);
  });

  it('the CLI scan applies the same custom rules with the same loader', async () => {
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const c = spawn(process.execPath, [path.join(dist, 'cli.js'), 'scan', '--policy', policyFile, path.join(ws, 'notes.txt')], { env });
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d.toString()));
      c.on('close', (code) => resolve({ code, out }));
    });
    assert.equal(r.code, 1);
    assert.match(r.out, /acme-token/);
  });
});
