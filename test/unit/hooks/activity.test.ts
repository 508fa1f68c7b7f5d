// Hook activity: the real hook bundle counts every judged call in the local tally (no content), the complete
// days fold into agent.activity events, and `hooks flush` delivers them without an editor to the real
// reference server, through the audit queue, with the managed file's endpoint and token.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import Database from 'better-sqlite3';
import { stringify } from 'yaml';
import { noteCall } from '../../../src/cli/commands/hookActivity';
import { dataJsonSchema } from '../../../src/core/audit/wireSchema';
import { ACTIVITY_FILE, countCall, foldActivity } from '../../../src/core/hooks/activity';
import { flushSpool } from '../../../src/core/hooks/flush';
import { drainSpool } from '../../../src/core/hooks/spool';
import type { Policy } from '../../../src/core/policy/types';
import { githubToken, rnd } from '../scan/fixtures';
import { startServer, TOKEN, type Running } from '../server/helpers';
import { testPolicy } from '../tools/testPolicy';
import { cases } from './payloads';
import { trustManagedFileOwnerForTests } from '../../../src/core/managed/managedConfig';

const hookJs = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'hook.js');
const TOMORROW = new Date(Date.now() + 24 * 3600_000);

function policyWith(hmacKey?: string): Policy {
  const p = testPolicy();
  p.tools.push({ id: 'claude-code', name: 'Claude Code', identifiers: ['cli:claude'], status: 'approved', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: ['code', 'internal'] });
  p.mcp = { unlisted: 'prohibited', servers: [{ name: 'github', url: 'https://api.githubcopilot.com/mcp/', status: 'approved', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: ['code'] }] };
  if (hmacKey) p.audit = { identity: 'os-user', pseudonymize: { hmacKey } };
  return p;
}

describe('hook activity (process)', function () {
  this.timeout(60000);
  let root: string;
  let ws: string;
  let stateHome: string;
  let state: string;
  let policyFile: string;
  const secret = githubToken();

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hook-activity-'));
    ws = path.join(root, 'ws');
    stateHome = path.join(root, 'state');
    state = path.join(stateHome, 'ai-tool-policy');
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'config'));
    fs.writeFileSync(path.join(ws, '.env'), `API_KEY=${rnd(40)}\n`);
    fs.writeFileSync(path.join(ws, 'src', 'app.ts'), 'export const port = 3000;\n');
    fs.writeFileSync(path.join(ws, 'config', 'settings.json'), JSON.stringify({ deployToken: secret }));
    policyFile = path.join(root, 'policy.aipolicy.yaml');
    fs.writeFileSync(policyFile, stringify(policyWith()));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts every judged call of every harness, allowed or refused, without content, and folds a complete day into agent.activity', async () => {
    // Two calls of each harness (an allowed and a refused one at least), and every prompt.
    const all = cases('SECRET').filter((c, i, list) => list.slice(0, i).filter((o) => o.harness === c.harness).length < 2 || /prompt/i.test(c.name));
    for (const c of all) {
      const text = JSON.stringify(c.payload).replaceAll('WS', ws).replaceAll('SECRET', secret);
      const r = spawnSync(process.execPath, [hookJs, '--harness', c.harness, '--policy', policyFile], { cwd: ws, input: text, encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: stateHome } });
      assert.equal(r.status, 0, r.stderr);
    }
    const tally = fs.readFileSync(path.join(state, ACTIVITY_FILE), 'utf8');
    assert.equal(tally.trim().split('\n').length, all.length, 'one line per call');
    for (const leak of [secret, '.env', 'printenv', 'abc123', ws, 'refactor']) assert.ok(!tally.includes(leak), `the tally holds no ${leak}`);

    // Today is not complete: nothing folds yet.
    assert.deepEqual(await foldActivity(state), []);
    const days = await foldActivity(state, TOMORROW);
    const expected = new Map<string, { toolCalls: number; prompts: number; denials: number }>();
    for (const c of all) {
      const e = expected.get(c.harness) ?? { toolCalls: 0, prompts: 0, denials: 0 };
      const prompt = /prompt/i.test(String(c.payload.hook_event_name ?? c.payload.hookEventName ?? ''));
      if (prompt) e.prompts++;
      else e.toolCalls++;
      if (c.expect === 'deny') e.denials++;
      expected.set(c.harness, e);
    }
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(
      days.map((d) => [d.harness, d.toolCalls, d.prompts, d.denials, d.auditDenials, d.sessions]).sort(),
      [...expected].map(([h, e]) => [h, e.toolCalls, e.prompts, e.denials, 0, h === 'copilot' ? 0 : 1]).sort(),
    );
    assert.ok(days.every((d) => d.day === today));
    const spooled = (await drainSpool(state)).filter((e) => e.type === 'agent.activity');
    assert.equal(spooled.length, expected.size, 'one agent.activity per harness and day');
    const validate = new Ajv({ allErrors: true }).compile(dataJsonSchema('agent.activity'));
    for (const e of spooled) assert.ok(validate(e.data), JSON.stringify(validate.errors));
    assert.ok(!fs.existsSync(path.join(state, ACTIVITY_FILE)) || fs.readFileSync(path.join(state, ACTIVITY_FILE), 'utf8') === '', 'the folded day left the tally');
  });

  it('the delivery commands the hook starts exist: hook.js --flush and ai-policy hooks flush (here: no managed endpoint, so nothing leaves)', function () {
    if (fs.existsSync('/etc/ai-tool-policy/managed.json')) this.skip(); // a machine-wide managed file would name a real endpoint
    const env = { ...process.env, XDG_STATE_HOME: stateHome };
    for (const args of [[hookJs, '--flush'], [path.join(path.dirname(hookJs), 'cli.js'), 'hooks', 'flush']]) {
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /no audit endpoint: set "auditEndpoint" in the managed configuration/);
    }
  });

  it('keeps today in the tally when it folds the days before', async () => {
    const dir = path.join(root, 'keep');
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    countCall(dir, { harness: 'claude', kind: 'tool', verdict: 'allow', sessionId: 'a' }, yesterday);
    countCall(dir, { harness: 'claude', kind: 'tool', verdict: 'audit', sessionId: 'b' }, yesterday);
    countCall(dir, { harness: 'claude', kind: 'prompt', verdict: 'allow', sessionId: 'a' });
    const days = await foldActivity(dir);
    assert.deepEqual(days, [{ day: yesterday.toISOString().slice(0, 10), harness: 'claude', sessions: 2, toolCalls: 2, prompts: 0, denials: 0, auditDenials: 1 }]);
    const rest = await foldActivity(dir, TOMORROW);
    assert.deepEqual(
      rest.map((d) => [d.prompts, d.toolCalls]),
      [[1, 0]],
    );
  });
});

