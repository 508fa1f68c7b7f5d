// Every route, every class of credential: what each one may read or send. The admin views admit the admin
// token or an admin session and nothing else; an empty, white-space (U+00A0 included) or malformed
// Authorization header is an invalid credential, refused and counted toward throttling.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { sha256 } from '../../../src/core/sha256';
import { ADMIN, ev, request, startServer, TOKEN, type Reply, type Running } from './helpers';

const ENROLLED = 'aipe_enrolled-token-for-ann-0123456789abcdef';
const SESSION = 'valid-session-id-0123456789';
const EXPIRED = 'expired-session-id-0123456789';

/** A credential as it travels: raw header bytes (latin1, so 0xA0 is one byte, as a client sends it) or a cookie. */
interface CredentialClass {
  name: string;
  authorization?: string;
  cookie?: string;
  /** What the admin views answer. */
  views: number;
  /** What POST /v1/events answers. */
  ingest: number;
}

const CLASSES: CredentialClass[] = [
  { name: 'none', views: 401, ingest: 401 },
  { name: 'empty bearer', authorization: 'Bearer ', views: 401, ingest: 401 },
  { name: 'bare scheme', authorization: 'Bearer', views: 401, ingest: 401 },
  { name: 'no-break space (0xA0)', authorization: 'Bearer \xa0', views: 401, ingest: 401 },
  { name: 'no-break spaces around nothing', authorization: 'Bearer \xa0\xa0\xa0', views: 401, ingest: 401 },
  { name: 'tab', authorization: 'Bearer \t', views: 401, ingest: 401 },
  // Node's HTTP parser refuses control characters in a header value before any route sees them.
  { name: 'vertical tab and form feed', authorization: 'Bearer \x0b\x0c', views: 400, ingest: 400 },
  { name: 'admin token behind a no-break space', authorization: `Bearer \xa0${ADMIN}`, views: 401, ingest: 401 },
  { name: 'admin token with a trailing no-break space', authorization: `Bearer ${ADMIN}\xa0`, views: 401, ingest: 401 },
  { name: 'two words', authorization: `Bearer ${ADMIN} ${ADMIN}`, views: 401, ingest: 401 },
  { name: 'basic scheme', authorization: `Basic ${Buffer.from(`admin:${ADMIN}`).toString('base64')}`, views: 401, ingest: 401 },
  { name: 'other scheme with the admin token', authorization: `Token ${ADMIN}`, views: 401, ingest: 401 },
  { name: 'wrong token', authorization: 'Bearer not-a-token-of-this-server', views: 401, ingest: 401 },
  { name: 'ingest token', authorization: `Bearer ${TOKEN}`, views: 403, ingest: 200 },
  { name: 'enrolled token', authorization: `Bearer ${ENROLLED}`, views: 403, ingest: 200 },
  { name: 'admin token', authorization: `Bearer ${ADMIN}`, views: 200, ingest: 403 },
  { name: 'admin token, lower-case scheme', authorization: `bearer ${ADMIN}`, views: 200, ingest: 403 },
  { name: 'admin session', cookie: `aip_session=${SESSION}`, views: 200, ingest: 401 },
  { name: 'expired session', cookie: `aip_session=${EXPIRED}`, views: 401, ingest: 401 },
  { name: 'unknown session', cookie: 'aip_session=never-issued-0123456789', views: 401, ingest: 401 },
  { name: 'empty session cookie', cookie: 'aip_session=', views: 401, ingest: 401 },
  { name: 'session id as a bearer token', authorization: `Bearer ${SESSION}`, views: 401, ingest: 401 },
];

const VIEWS = ['/v1/report', '/v1/report?format=csv', '/', '/developer?id=ann%40example.com', '/evidence', '/evidence/acknowledgements.csv'];

/** One request over a raw socket, so the header bytes are exactly those given (latin1). */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', `content-length: ${Buffer.byteLength(body)}`];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const i = text.indexOf('\r\n\r\n');
      resolve({ status, headers: {}, body: i >= 0 ? text.slice(i + 4) : '' });
    });
    socket.write(Buffer.from(lines.join('\r\n') + '\r\n\r\n' + body, 'latin1'));
  });
}

