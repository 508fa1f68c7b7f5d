// The review queue's routes. GET /requests (the page; admin token or dashboard session), POST
// /requests/decide (the page's form: dashboard session, same-origin, and the session's CSRF token), and
// GET /v1/exceptions?status=approved|declined|all (admin token or session: the decisions, for
// `ai-policy exceptions pull`). A decision is appended to the chained log by the server itself.
import { createHmac, randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import { DEFAULT_EXCEPTION_MAX_DAYS } from '../../core/policy/exceptionLint';
import { bearer, clientAddress, COOKIE, cookie, sameSecret } from '../auth';
import type { Ctx } from '../context';
import { readBody, send, sendJson } from '../http';
import { cspHeader, loginPage } from '../report/page';
import { checkDecision } from './decisionForm';
import { decisionRecord, EXCEPTION_DECIDED, readDecisions, readRequests, REQUESTED, wireDecision } from './records';

/** The form token of a dashboard session: an HMAC keyed by the session id, which only the browser's HttpOnly cookie holds. */
export function csrfToken(sessionId: string): string {
  return createHmac('sha256', sessionId).update('ai-policy review queue').digest('base64url');
}

type Access = { ok: true; sessionId?: string } | { ok: false; status: number; error: string; headers?: Record<string, string> };

/** Admin token (Bearer) or a valid dashboard session; the ingest token gets 403, a wrong token counts as a failure. */
async function adminAccess(req: http.IncomingMessage, ctx: Ctx): Promise<Access> {
  const token = bearer(req);
  if (token !== undefined) {
    const cred = await ctx.credentials.classify(token);
    if (cred.role === 'admin') return { ok: true };
    if (cred.role === 'ingest') return { ok: false, status: 403, error: 'this token can only send events; the review queue needs the admin token' };
    const wait = ctx.throttle.fail(clientAddress(req, ctx.trustProxy));
    if (wait) return { ok: false, status: 429, error: `Too many failed authentications from this address; try again in ${wait} s.`, headers: { 'retry-after': String(wait) } };
    return { ok: false, status: 401, error: 'invalid token', headers: { 'www-authenticate': 'Bearer' } };
  }
  if (await ctx.credentials.hasSession(req)) return { ok: true, sessionId: cookie(req, COOKIE) };
  return { ok: false, status: 401, error: 'admin token or dashboard session required', headers: { 'www-authenticate': 'Bearer' } };
}

function htmlHeaders(nonce: string): Record<string, string> {
  return { 'content-security-policy': cspHeader(nonce), 'x-frame-options': 'DENY' };
}

export async function requestsPageRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx, url: URL): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  const access = await adminAccess(req, ctx);
  if (!access.ok) return send(res, access.status, 'text/html; charset=utf-8', loginPage(nonce, access.status === 401 ? false : access.error), { ...htmlHeaders(nonce), ...(access.headers ?? {}) });
  const done = url.searchParams.get('done');
  const notice = done === 'approved' || done === 'declined' ? `Request ${url.searchParams.get('id')?.slice(0, 60) ?? ''} ${done}.` : undefined;
  const out = await ctx.renderer.render({ view: 'requests', query: {}, nonce, now: Date.now(), csrf: access.sessionId ? csrfToken(access.sessionId) : undefined, notice });
  send(res, out.status, out.type, Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength), { ...htmlHeaders(nonce), ...(out.headers ?? {}) });
}

/**
 * A browser's cross-site POST is refused even before the token is checked. Sec-Fetch-Site decides when the
 * browser sends it; otherwise a named Origin must be this host. (Pages here send no referrer, so a
 * browser's same-origin form posts carry `Origin: null`.)
 */
