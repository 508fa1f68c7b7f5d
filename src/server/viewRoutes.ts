// The admin's views: GET /v1/report (json|csv), / (dashboard), /developer?id=, /evidence and
// /evidence/NAME.csv. The admin token (Bearer) or a dashboard session reads them; the ingest token gets
// 403. Bad ranges or filters get 400. The page is built by the render worker.
import { randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import type { Ctx } from './context';
import { bearer, clientAddress } from './auth';
import { send, sendJson } from './http';
import type { View } from './render/protocol';
import { cspHeader, loginPage } from './report/page';
import { parseReportQuery } from './report/query';

export type ViewName = 'report' | 'dashboard' | 'developer' | 'evidence' | 'evidence-csv';

export async function viewRoute(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx, name: ViewName, url: URL): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  const html = name !== 'report' && name !== 'evidence-csv';
  const htmlHeaders = { 'content-security-policy': cspHeader(nonce), 'x-frame-options': 'DENY' };
  const address = clientAddress(req, ctx.trustProxy);
  const deny = (status: number, error: string, extra: Record<string, string> = {}): void =>
    html ? send(res, status, 'text/html; charset=utf-8', loginPage(nonce, status === 401 ? false : error), { ...htmlHeaders, ...extra }) : sendJson(res, status, { error }, extra);

  const token = bearer(req);
  if (token !== undefined) {
    // Allow-list: the admin role reads, nothing else does (whatever roles are added later).
    const cred = await ctx.credentials.classify(token);
    if (cred.role === 'ingest') return deny(403, 'this token can only send events; the report needs the admin token');
    if (cred.role !== 'admin') {
      const wait = ctx.throttle.fail(address);
      if (wait) return deny(429, `Too many failed authentications from this address; try again in ${wait} s.`, { 'retry-after': String(wait) });
      return deny(401, 'invalid token', { 'www-authenticate': 'Bearer' });
    }
  } else if (!(await ctx.credentials.hasSession(req))) {
    if (html) return send(res, 401, 'text/html; charset=utf-8', loginPage(nonce, url.searchParams.has('failed')), htmlHeaders);
    return sendJson(res, 401, { error: 'admin token or dashboard session required' }, { 'www-authenticate': 'Bearer' });
  }

  const parsed = parseReportQuery(url.searchParams);
  if (!parsed.ok) return deny(400, parsed.reason);
  const developer = url.searchParams.get('id') ?? url.searchParams.get('developer') ?? undefined;
  if (name === 'developer' && !developer) return deny(400, 'developer page needs ?id=DEVELOPER');
  let view: View;
  if (name === 'report') {
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') return sendJson(res, 400, { error: 'format must be json or csv' });
    view = format === 'csv' ? 'report-csv' : 'report-json';
  } else view = name;
  const csv = name === 'evidence-csv' ? /^\/evidence\/([a-z-]+)\.csv$/.exec(url.pathname)?.[1] : undefined;
  const out = await ctx.renderer.render({ view, query: parsed.query, developer: developer?.slice(0, 200), csv, nonce, now: Date.now() });
  send(res, out.status, out.type, Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength), { ...(html ? htmlHeaders : {}), ...(out.headers ?? {}) });
}