function headersOf(c: CredentialClass): Record<string, string> {
  const h: Record<string, string> = {};
  if (c.authorization !== undefined) h.authorization = c.authorization;
  if (c.cookie !== undefined) h.cookie = c.cookie;
  return h;
}

describe('server: every route with every credential class', () => {
  let s: Running;
  before(async () => {
    // Throttling is keyed by address and every request here comes from 127.0.0.1: raise the limit so the
    // walk measures authorization, not the throttle (the throttle has its own test below).
    s = await startServer({ authFailuresPerMinute: 100_000 });
    await s.app.store.enroll('ann@example.com', sha256(ENROLLED));
    await s.app.store.createSession(sha256(SESSION), Date.now() + 3600_000);
    await s.app.store.createSession(sha256(EXPIRED), Date.now() - 1000);
    const seeded = await request(`${s.base}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [ev('inventory', 'bob@example.com', { reason: 'start', tools: [] })] }),
    });
    assert.equal(seeded.status, 200, seeded.body);
  });
  after(async () => {
    await s.close();
  });

  for (const c of CLASSES) {
    it(`${c.name}: admin views answer ${c.views}, POST /v1/events ${c.ingest}, public routes open`, async () => {
      for (const view of VIEWS) {
        const r = await raw(s.base, 'GET', view, headersOf(c));
        assert.equal(r.status, c.views, `GET ${view} with ${c.name}: ${r.body.slice(0, 200)}`);
        if (c.views !== 200) {
          assert.doesNotMatch(r.body, /bob@example\.com|ann@example\.com/, `GET ${view} with ${c.name} shows no developer`);
          assert.doesNotMatch(r.body, /"totals"|evidence pack/i, `GET ${view} with ${c.name} shows no report`);
        }
      }
      const developer = c.name === 'enrolled token' ? 'ann@example.com' : 'carl@example.com';
      const body = JSON.stringify({ events: [ev('inventory', developer, { reason: 'start', tools: [] }, { time: new Date().toISOString() })] });
      const post = await raw(s.base, 'POST', '/v1/events', { ...headersOf(c), 'content-type': 'application/json' }, body);
      assert.equal(post.status, c.ingest, `POST /v1/events with ${c.name}: ${post.body.slice(0, 200)}`);
      for (const pub of ['/healthz']) {
        const r = await raw(s.base, 'GET', pub, headersOf(c));
        assert.equal(r.status, c.views === 400 ? 400 : 200, `GET ${pub} with ${c.name}`);
      }
    });
  }

  it('a sign-in with a white-space or empty token opens no session', async () => {
    for (const token of ['', ' ', '\xa0', '\t', `\xa0${ADMIN}`]) {
      const form = `token=${encodeURIComponent(token)}`;
      const r = await raw(s.base, 'POST', '/login', { 'content-type': 'application/x-www-form-urlencoded' }, form);
      assert.equal(r.status, 303);
      assert.doesNotMatch(r.body, /aip_session=[A-Za-z0-9_-]{20}/);
    }
  });
});

describe('server: a no-break-space bearer is an invalid credential (regression)', () => {
  let s: Running;
  beforeEach(async () => {
    s = await startServer({ authFailuresPerMinute: 5 });
  });
  afterEach(async () => {
    await s.close();
  });

  it('reads none of report, dashboard, developer page or evidence, and is throttled like any bad token', async () => {
    await request(`${s.base}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [ev('inventory', 'ann@example.com', { reason: 'start', tools: [] })] }),
    });
    const nbsp = { authorization: 'Bearer \xa0' };
    for (const view of ['/v1/report', '/', '/developer?id=ann%40example.com', '/evidence', '/evidence/acknowledgements.csv']) {
      const r = await raw(s.base, 'GET', view, nbsp);
      assert.equal(r.status, 401, `${view}: ${r.body.slice(0, 200)}`);
      assert.doesNotMatch(r.body, /ann@example\.com/);
    }
    // Five failures (the limit here) have been counted: the next try from this address waits.
    const throttled = await raw(s.base, 'GET', '/v1/report', nbsp);
    assert.equal(throttled.status, 429);
  });
});