function crossSite(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

export async function decideRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  const fail = (status: number, error: string): void => send(res, status, 'text/html; charset=utf-8', loginPage(nonce, error), htmlHeaders(nonce));
  // Only the page's form decides: a dashboard session (never a bare token), from this origin, with its token.
  const sessionId = cookie(req, COOKIE);
  if (!sessionId || !(await ctx.credentials.hasSession(req))) return fail(401, 'Sign in with the admin token to decide requests.');
  if (crossSite(req)) return fail(403, 'Cross-site form submissions are refused.');
  let text: string;
  try {
    text = await readBody(req, 8192);
  } catch (e) {
    ctx.log?.(`review queue: decision body not read: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    req.resume();
    return fail(413, 'The form is too large.');
  }
  const form = new URLSearchParams(text);
  if (!sameSecret(form.get('csrf') ?? '', csrfToken(sessionId))) return fail(403, 'The form has expired or did not come from this page; reload the requests page.');
  const now = Date.now();
  const checked = checkDecision(form, now, ctx.policy?.describe()?.exceptionMaxDays ?? DEFAULT_EXCEPTION_MAX_DAYS);
  if (!checked.ok) return fail(400, checked.error);
  const rows = await ctx.store.chainedRecords([REQUESTED, EXCEPTION_DECIDED]);
  const request = readRequests(rows).find((r) => r.requestId === checked.input.requestId);
  if (!request) return fail(404, `No request ${checked.input.requestId}.`);
  if (readDecisions(rows).some((d) => d.requestId === request.requestId)) return fail(409, `Request ${request.requestId} is already decided.`);
  if (checked.input.scope === 'team' && !checked.input.team && !request.team) return fail(400, 'Scope "team" needs a team.');
  const record = decisionRecord(request, checked.input, request.team, now);
  await ctx.store.ingest({ events: [record], received: new Date(now).toISOString(), auth: 'server' });
  ctx.log?.(`review queue: request ${request.requestId} ${checked.input.status} by ${checked.input.approvedBy}`);
  send(res, 303, 'text/plain; charset=utf-8', '', { location: `/requests?done=${checked.input.status}&id=${encodeURIComponent(request.requestId)}` });
}

export async function exceptionsApiRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx, url: URL): Promise<void> {
  const access = await adminAccess(req, ctx);
  if (!access.ok) return sendJson(res, access.status, { error: access.error }, access.headers ?? {});
  const wanted = url.searchParams.get('status') ?? 'all';
  if (wanted !== 'approved' && wanted !== 'declined' && wanted !== 'all') return sendJson(res, 400, { error: 'status must be approved, declined or all' });
  const decisions = readDecisions(await ctx.store.chainedRecords([EXCEPTION_DECIDED]));
  sendJson(res, 200, { decisions: decisions.filter((d) => wanted === 'all' || d.status === wanted).map(wireDecision) });
}

/**
 * GET /v1/requests/status?ids=ID,ID: where a developer's own requests stand (pending, approved, declined),
 * for the editor to clear its pending list. Any ingest credential; an enrolled token sees only its
 * developer's requests, the shared token only requests whose (unguessable) ids it names.
 */
export async function requestStatusRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx, url: URL): Promise<void> {
  const cred = await ctx.credentials.classify(bearer(req));
  if (cred.role === 'none' || cred.role === 'invalid') {
    if (cred.role === 'invalid') ctx.throttle.fail(clientAddress(req, ctx.trustProxy));
    return sendJson(res, 401, { error: 'an ingest or admin token is required' }, { 'www-authenticate': 'Bearer' });
  }
  const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
  if (!ids.length || ids.length > 50 || ids.some((id) => !/^req-\d{8}-[0-9a-f]{16}$/.test(id))) return sendJson(res, 400, { error: 'ids must list 1 to 50 request ids' });
  const rows = await ctx.store.chainedRecords([REQUESTED, EXCEPTION_DECIDED]);
  const only = cred.role === 'ingest' && cred.auth === 'enrolled' ? cred.developer : undefined;
  const requests = readRequests(rows).filter((r) => ids.includes(r.requestId) && (only === undefined || r.developer === only));
  const decided = new Map(readDecisions(rows).map((d) => [d.requestId, d]));
  sendJson(res, 200, {
    requests: requests.map((r) => {
      const d = decided.get(r.requestId);
      return { requestId: r.requestId, status: d?.status ?? 'pending', ...(d?.status === 'approved' ? { until: d.until } : {}), ...(d?.note ? { note: d.note } : {}) };
    }),
  });
}
