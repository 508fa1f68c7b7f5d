// The launchers (dist/cli.js, dist/extension.js) load their bundle with V8's code cache: written on the first run,
// used as is on the next, rewritten when damaged, and never taken from a folder that others can write.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module = require('node:module');
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../harness/workspaceSetup';

const dist = path.join(repoRoot(), 'dist');
const nodeHasOwnCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const STUB = `const M = require('node:module'); const stub = () => new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => '' : stub()), apply: () => stub(), construct: () => stub() });
const load = M._load; M._load = function (r, ...a) { return r === 'vscode' ? stub() : load.call(this, r, ...a); };`;

function run(args: string[], cache: string): { out: string; err: string; status: number | null } {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, AI_POLICY_COMPILE_CACHE: cache } });
  return { out: r.stdout, err: r.stderr, status: r.status };
}
const files = (dir: string) => fs.readdirSync(dir).sort();

describe('code cache of the launchers', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-policy-code-cache-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('ai-policy writes the cache on its first run, uses it on the next and rewrites a damaged one', () => {
    const dir = path.join(tmp, 'cache');
    const version = run([path.join(dist, 'cli.js'), '--version'], dir);
    assert.equal(version.status, 0, version.err);
    assert.match(version.out, /^\d+\.\d+\.\d+\n$/);
    assert.ok(files(dir).length > 0, 'a cache was written');
    if (nodeHasOwnCache) return; // Node's own compile cache manages its files
    const [file] = files(dir);
    const written = fs.readFileSync(path.join(dir, file));
    assert.equal(run([path.join(dist, 'cli.js'), '--version'], dir).out, version.out);
    assert.deepEqual(fs.readFileSync(path.join(dir, file)), written, 'accepted as it was, not rewritten');
    fs.writeFileSync(path.join(dir, file), Buffer.from('not a code cache'));
    const again = run([path.join(dist, 'cli.js'), '--version'], dir);
    assert.equal(again.out, version.out, again.err);
    assert.ok(fs.readFileSync(path.join(dir, file)).length > 100, 'the damaged cache was replaced');
  });

  it("a command's own bundle (dist/commands/) loads with the cache too, and only that command's", () => {
    const dir = path.join(tmp, 'cache');
    const policy = path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml');
    for (let i = 0; i < 2; i++) {
      const r = run([path.join(dist, 'cli.js'), 'validate', policy], dir);
      assert.equal(r.status, 0, r.err);
      assert.match(r.out, /: ok \(/);
    }
    if (nodeHasOwnCache) return; // Node's own compile cache manages its files
    assert.deepEqual(files(dir).map((f) => f.replace(/-\d+-\d+\.v8$/, '')), ['cliMain.js', 'validate.js']);
  });

  it('ai-policy hook, a guard, neither reads nor writes the cache (the agent it judges can write that folder)', () => {
    const dir = path.join(tmp, 'cache');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(path.join(tmp, '.env'), 'DATABASE_PASSWORD=correct-horse-battery-staple-42\n');
    const payload = JSON.stringify({ session_id: 's', cwd: tmp, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: path.join(tmp, '.env') }, tool_use_id: 't' });
    const policy = path.join(repoRoot(), 'policy-samples', 'strict.aipolicy.yaml');
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'hook', '--harness', 'claude', '--policy', policy], { input: payload, encoding: 'utf8', env: { ...process.env, AI_POLICY_COMPILE_CACHE: dir, XDG_STATE_HOME: path.join(tmp, 'state') } });
    assert.match(r.stdout, /"permissionDecision":"deny"/, r.stderr);
    assert.deepEqual(files(dir), [], 'no cache written by the hook');
    // The same launcher for another command does write it: the test would see a cache if the hook used one.
    assert.equal(run([path.join(dist, 'cli.js'), '--version'], dir).status, 0);
    assert.ok(files(dir).length > 0);
  });

  it('the extension bundle loads through its launcher with the cache and exports activate', () => {
    const dir = path.join(tmp, 'cache');
    const code = `${STUB}\nconst ext = require(${JSON.stringify(path.join(dist, 'extension.js'))}); process.stdout.write(typeof ext.activate);`;
    for (let i = 0; i < 2; i++) {
      const r = run(['-e', code], dir);
      assert.equal(r.out, 'function', r.err);
    }
    assert.deepEqual(files(dir).filter((f) => f.startsWith('extensionMain.js-')).length, 1);
  });

  it('a cache folder that others can write is not used', function () {
    if (process.platform === 'win32') this.skip();
    const dir = path.join(tmp, 'shared');
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    const r = run([path.join(dist, 'cli.js'), '--version'], dir);
    assert.equal(r.status, 0, r.err);
    assert.deepEqual(files(dir), []);
  });

  it('AI_POLICY_COMPILE_CACHE=off writes nothing', () => {
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--version'], { encoding: 'utf8', env: { ...process.env, AI_POLICY_COMPILE_CACHE: 'off', HOME: home, XDG_CACHE_HOME: '' } });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(files(home), []);
  });
});
