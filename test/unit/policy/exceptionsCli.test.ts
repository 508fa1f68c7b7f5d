// ai-policy exceptions list / pull: the real CLI bundle, against a real HTTP server on 127.0.0.1 that
// serves recorded decision records in the shape of GET /v1/exceptions?status=approved.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { addDays, isoDay } from '../../../src/core/policy/dates';
import type { Policy } from '../../../src/core/policy/types';
import { repo, starterText, tempDir } from './helpers';

const cli = path.join(repo, 'dist', 'cli.js');
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [cli, ...args], { encoding: 'utf8' });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const ADMIN = 'admin-token-0123456789abcdef';
const today = Date.parse(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
const day = (n: number) => isoDay(addDays(today, n));

const decisions = {
  decisions: [
    {
      requestId: 'req-7F3A',
      status: 'approved',
      decidedAt: new Date().toISOString(),
      approvedBy: 'Dana Whitfield <dana.whitfield@example.com>',
      who: { developer: 'jane@example.com', team: 'payments', avatar: 'https://evil.example/x.png' },
      what: { tool: 'github-copilot', dataClass: 'pii' },
      scope: 'person',
      from: day(-1),
      until: day(20),
      reason: 'Synthetic customer records in the billing fixtures',
      injected: 'never copied into the policy',
    },
    { requestId: 'req-8b01', status: 'declined', approvedBy: 'Dana', who: { developer: 'joe@example.com' }, what: { tool: 'github-copilot' }, scope: 'person', from: day(0), until: day(5), reason: 'x' },
    { requestId: 'req-9c02', status: 'approved', who: { developer: 'joe@example.com' }, what: { tool: 'github-copilot' }, scope: 'person', from: day(0), until: day(5) },
  ],
};

describe('ai-policy exceptions', function () {
  this.timeout(60_000);
  let server: http.Server;
  let base: string;
  const seen: { url?: string; auth?: string }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url, auth: req.headers.authorization });
      if (req.headers.authorization !== `Bearer ${ADMIN}`) return void res.writeHead(401).end('{"error":"admin token required"}');
      if (req.url !== '/v1/exceptions?status=approved') return void res.writeHead(404).end('{}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(decisions));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('pulls the approved decisions into the policy as the next version, keeping comments, and validates', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'policy.aipolicy.yaml');
      const original = starterText().replace('version: 1', 'version: 1 # raised by every published change');
      writeFileSync(file, original);
      const r = await run('exceptions', 'pull', '--server', base + '/', '--token', ADMIN, '--policy', file);
      assert.equal(r.code, 0, r.out + r.err);
      assert.deepEqual(seen.at(-1), { url: '/v1/exceptions?status=approved', auth: `Bearer ${ADMIN}` });
      assert.match(r.out, /skipped request req-8b01: not approved \(declined\)/);
      assert.match(r.out, /skipped request req-9c02: missing or malformed approvedBy, reason/);
      assert.match(r.out, new RegExp(`added exc-req-7f3a \\(request req-7F3A\\) until ${day(20)}`));
      assert.match(r.out, /version 2; sign it before publishing/);

      const text = readFileSync(file, 'utf8');
      // Everything the author wrote stays line for line; only the version changes and the section is added.
      const before = original.split('\n');
      const after = text.split('\n');
      const changed = before.flatMap((l, i) => (after[i] === l ? [] : [`${l} -> ${after[i]}`]));
      assert.deepEqual(changed, ['version: 1 # raised by every published change -> version: 2 # raised by every published change']);
      const policy = parse(text) as Policy;
      assert.deepEqual(policy.exceptions?.granted, [
        {
          id: 'exc-req-7f3a',
          requestId: 'req-7F3A',
          who: { developer: 'jane@example.com', team: 'payments' },
          what: { tool: 'github-copilot', dataClass: 'pii' },
          scope: 'person',
          from: day(-1),
          until: day(20),
          reason: 'Synthetic customer records in the billing fixtures',
          approvedBy: 'Dana Whitfield <dana.whitfield@example.com>',
        },
      ]);
      const v = await run('validate', file);
      assert.equal(v.code, 0, v.out);

      const again = await run('exceptions', 'pull', '--server', base, '--token', ADMIN, '--policy', file);
      assert.equal(again.code, 0, again.err);
      assert.match(again.out, /already in the policy: exc-req-7f3a/);
      assert.match(again.out, /no new approved exceptions; unchanged \(version 2\)/);
      assert.equal(readFileSync(file, 'utf8'), text);

      const list = await run('exceptions', 'list', '--policy', file);
      assert.equal(list.code, 0, list.err);
      assert.equal(list.out, `${day(20)}  expiring within 30 days  exc-req-7f3a: pii data for tool github-copilot for developer jane@example.com from ${day(-1)} (approved by Dana Whitfield <dana.whitfield@example.com>, request req-7F3A)\n`);
    } finally {
      t.done();
    }
  });

  it('refuses a wrong token and a decision that would make the policy invalid, leaving the file alone', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'policy.aipolicy.yaml');
      writeFileSync(file, starterText());
      const denied = await run('exceptions', 'pull', '--server', base, '--token', 'wrong-token-0123456789', '--policy', file);
      assert.equal(denied.code, 1);
      assert.match(denied.err, /HTTP 401 \(the admin token is required\)/);
      assert.equal(readFileSync(file, 'utf8'), starterText());

      decisions.decisions[0].until = day(400);
      try {
        const tooLong = await run('exceptions', 'pull', '--server', base, '--token', ADMIN, '--policy', file);
        assert.equal(tooLong.code, 1, tooLong.out);
        assert.match(tooLong.out, /policy\.aipolicy\.yaml:\d+:\d+: error: exception "exc-req-7f3a" lasts 402 days .* more than the 90 days/);
        assert.match(tooLong.out, /not written/);
        assert.equal(readFileSync(file, 'utf8'), starterText());
      } finally {
        decisions.decisions[0].until = day(20);
      }
    } finally {
      t.done();
    }
  });

  it('lists each exception with its end date and state, and refuses plain http off loopback', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'policy.aipolicy.yaml');
      const entry = (id: string, from: string, until: string) =>
        `    - id: ${id}\n      who: { team: payments }\n      what: { mcpServer: jira }\n      scope: team\n      from: ${from}\n      until: ${until}\n      reason: Ticket triage\n      approvedBy: Dana\n`;
      writeFileSync(file, `${starterText()}\nexceptions:\n  granted:\n${entry('old', day(-40), day(-1))}${entry('now', day(-10), day(60))}${entry('soon', day(5), day(30))}`);
      const list = await run('exceptions', 'list', '--policy', file);
      assert.equal(list.code, 0, list.out + list.err);
      const states = list.out.trim().split('\n').map((l) => l.split(/ {2,}/).slice(0, 3).join(' | '));
      assert.deepEqual(states, [
        `${day(-1)} | expired | old: MCP server jira for team payments from ${day(-40)} (approved by Dana)`,
        `${day(30)} | not yet in force | soon: MCP server jira for team payments from ${day(5)} (approved by Dana)`,
        `${day(60)} | in force | now: MCP server jira for team payments from ${day(-10)} (approved by Dana)`,
      ]);
      const plain = await run('exceptions', 'pull', '--server', 'http://audit.example.com', '--token', ADMIN, '--policy', file);
      assert.equal(plain.code, 1);
      assert.match(plain.err, /refusing plain http to audit\.example\.com/);
      const usage = await run('exceptions', 'pull', '--policy', file);
      assert.equal(usage.code, 2);
    } finally {
      t.done();
    }
  });
});
