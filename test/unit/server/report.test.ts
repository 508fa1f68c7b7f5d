import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ADMIN, adminAuth, demoEvents, ev, post, report, request, startServer, TOKEN, type Running } from './helpers';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function signIn(base: string, token = ADMIN): Promise<string> {
  const r = await request(`${base}/login`, { method: 'POST', headers: form, body: `token=${encodeURIComponent(token)}` });
  assert.equal(r.status, 303);
  return String(r.headers['set-cookie']).split(';')[0];
}

describe('server: report, dashboard and published policy', () => {
  let s: Running;
  let policyFile: string;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pol-'));
    policyFile = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policyFile, 'organization: Example Corp\nversion: 2\ntraining:\n  - id: ai-basics\n    title: AI basics\n    dueWithinDays: 30\n  - id: secure-coding\n    title: Secure coding\n    dueWithinDays: 30\n');
    s = await startServer({ policyFile });
    const r = await post(s.base, { events: demoEvents() });
    assert.equal(r.status, 200, r.body);
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the report with the admin token only: none 401, wrong 401, ingest token 403', async () => {
    assert.equal((await request(`${s.base}/v1/report`)).status, 401);
    const wrong = await request(`${s.base}/v1/report`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } });
    assert.equal(wrong.status, 401);
    assert.equal(JSON.parse(wrong.body).error, 'invalid token');
    const ingest = await request(`${s.base}/v1/report`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ingest.status, 403);
    assert.equal((await request(`${s.base}/`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 403);
    assert.equal((await request(`${s.base}/evidence`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 403);
    assert.equal((await request(`${s.base}/v1/report`, { headers: adminAuth })).status, 200);
  });

  it('reports totals, tool usage, census, adoption, acknowledgements, training and exposures', async () => {
    const rep = await report(s.base);
    assert.deepEqual({ ...rep.policy, sha256: undefined }, { organization: 'Example Corp', version: 2, sha256: undefined, signature: { state: 'unsigned' }, published: null, effective: null });
    assert.match(rep.policy.sha256, /^[0-9a-f]{64}$/);
    assert.equal(rep.totals.events, 11);
    assert.equal(rep.totals.developers, 3);
    assert.equal(rep.totals.machines, 3);
    assert.equal(rep.totals.byType.inventory, 4);
    const ann = rep.usage.filter((t: { developer: string }) => t.developer === 'ann@example.com');
    assert.deepEqual(ann.map((t: { tool: string; status: string }) => `${t.tool}:${t.status}`), ['acme.ai-helper:unlisted', 'github.copilot:approved']);
    assert.equal(ann[0].firstSeen, '2026-11-19T09:00:00.000Z');
    assert.equal(ann[0].lastSeen, '2026-11-20T09:00:00.000Z');
    assert.deepEqual(rep.census.byStatus, [
      { status: 'approved', tools: 1, developers: 2 },
      { status: 'unlisted', tools: 1, developers: 1 },
    ]);
    assert.deepEqual(rep.reporting, [
      { day: '2026-11-19', reporting: 1, using: 1 },
      { day: '2026-11-20', reporting: 3, using: 2 },
    ]);
    // Installed tools are not use: inventories without active days add nobody to the adoption view.
    assert.equal(rep.adoption.activeDevelopers, 0);
    const v2 = rep.acknowledgements.versions.find((v: { version: number }) => v.version === 2);
    assert.deepEqual(v2, { version: 2, current: true, developers: 3, acknowledged: 2, verified: 0, coverage: 0.667 });
    assert.deepEqual(rep.acknowledgements.missing.filter((m: { item: string }) => m.item === 'v2').map((m: { developer: string }) => m.developer), ['cy@example.com']);
    assert.equal(rep.acknowledgements.records.length, 3);
    assert.ok(rep.acknowledgements.records.every((r: { verified: boolean }) => r.verified === false), 'shared-token acknowledgements are self-declared');
    const basics = rep.training.courses.find((c: { id: string }) => c.id === 'ai-basics');
    assert.equal(basics.completed, 1);
    assert.equal(basics.coverage, 0.333);
    assert.ok(rep.training.courses.some((c: { id: string; completed: number }) => c.id === 'secure-coding' && c.completed === 0));
    // Exposures are counted as events: two events, one of them with two classes.
    assert.equal(rep.exposures.total, 2);
    assert.deepEqual(rep.exposures.byClass, [
      { class: 'secret', n: 2 },
      { class: 'pii', n: 1 },
    ]);
    assert.deepEqual(rep.exposures.byTool, [{ tool: 'github.copilot', n: 2 }]);
    assert.deepEqual(rep.exposures.byDeveloper.map((d: { developer: string; n: number }) => [d.developer, d.n]), [['bob@example.com', 2]]);
    assert.match(rep.log.headHash, /^[0-9a-f]{64}$/);
  });

  it('keeps the newest inventory as "present" when an older one arrives late', async () => {
    const late = ev('inventory', 'bob@example.com', { tools: [] }, { time: '2026-11-01T00:00:00.000Z' });
    await post(s.base, { events: [late] });
    const bob = (await report(s.base)).usage.filter((t: { developer: string }) => t.developer === 'bob@example.com');
    assert.equal(bob.length, 1);
    assert.equal(bob[0].present, true);
  });

  it('exports one flat CSV table with the evidence sections', async () => {
    const r = await request(`${s.base}/v1/report?format=csv`, { headers: adminAuth });
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /text\/csv/);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="ai-policy-report-/);
    const lines = r.body.trim().split('\r\n');
    assert.equal(lines[0], 'section,developer,team,item,name,status,version,active,count,coverage,first_seen,last_seen,verified,state');
    assert.ok(lines.includes('tool_usage,ann@example.com,,acme.ai-helper,Acme AI Helper,unlisted,0.3.0,false,1,,2026-11-19T09:00:00.000Z,2026-11-20T09:00:00.000Z,,present'), lines.filter((l) => l.startsWith('tool_usage')).join('\n'));
    assert.ok(lines.some((l) => l.startsWith('acknowledgement,bob@example.com,,policy v2,')));
    assert.ok(lines.some((l) => l.startsWith('not_acknowledged,cy@example.com,,policy v2,')));
    assert.ok(lines.some((l) => l.startsWith('training,ann@example.com,,ai-basics,AI basics,')));
    assert.ok(lines.includes('total,,,events,,,,,12,,,,,'));
    assert.equal((await request(`${s.base}/v1/report?format=xml`, { headers: adminAuth })).status, 400);
  });

  it('neutralizes spreadsheet formulas in CSV cells', async () => {
    await post(s.base, { events: [ev('training.completed', '=HYPERLINK("http://x")', { training: 'ai-basics' })] });
    const r = await request(`${s.base}/v1/report?format=csv`, { headers: adminAuth });
    assert.ok(r.body.includes(`"'=HYPERLINK(""http://x"")"`));
  });

  it('signs in with the admin token into a random server-side session that sign-out revokes', async () => {
    const anon = await request(`${s.base}/`);
    assert.equal(anon.status, 401);
    assert.match(anon.body, /<form method="post" action="\/login">/);
    assert.doesNotMatch(anon.body, /ann@example.com/);

    const bad = await request(`${s.base}/login`, { method: 'POST', headers: form, body: 'token=wrong' });
    assert.equal(bad.status, 303);
    assert.equal(bad.headers.location, '/?failed');
    assert.equal(bad.headers['set-cookie'], undefined);
    const ingest = await request(`${s.base}/login`, { method: 'POST', headers: form, body: `token=${TOKEN}` });
    assert.equal(ingest.status, 403, 'the ingest token does not open the dashboard');
    assert.equal(ingest.headers['set-cookie'], undefined);

    const good = await request(`${s.base}/login`, { method: 'POST', headers: form, body: `token=${ADMIN}` });
    assert.equal(good.status, 303);
    const cookie = String(good.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal(cookie.includes(ADMIN), false);
    const session = cookie.split(';')[0];
    const other = await signIn(s.base);
    assert.notEqual(other, session, 'each sign-in gets a new random session');
    assert.equal((await post(s.base, { events: [] }, session.split('=')[1])).status, 401, 'a session id is not a token');

    const page = await request(`${s.base}/`, { headers: { cookie: session } });
    assert.equal(page.status, 200);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'nonce-/);
    assert.doesNotMatch(page.body, /<script/);
    assert.match(page.body, /<svg role="img"/);
    for (const heading of ['AI adoption: who used which AI tools', 'Usage tracking: which developers had which AI tools installed', 'Policy distribution: who acknowledged which version', 'Training completion', 'Not acknowledged']) {
      assert.ok(page.body.includes(heading), heading);
    }
    assert.ok(page.body.includes('ann@example.com'));
    assert.ok(page.body.includes('Acme AI Helper'));
    assert.match(page.body, /@media print/);
    assert.doesNotMatch(page.body, /HYPERLINK\("http/, 'developer ids are escaped');
    assert.equal((await request(`${s.base}/v1/report?format=csv`, { headers: { cookie: session } })).status, 200);

    const out = await request(`${s.base}/logout`, { method: 'POST', headers: { cookie: session } });
    assert.equal(out.status, 303);
    assert.match(String(out.headers['set-cookie']), /Max-Age=0/);
    assert.equal((await request(`${s.base}/`, { headers: { cookie: session } })).status, 401, 'the session is revoked on the server');
    assert.equal((await request(`${s.base}/`, { headers: { cookie: other } })).status, 200, 'other sessions stay');
  });

  it('serves the published policy and signature with an ETag, without a token', async () => {
    const r = await request(`${s.base}/policy.yaml`);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /yaml/);
    assert.equal(r.body, fs.readFileSync(policyFile, 'utf8'));
    const etag = String(r.headers.etag);
    assert.match(etag, /^"[0-9a-f]{32}"$/);
    assert.equal((await request(`${s.base}/policy.yaml`, { headers: { 'if-none-match': etag } })).status, 304);
    const noSig = await request(`${s.base}/policy.yaml.sig`);
    assert.equal(noSig.status, 404);
    assert.match(noSig.body, /the published policy has no signature/);
    fs.writeFileSync(policyFile + '.sig', 'c2lnbmF0dXJl\n');
    const sig = await request(`${s.base}/policy.yaml.sig`);
    assert.equal(sig.status, 200);
    assert.equal(sig.body, 'c2lnbmF0dXJl\n');
    fs.appendFileSync(policyFile, '# v2.1\n');
    const changed = await request(`${s.base}/policy.yaml`, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);
  });

  it('has no published policy without --policy', async () => {
    const other = await startServer();
    try {
      const r = await request(`${other.base}/policy.yaml`);
      assert.equal(r.status, 404);
      assert.match(r.body, /no policy is published by this server/);
    } finally {
      await other.close();
    }
  });
});
