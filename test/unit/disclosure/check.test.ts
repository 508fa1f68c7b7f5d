// `ai-policy disclosure check` as CI runs it: the built CLI as a process, on real Git repositories made at
// test time (commits with and without trailers, a merge), pull request bodies from a file and from a GitHub
// event payload, and the disclosure.pr report received by the real reference server.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import Database from 'better-sqlite3';
import { stringify } from 'yaml';
import { dataJsonSchema } from '../../../src/core/audit/wireSchema';
import { canonicalRepoId } from '../../../src/core/disclosure/context';
import type { Policy } from '../../../src/core/policy/types';
import { startServer, TOKEN } from '../server/helpers';
import { testPolicy } from '../tools/testPolicy';

const cliJs = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const template = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'policy-samples', 'pull_request_template.md'), 'utf8');

const GIT_ENV = { GIT_AUTHOR_NAME: 'Ann Example', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann Example', GIT_COMMITTER_EMAIL: 'ann@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** A pull request body from the sample template with one box ticked (or none). */
function prBody(tick: 'none' | 'used' | 'neither', tools = 'Claude Code'): string {
  let body = template;
  if (tick === 'none') body = body.replace('- [ ] No AI tool was used', '- [x] No AI tool was used');
  if (tick === 'used') body = body.replace('- [ ] AI tools were used: <!-- e.g. GitHub Copilot, VS Code built-in chat -->', `- [x] AI tools were used: ${tools}`);
  return body;
}

function policy(extra: Partial<NonNullable<Policy['disclosure']>['pullRequest']> = {}, required = true): Policy {
  const p = testPolicy();
  p.disclosure = { required, trailer: 'Assisted-by', format: '{tools}', pullRequest: { section: 'AI assistance', ...extra } };
  p.tools.push({ id: 'devin', name: 'Devin AI', identifiers: ['cli:devin'], status: 'prohibited', owner: 'Dana Whitfield <dana.whitfield@example.com>', dataClasses: [], notes: 'Not assessed.' });
  return p;
}

describe('ai-policy disclosure check (real repositories)', function () {
  this.timeout(60000);
  let root: string;
  let repo: string;
  let base: string;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
  const commit = (file: string, message: string) => {
    fs.writeFileSync(path.join(repo, file), `${file} ${Math.random()}\n`);
    git('add', file);
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const writePolicy = (p: Policy) => {
    const f = path.join(root, `policy-${Math.random().toString(36).slice(2)}.aipolicy.yaml`);
    fs.writeFileSync(f, stringify(p));
    return f;
  };
  const writeBody = (text: string) => {
    const f = path.join(root, `body-${Math.random().toString(36).slice(2)}.md`);
    fs.writeFileSync(f, text);
    return f;
  };
  const envOf = (env: Record<string, string>) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|GITLAB_CI|CI_)/.test(k)));
    return { ...clean, ...GIT_ENV, XDG_STATE_HOME: path.join(root, 'state'), ...env };
  };
  const check = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cliJs, 'disclosure', 'check', '--repo', repo, ...args], { encoding: 'utf8', env: envOf(env) });
  const checkAsync = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cliJs, 'disclosure', 'check', '--repo', repo, ...args], { env: envOf(env) });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
    });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-'));
    repo = path.join(root, 'repo');
    fs.mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    base = commit('README.md', 'Initial commit');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('passes a change whose description says AI was used and whose commits carry trailers; a merge and a person co-author do not count', () => {
    git('checkout', '-q', '-b', 'feature');
    commit('a.ts', 'Add the parser\n\nAssisted-by: GitHub Copilot, Claude Code');
    commit('b.ts', 'Tests for the parser\n\nCo-authored-by: Claude <noreply@anthropic.com>');
    commit('c.ts', 'Docs\n\nCo-authored-by: Devin Smith <devin.smith@example.com>');
    git('checkout', '-q', 'main');
    commit('d.ts', 'Meanwhile on main');
    git('checkout', '-q', 'feature');
    git('merge', '-q', '--no-edit', 'main');
    const r = check(['--base', 'main', '--policy', writePolicy(policy()), '--pr-body', writeBody(prBody('used')), '--format', 'json']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { commits: { tools: string[] }[]; assisted: number; tools: string[]; problems: unknown[]; pr: { answer: string } };
    assert.equal(out.commits.length, 3, 'the merge commit is left out');
    assert.equal(out.assisted, 2);
    assert.deepEqual(out.tools, ['claude', 'copilot']);
    assert.equal(out.pr.answer, 'used');
    assert.deepEqual(out.problems, []);
  });

  it('fails a description that says no AI tool was used when a commit says otherwise, naming the commit', () => {
    const sha = commit('a.ts', 'Refactor\n\nGenerated-by: Cursor');
    const r = check(['--base', base, '--policy', writePolicy(policy()), '--pr-body', writeBody(prBody('none'))]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /says no AI tool was used, but 1 commit\(s\) disclose AI assistance/);
    assert.ok(r.stdout.includes(sha.slice(0, 10)));
    assert.match(r.stdout, /FAILED/);
  });

  it('fails a missing section, and a section with nothing ticked', () => {
    commit('a.ts', 'Change');
    const p = writePolicy(policy());
    const missing = check(['--base', base, '--policy', p, '--pr-body', writeBody('## Summary\n\nFixes the parser.\n')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /no "AI assistance" section/);
    const unticked = check(['--base', base, '--policy', p, '--pr-body', writeBody(prBody('neither'))]);
    assert.equal(unticked.status, 1);
    assert.match(unticked.stdout, /does not say whether AI tools were used/);
  });

  it('applies commitsWhenAssisted: any (default) needs one trailer, all needs every commit, none needs none', () => {
    commit('a.ts', 'One\n\nAssisted-by: Claude Code');
    commit('b.ts', 'Two');
    const body = writeBody(prBody('used'));
    assert.equal(check(['--base', base, '--policy', writePolicy(policy()), '--pr-body', body]).status, 0);
    const all = check(['--base', base, '--policy', writePolicy(policy({ commitsWhenAssisted: 'all' })), '--pr-body', body]);
    assert.equal(all.status, 1);
    assert.match(all.stdout, /every commit to say so/);
    git('checkout', '-q', '-b', 'bare', base);
    commit('c.ts', 'No trailer');
    const anyBare = check(['--base', base, '--policy', writePolicy(policy()), '--pr-body', body]);
    assert.equal(anyBare.status, 1, anyBare.stdout);
    assert.match(anyBare.stdout, /none of its 1 commit\(s\) carries a Assisted-by: trailer/);
    assert.equal(check(['--base', base, '--policy', writePolicy(policy({ commitsWhenAssisted: 'none' })), '--pr-body', body]).status, 0);
  });

  it('fails a tool the policy prohibits, and reports without failing when disclosure is not required', () => {
    commit('a.ts', 'Port\n\nCo-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>');
    const r = check(['--base', base, '--policy', writePolicy(policy()), '--pr-body', writeBody(prBody('used', 'Devin AI'))]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /Devin AI is prohibited by the policy/);
    const relaxed = check(['--base', base, '--policy', writePolicy(policy({}, false)), '--pr-body', writeBody(prBody('none'))]);
    assert.equal(relaxed.status, 0, relaxed.stdout);
    assert.match(relaxed.stdout, /disclosure not required/);
  });

  it('reads the pull request (body, base, head) from the GitHub event payload', () => {
    const head = commit('a.ts', 'Change\n\nAssisted-by: Gemini');
    commit('b.ts', 'Not part of the pull request');
    const event = path.join(root, 'event.json');
    fs.writeFileSync(event, JSON.stringify({ action: 'opened', number: 7, pull_request: { number: 7, body: prBody('used', 'Gemini CLI'), base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } }));
    const summaryFile = path.join(root, 'summary.md');
    const r = check(['--policy', writePolicy(policy())], { GITHUB_EVENT_PATH: event, GITHUB_STEP_SUMMARY: summaryFile });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 commit\(s\) in [0-9a-f]{40}\.\.[0-9a-f]{40}, 1 disclose AI assistance \(gemini\)/);
    assert.match(r.stdout, /Pull request #7, "AI assistance": AI tools were used \(gemini\)/);
    assert.match(fs.readFileSync(summaryFile, 'utf8'), /### AI disclosure/);
  });

  it('checks only the commits when there is no pull request body, and says a missing base plainly', () => {
    commit('a.ts', 'Change');
    const r = check(['--base', base, '--policy', writePolicy(policy())]);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /only the commits were checked/);
    const bad = check(['--base', 'does-not-exist', '--policy', writePolicy(policy())]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /fetch-depth: 0/);
    assert.equal(check(['--policy', writePolicy(policy())]).status, 2, '--base is required outside a pull request');
  });

  it('--report sends one disclosure.pr event (repository hash, counts, tool ids; no names or messages) to the reference server', async () => {
    const server = await startServer();
    try {
      git('remote', 'add', 'origin', 'git@github.com:Acme/Payments-Service.git');
      commit('a.ts', 'Add the ledger export\n\nAssisted-by: Claude Code');
      commit('b.ts', 'Fix rounding');
      const p = policy();
      p.audit = { identity: 'git-email', pseudonymize: { hmacKey: 'h'.repeat(32) } };
      // Asynchronously: the server runs in this process.
      const r = await checkAsync(['--base', base, '--policy', writePolicy(p), '--pr-body', writeBody(prBody('used')), '--report', `${server.base}/v1/events`], { AI_POLICY_AUDIT_TOKEN: TOKEN });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /Reported to http:\/\/127\.0\.0\.1/);
      const db = new Database(path.join(server.dir, 'audit.db'), { readonly: true });
      const rows = db.prepare("SELECT developer, body FROM events WHERE type = 'disclosure.pr'").all() as { developer: string; body: string }[];
      db.close();
      assert.equal(rows.length, 1);
      assert.match(rows[0].developer, /^anon:/, 'the author, pseudonymized as the policy asks');
      const data = (JSON.parse(rows[0].body) as { data: Record<string, unknown> }).data;
      assert.deepEqual({ ...data, repoHash: undefined }, { repoHash: undefined, provider: 'local', commits: 2, assistedCommits: 1, tools: ['claude'], prDisclosed: true, result: 'pass', problems: [] });
      assert.match(String(data.repoHash), /^[0-9a-f]{64}$/);
      const validate = new Ajv().compile(dataJsonSchema('disclosure.pr'));
      assert.ok(validate(data), JSON.stringify(validate.errors));
      const raw = fs.readFileSync(path.join(server.dir, 'audit.db')).toString('latin1');
      for (const leak of ['payments-service', 'Payments-Service', 'ledger export', 'ann@example.com']) assert.ok(!raw.includes(leak), `the database holds no ${leak}`);
    } finally {
      await server.close();
    }
  });
});

describe('repository id', () => {
  it('is the same for every form of the remote URL, without credentials', () => {
    const forms = ['git@github.com:Acme/Payments-Service.git', 'https://github.com/acme/payments-service', 'https://x-access-token:ghs_abc@github.com/Acme/Payments-Service.git', 'ssh://git@github.com/Acme/Payments-Service.git'];
    assert.deepEqual(new Set(forms.map(canonicalRepoId)), new Set(['github.com/acme/payments-service']));
    assert.equal(canonicalRepoId('not a url'), undefined);
  });
});