describe('hooks flush: delivery without an editor', function () {
  this.timeout(30000);
  // The managed file must be owned by an administrator; a regular user's test run trusts its own uid instead.
  before(() => trustManagedFileOwnerForTests(process.getuid?.()));
  after(() => trustManagedFileOwnerForTests(undefined));
  let dir: string;
  let state: string;
  let server: Running;
  let savedXdg: string | undefined;
  const managed = (config: Record<string, unknown>): string => {
    const f = path.join(dir, 'managed.json');
    fs.writeFileSync(f, JSON.stringify(config), { mode: 0o644 });
    fs.chmodSync(f, 0o644);
    return f;
  };
  const stored = (): { type: string; developer: string; body: string }[] => {
    const db = new Database(path.join(server.dir, 'audit.db'), { readonly: true });
    try {
      return db.prepare('SELECT type, developer, body FROM events ORDER BY seq').all() as { type: string; developer: string; body: string }[];
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-flush-'));
    state = path.join(dir, 'state', 'ai-tool-policy');
    fs.writeFileSync(path.join(dir, 'policy.aipolicy.yaml'), stringify(policyWith('k'.repeat(32))));
    server = await startServer();
    savedXdg = process.env.XDG_STATE_HOME;
    process.env.XDG_STATE_HOME = path.join(dir, 'state');
  });
  afterEach(async () => {
    if (savedXdg === undefined) delete process.env.XDG_STATE_HOME;
    else process.env.XDG_STATE_HOME = savedXdg;
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('folds, drains and sends to the managed endpoint with its token; the reference server stores agent.activity under the pseudonymized developer', async () => {
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    countCall(state, { harness: 'cursor', kind: 'tool', verdict: 'deny', sessionId: 'c-1' }, yesterday);
    countCall(state, { harness: 'cursor', kind: 'prompt', verdict: 'allow', sessionId: 'c-1' }, yesterday);
    const managedPath = managed({ auditEndpoint: `${server.base}/v1/events`, auditToken: TOKEN, policySource: path.join(dir, 'policy.aipolicy.yaml') });
    const r = await flushSpool({ stateDir: state, managedPath, version: '0.1.0' });
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.equal(r.folded, 1);
    assert.deepEqual([r.delivery.sent, r.delivery.queued], [1, 0]);
    const rows = stored();
    assert.deepEqual(
      rows.map((e) => e.type),
      ['agent.activity'],
    );
    assert.match(rows[0].developer, /^anon:[0-9a-f]{64}$/);
    const event = JSON.parse(rows[0].body) as { editor: { name: string }; data: Record<string, unknown> };
    assert.equal(event.editor.name, 'ai-policy');
    assert.deepEqual(event.data, { day: yesterday.toISOString().slice(0, 10), harness: 'cursor', sessions: 1, toolCalls: 1, prompts: 1, denials: 1, auditDenials: 0 });
  });

  it('keeps the events queued while the endpoint refuses the token, and sends them with the next flush', async () => {
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    countCall(state, { harness: 'codex', kind: 'tool', verdict: 'allow' }, yesterday);
    const policySource = path.join(dir, 'policy.aipolicy.yaml');
    const first = await flushSpool({ stateDir: state, managedPath: managed({ auditEndpoint: `${server.base}/v1/events`, auditToken: 'not-the-ingest-token-000', policySource }), version: '0.1.0', timeoutMs: 3000 });
    assert.ok(first.ok && first.delivery.queued === 1 && first.delivery.sent === 0, JSON.stringify(first));
    assert.match(first.ok ? (first.delivery.lastError ?? '') : '', /401/);
    assert.equal(stored().length, 0);
    const second = await flushSpool({ stateDir: state, managedPath: managed({ auditEndpoint: `${server.base}/v1/events`, auditToken: TOKEN, policySource }), version: '0.1.0' });
    assert.ok(second.ok && second.delivery.sent === 1 && second.delivery.queued === 0, JSON.stringify(second));
    assert.deepEqual(
      stored().map((e) => e.type),
      ['agent.activity'],
    );
  });

  it('refuses to send without an endpoint, and with a plain-http endpoint off this machine, leaving the spool as it was', async () => {
    countCall(state, { harness: 'claude', kind: 'tool', verdict: 'allow' }, new Date(Date.now() - 24 * 3600_000));
    const none = await flushSpool({ stateDir: state, managedPath: managed({ policySource: path.join(dir, 'policy.aipolicy.yaml') }), version: '0.1.0' });
    assert.ok(!none.ok && /no audit endpoint/.test(none.error));
    const plain = await flushSpool({ stateDir: state, managedPath: managed({ auditEndpoint: 'http://audit.example.com/v1/events' }), version: '0.1.0' });
    assert.ok(!plain.ok && /https/.test(plain.error));
    assert.ok(fs.existsSync(path.join(state, ACTIVITY_FILE)), 'the tally is untouched');
  });

  it('the hook starts the delivery on the first call of each day, only when an endpoint is configured', async () => {
    let spawned = 0;
    const spawn = () => void spawned++;
    const payload = JSON.stringify({ session_id: 's' });
    const call = (managedPath: string, now?: Date) => noteCall({ harness: 'claude', kind: 'tool', verdict: 'allow', payload, managedPath }, now, spawn);
    const withEndpoint = managed({ auditEndpoint: `${server.base}/v1/events` });
    await call(withEndpoint);
    await call(withEndpoint);
    await call(withEndpoint);
    assert.equal(spawned, 1, 'once a day');
    await call(withEndpoint, TOMORROW);
    assert.equal(spawned, 2, 'again the next day');
    const folded = (await drainSpool(state)).filter((e) => e.type === 'agent.activity');
    assert.deepEqual(
      folded.map((e) => [e.data.toolCalls, e.data.sessions]),
      [[3, 1]],
      'the next day folded the day before',
    );
    const withoutEndpoint = managed({ hooksMode: 'enforce' });
    await call(withoutEndpoint, new Date(TOMORROW.getTime() + 24 * 3600_000));
    assert.equal(spawned, 2, 'no endpoint, no delivery process');
  });
});
