// The command-line tool as a user installs it: `npm run package`'s ai-policy-cli-<version>.tgz installed with
// `npm install -g` into a temporary prefix, then `ai-policy` run from PATH: --version, validate, scan, the agent
// hook as `hooks install` writes it, and the audit server (which needs the native SQLite binding npm resolved).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MirroredPolicy } from '../../src/core/hooks/resolve';
import { validatePolicyText } from '../../src/core/policy/validate';
import { repoRoot } from '../harness/workspaceSetup';
import { plantedKey } from '../host/exposureFakes';

const root = repoRoot();
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment without the outer npm's lifecycle variables (`npm test` sets many npm_* variables). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

function check(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  assert.equal(r.error, undefined, `${what}: ${String(r.error)}`);
  return r;
}

/**
 * better-sqlite3's install script (prebuild-install) downloads a prebuilt binary from GitHub, which this
 * machine cannot reach; without one it compiles SQLite (minutes). The binary `npm ci` built here for this
 * Node is offered the way prebuild-install reads local prebuilds, so the install takes seconds.
 */
function localPrebuilds(dir: string): Record<string, string> {
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  const binary = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(binary)) return {};
  const v = (JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  fs.mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${v}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  check(spawnSync('tar', ['-czf', path.join(dir, name), '-C', pkg, 'build/Release/better_sqlite3.node'], { encoding: 'utf8' }), 'tar');
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

describe('ai-policy CLI package', function () {
  this.timeout(600_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-cli-'));
  const prefix = path.join(tmp, 'prefix');
  const bin = path.join(prefix, 'bin');
  const env = () => cleanEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
  const aiPolicy = (...args: string[]) => check(spawnSync('ai-policy', args, { env: env(), encoding: 'utf8', cwd: tmp }), `ai-policy ${args.join(' ')}`);

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('npm run package writes ai-policy-cli-<version>.tgz', () => {
    const r = check(spawnSync(process.execPath, [path.join(root, 'scripts', 'package-cli.js'), '--out', tmp], { cwd: root, encoding: 'utf8' }), 'package-cli');
    assert.equal(r.status, 0, r.stderr);
    const tgz = path.join(tmp, `ai-policy-cli-${version}.tgz`);
    assert.ok(fs.existsSync(tgz), r.stdout);
    const listing = check(spawnSync('tar', ['-tzf', tgz], { encoding: 'utf8' }), 'tar').stdout.split('\n');
    for (const f of ['package/cli.js', 'package/cliMain.js', 'package/commands/scan.js', 'package/commands/server.js', 'package/commands/render-worker.js', 'package/hook.js', 'package/package.json', 'package/README.md', 'package/docs/policy.md', 'package/docs/scan.md']) assert.ok(listing.includes(f), `${f} in ${listing.join(' ')}`);
  });

  it('npm install -g puts ai-policy on PATH', () => {
    const tgz = path.join(tmp, `ai-policy-cli-${version}.tgz`);
    const r = check(
      spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tgz], {
        cwd: tmp,
        encoding: 'utf8',
        env: cleanEnv(localPrebuilds(path.join(tmp, 'prebuilds'))),
      }),
      'npm install -g',
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(fs.existsSync(path.join(bin, 'ai-policy')), fs.readdirSync(prefix).join(' '));
    const v = aiPolicy('--version');
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), version);
  });

  it('validates a policy and writes a starter one', () => {
    const init = aiPolicy('init', '--org', 'Installed Ltd', '--out', 'org.aipolicy.yaml');
    assert.equal(init.status, 0, init.stderr);
    const r = aiPolicy('validate', 'org.aipolicy.yaml', path.join(prefix, 'lib', 'node_modules', 'ai-policy-cli', 'policy-samples', 'strict.aipolicy.yaml'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /org\.aipolicy\.yaml: ok \(Installed Ltd, version 1\)/);
    assert.match(r.stdout, /strict\.aipolicy\.yaml: ok \(Northwind Bank, version 7\)/);
  });

  it('scans a folder and finds a planted key', () => {
    const dir = path.join(tmp, 'project');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.js'), `module.exports = { accessKeyId: '${plantedKey()}' };\n`);
    fs.writeFileSync(path.join(dir, 'clean.js'), 'module.exports = {};\n');
    const r = aiPolicy('scan', '--format', 'json', 'project');
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: { path: string; ruleId: string }[]; files: number };
    assert.equal(report.files, 2);
    assert.deepEqual(report.findings.map((f) => f.path), ['project/settings.js']);
    assert.ok(!r.stdout.includes(plantedKey()), 'the key is masked');
  });

  it('installs the agent hook beside cli.js, and the command it writes blocks an agent reading .env', () => {
    const home = path.join(tmp, 'home');
    const state = path.join(tmp, 'state');
    const ws = path.join(tmp, 'agent-ws');
    fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
    fs.mkdirSync(ws, { recursive: true });
    fs.writeFileSync(path.join(ws, '.env'), `API_KEY=${plantedKey()}\n`);
    fs.writeFileSync(path.join(ws, 'app.js'), 'module.exports = {};\n');
    // A user's own hook that must survive the install.
    const own = { type: 'command', command: 'echo audit-trail' };
    fs.writeFileSync(path.join(home, '.claude', 'settings.json'), JSON.stringify({ model: 'x', hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [own] }] } }, null, 2));
    const r = aiPolicy('hooks', 'install', '--harness', 'claude', '--home', home);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const settings = JSON.parse(fs.readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8')) as { model: string; hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
    assert.equal(settings.model, 'x');
    const commands = settings.hooks.PreToolUse.flatMap((g) => g.hooks.map((h) => h.command));
    assert.ok(commands.includes('echo audit-trail'), commands.join(' | '));
    const ours = commands.find((c) => c.includes('hook.js'));
    assert.ok(ours, commands.join(' | '));
    assert.ok(ours.includes(path.join('ai-policy-cli', 'hook.js')), `the installed package's hook.js: ${ours}`);

    // The policy the editor would mirror for the hooks, in the state folder the installed hook reads.
    const sample = path.join(prefix, 'lib', 'node_modules', 'ai-policy-cli', 'policy-samples', 'strict.aipolicy.yaml');
    const policy = validatePolicyText(fs.readFileSync(sample, 'utf8')).policy;
    assert.ok(policy);
    const mirror: MirroredPolicy = { source: sample, hash: 'test', version: policy.version, savedAt: new Date().toISOString(), policy };
    fs.mkdirSync(path.join(state, 'ai-tool-policy'), { recursive: true });
    fs.writeFileSync(path.join(state, 'ai-tool-policy', 'agent-policy.json'), JSON.stringify(mirror));
    const runHook = (file: string) =>
      check(
        spawnSync('sh', ['-c', ours], {
          cwd: ws,
          env: { ...env(), XDG_STATE_HOME: state },
          encoding: 'utf8',
          input: JSON.stringify({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: path.join(ws, file) }, tool_use_id: 't' }),
        }),
        'the installed hook command',
      );
    const denied = runHook('.env');
    assert.equal(denied.status, 0, denied.stderr);
    const answer = JSON.parse(denied.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
    assert.equal(answer.hookSpecificOutput.permissionDecision, 'deny');
    assert.match(answer.hookSpecificOutput.permissionDecisionReason, /^AI Tool Policy: /);
    assert.ok(!denied.stdout.includes(plantedKey()), 'the answer never repeats the value');
    const allowed = runHook('app.js');
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(allowed.stdout, '');
    const spool = fs.readFileSync(path.join(state, 'ai-tool-policy', 'agent-events.jsonl'), 'utf8').trim().split('\n');
    assert.equal(spool.length, 1, 'one denial recorded');
    assert.equal((JSON.parse(spool[0]) as { type: string }).type, 'agent.blocked');

    const again = aiPolicy('hooks', 'install', '--harness', 'claude', '--home', home);
    assert.match(again.stdout, /already installed/);
    const removed = aiPolicy('hooks', 'uninstall', '--harness', 'claude', '--home', home);
    assert.equal(removed.status, 0, removed.stderr);
    assert.doesNotMatch(fs.readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8'), /hook\.js/);
  });

  it('runs the audit server with the native SQLite binding npm resolved', async () => {
    const db = path.join(tmp, 'audit.db');
    const child = spawn('ai-policy', ['server', '--port', '0', '--db', db, '--token', 'install-test-token', '--admin-token', 'install-test-admin-token'], { env: env(), cwd: tmp });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line: ${out}`)), 30_000);
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/\S+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
      });
      // The report is built by a worker thread running the installed bundle itself.
      const res = await fetch(`${url}v1/report?format=json`, { headers: { authorization: 'Bearer install-test-admin-token' } });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { totals: { events: number } }).totals.events, 0);
      assert.ok(fs.existsSync(db), 'the SQLite file was created');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('the documented install', () => {
  it('docs/scan.md and the README install the package this version writes', () => {
    for (const doc of ['docs/scan.md', 'README.md']) {
      assert.ok(fs.readFileSync(path.join(root, doc), 'utf8').includes(`npm install -g ./ai-policy-cli-${version}.tgz`), doc);
    }
    const recipes = fs.readFileSync(path.join(root, 'docs', 'scan.md'), 'utf8');
    assert.doesNotMatch(recipes, /npx ai-policy/, 'the recipes run the installed command');
  });
});
