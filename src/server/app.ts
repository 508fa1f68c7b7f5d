// The reference audit server: ingest, report, dashboard and the published policy, on node:http.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { clearCookie, hasBearer, hasSession, sameSecret, sessionCookie } from './auth';
import { reportCsv } from './csv';
import { dashboardPage } from './dashboard';
import { openDb, type Db } from './db';
import { BodyTooLarge, readBody, send, sendJson } from './http';
import { createIngest, type Ingest } from './ingest';
import { cspHeader, loginPage } from './page';
import { PublishedPolicy } from './publishedPolicy';
import { buildReport } from './report';
import { validateBatch } from './validate';

export interface ServerOptions {
  dbFile: string;
  token: string;
  policyFile?: string;
  /** Largest accepted request body (default 5 MiB). */
  maxBodyBytes?: number;
  /** Called with each ingest body as received (for diagnostics). */
  onIngestBody?: (body: string) => void;
}

export interface AuditServer {
  server: http.Server;
  db: Db;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

export function createAuditServer(opts: ServerOptions): AuditServer {
  if (!opts.token) throw new Error('a token is required');
  const db = openDb(opts.dbFile);
  const ingest = createIngest(db);
  const policy = opts.policyFile ? new PublishedPolicy(opts.policyFile) : undefined;
  const server = http.createServer((req, res) => {
    handle(req, res, { ...opts, db, ingest, policy }).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message : 'internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  return {
    server,
    db,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

interface Ctx extends ServerOptions {
  db: Db;
  ingest: Ingest;
  policy?: PublishedPolicy;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'POST /v1/events':
      return events(req, res, ctx);
    case 'GET /v1/report':
      if (!hasSession(req, ctx.token)) return sendJson(res, 401, { error: 'token required' }, { 'www-authenticate': 'Bearer' });
      return report(res, ctx, url.searchParams.get('format') ?? 'json');
    case 'GET /': {
      const nonce = randomBytes(16).toString('base64');
      const headers = { 'content-security-policy': cspHeader(nonce), 'x-frame-options': 'DENY' };
      if (!hasSession(req, ctx.token)) return send(res, 401, 'text/html; charset=utf-8', loginPage(nonce, url.searchParams.has('failed')), headers);
      return send(res, 200, 'text/html; charset=utf-8', dashboardPage(buildReport(ctx.db, ctx.policy?.describe()), nonce), headers);
    }
    case 'POST /login': {
      const form = new URLSearchParams(await readBody(req, 4096).catch(() => ''));
      const ok = sameSecret(form.get('token') ?? '', ctx.token);
      const headers: Record<string, string> = { location: ok ? '/' : '/?failed' };
      if (ok) headers['set-cookie'] = sessionCookie(ctx.token, isHttps(req));
      return send(res, 303, 'text/plain; charset=utf-8', '', headers);
    }
    case 'POST /logout':
      return send(res, 303, 'text/plain; charset=utf-8', '', { location: '/', 'set-cookie': clearCookie() });
    case 'GET /healthz':
      return sendJson(res, 200, { ok: true });
    case 'GET /policy.yaml':
    case 'HEAD /policy.yaml':
    case 'GET /policy.yaml.sig':
    case 'HEAD /policy.yaml.sig':
      return publishedPolicy(req, res, ctx, url.pathname.endsWith('.sig') ? 'signature' : 'policy');
    default: {
      const known = ['/v1/events', '/v1/report', '/', '/login', '/logout', '/healthz', '/policy.yaml', '/policy.yaml.sig'];
      if (known.includes(url.pathname)) return sendJson(res, 405, { error: `${req.method} not allowed here` });
      return sendJson(res, 404, { error: 'not found' });
    }
  }
}

function isHttps(req: http.IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers['x-forwarded-proto'] === 'https';
}

async function events(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx): Promise<void> {
  if (!hasBearer(req, ctx.token)) {
    req.resume();
    return sendJson(res, 401, { error: 'bearer token required' }, { 'www-authenticate': 'Bearer', connection: 'close' });
  }
  let text: string;
  try {
    text = await readBody(req, ctx.maxBodyBytes ?? DEFAULT_MAX_BODY);
  } catch (e) {
    if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: `body larger than ${ctx.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes` }, { connection: 'close' });
    throw e;
  }
  ctx.onIngestBody?.(text);
  const v = validateBatch(text);
  if (!v.ok) return sendJson(res, 400, { error: v.reason });
  // The transaction commits (and, with synchronous=FULL, reaches the disk) before we answer.
  const result = ctx.ingest(v.events);
  sendJson(res, 200, result);
}

function report(res: http.ServerResponse, ctx: Ctx, format: string): void {
  const r = buildReport(ctx.db, ctx.policy?.describe());
  if (format === 'csv') {
    const name = `ai-policy-report-${r.generatedAt.slice(0, 10)}.csv`;
    return send(res, 200, 'text/csv; charset=utf-8', reportCsv(r), { 'content-disposition': `attachment; filename="${name}"` });
  }
  if (format !== 'json') return sendJson(res, 400, { error: 'format must be json or csv' });
  sendJson(res, 200, r);
}

function publishedPolicy(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx, which: 'policy' | 'signature'): void {
  const file = ctx.policy?.read(which);
  if (!file) {
    const why = !ctx.policy ? 'no policy is published by this server' : which === 'signature' ? 'the published policy has no signature' : 'the published policy cannot be read';
    return sendJson(res, 404, { error: why });
  }
  const headers = { etag: file.etag, 'cache-control': 'no-cache' };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const type = which === 'policy' ? 'application/yaml; charset=utf-8' : 'text/plain; charset=utf-8';
  res.writeHead(200, { 'content-type': type, 'content-length': file.bytes.length, 'x-content-type-options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : file.bytes);
}
