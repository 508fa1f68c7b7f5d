// The reference audit server on node:http: ingest (editors), report, dashboard, developer pages and the
// evidence pack (admin), the published policy and a health check. Persistence is behind AuditStore;
// reports and pages are built in a worker thread (render/), so no route blocks the event loop.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { AuthThrottle, clearCookie, clientAddress, Credentials, MIN_TOKEN_LENGTH, sameSecret, sessionCookie, TOKEN_SHAPE } from './auth';
import type { Ctx } from './context';
import { BodyBudget, readBody, send, sendJson, UploadSlots } from './http';
import { decideRoute, exceptionsApiRoute, requestsPageRoute, requestStatusRoute } from './exceptions/routes';
import { ingestRoute } from './ingestRoute';
import { GroupCommit } from './otlp/groupCommit';
import { PolicyKey } from './otlp/policyKey';
import { RateLimit } from './otlp/rateLimit';
import { otlpRoute } from './otlp/route';
import { PublishedPolicy } from './publishedPolicy';
import { Renderer } from './render/renderer';
import { Roster } from './report/roster';
import { cspHeader, loginPage } from './report/page';
import { openStore } from './store';
import type { AuditStore } from './store/types';
import { viewRoute, type ViewName } from './viewRoutes';

export interface ServerOptions {
  /** The store: a SQLite file path or a postgres:// URL. */
  dbFile: string;
  /** Shared ingest token (optional when every developer is enrolled). */
  token?: string;
  /** Reads report, dashboard and evidence. */
  adminToken: string;
  policyFile?: string;
  /** Public key(s) (PEM) to check the published policy's signature with; the evidence names the key that verified it. */
  policyKeyFile?: string;
  /** A folder of earlier published versions (FILE.yaml with FILE.yaml.sig), shown as published, not claimed. */
  policyHistoryDir?: string;
  /** CSV of expected developers (id, optional team). */
  rosterFile?: string;
  /** Trust this header (set by an authenticating reverse proxy) as the sender's developer id. */
  identityHeader?: string;
  /** Take the client address for throttling from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Largest accepted request body (default 5 MiB). */
  maxBodyBytes?: number;
  /** Request body bytes read at once across connections (default 4 x maxBodyBytes). */
  maxConcurrentBodyBytes?: number;
  /** Uploads read at once per credential (default 16; the shared token counts per address) and per address (default 8). */
  uploadsPerCredential?: number;
  uploadsPerAddress?: number;
  /** An upload slower than this on average after `uploadGraceMs` is dropped with 408 (default 4 KiB/s after 5 s). */
  minUploadBytesPerSecond?: number;
  uploadGraceMs?: number;
  /** Failed authentications per address per minute before 429 (default 20). */
  authFailuresPerMinute?: number;
  /** OTLP requests (/v1/logs, /v1/metrics) per client address per minute before 429 (default 1200). */
  otlpRequestsPerMinute?: number;
  /** Called with each ingest body as received (for diagnostics). */
  onIngestBody?: (body: string) => void;
  log?: (line: string) => void;
}

export interface AuditServer {
  server: http.Server;
  store: AuditStore;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

/** Refuses weak or confusable tokens (the CLI shows these messages at start). */
export function tokenProblems(opts: Pick<ServerOptions, 'token' | 'adminToken'>): string[] {
  const problems: string[] = [];
  if (!opts.adminToken) problems.push('an admin token is required (it reads the evidence)');
  else if (opts.adminToken.length < MIN_TOKEN_LENGTH) problems.push(`the admin token is shorter than ${MIN_TOKEN_LENGTH} characters`);
  else if (!TOKEN_SHAPE.test(opts.adminToken)) problems.push('the admin token must be printable ASCII without spaces');
  if (opts.token !== undefined && opts.token.length < MIN_TOKEN_LENGTH) problems.push(`the ingest token is shorter than ${MIN_TOKEN_LENGTH} characters`);
  else if (opts.token !== undefined && !TOKEN_SHAPE.test(opts.token)) problems.push('the ingest token must be printable ASCII without spaces');
  if (opts.token && opts.adminToken && sameSecret(opts.token, opts.adminToken)) problems.push('the ingest and admin tokens must differ');
  return problems;
}

export async function createAuditServer(opts: ServerOptions): Promise<AuditServer> {
  const problems = tokenProblems(opts);
  if (problems.length) throw new Error(problems.join('; '));
  // Read once here so that a broken roster stops the start; the render worker reads it from then on.
  if (opts.rosterFile) new Roster(opts.rosterFile, opts.log);
  const store = await openStore(opts.dbFile, { log: opts.log });
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const policy = opts.policyFile ? new PublishedPolicy(opts.policyFile, opts.policyKeyFile, opts.policyHistoryDir) : undefined;
  const ctx: Ctx = {
    store,
    credentials: new Credentials(store, opts.token || undefined, opts.adminToken),
    throttle: new AuthThrottle(opts.authFailuresPerMinute ?? 20),
    bodies: new BodyBudget(opts.maxConcurrentBodyBytes ?? 4 * maxBodyBytes),
    uploads: {
      perCredential: new UploadSlots(opts.uploadsPerCredential ?? 16),
      perAddress: new UploadSlots(opts.uploadsPerAddress ?? 8),
      minBytesPerSecond: opts.minUploadBytesPerSecond ?? 4096,
      graceMs: opts.uploadGraceMs ?? 5000,
    },
    renderer: new Renderer({ db: opts.dbFile, policyFile: opts.policyFile, policyKeyFile: opts.policyKeyFile, policyHistoryDir: opts.policyHistoryDir, rosterFile: opts.rosterFile }),
    policy,
    policyKey: new PolicyKey(policy, opts.log),
    otlpRate: new RateLimit(opts.otlpRequestsPerMinute ?? 1200),
    usageWrites: new GroupCommit((b) => store.ingestUsage(b)),
    maxBodyBytes,
    trustProxy: !!opts.trustProxy,
    identityHeader: opts.identityHeader?.toLowerCase(),
    onIngestBody: opts.onIngestBody,
    log: opts.log,
  };
  const server = http.createServer((req, res) => {
    handle(req, res, ctx).catch((e: unknown) => {
      opts.log?.(`error on ${req.method} ${req.url?.slice(0, 100)}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  return {
    server,
    store,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          void ctx.renderer.close().then(() => store.close()).then(resolve);
        });
        server.closeAllConnections();
      }),
  };
}

const VIEWS: Record<string, ViewName> = { '/': 'dashboard', '/v1/report': 'report', '/developer': 'developer', '/evidence': 'evidence' };

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (req.method === 'POST' && path === '/v1/events') return ingestRoute(req, res, ctx);
  if (req.method === 'POST' && (path === '/v1/logs' || path === '/v1/metrics')) return otlpRoute(req, res, ctx, path === '/v1/logs' ? 'logs' : 'metrics');
  if (req.method === 'GET' && (VIEWS[path] || /^\/evidence\/[a-z-]+\.csv$/.test(path))) return viewRoute(req, res, ctx, VIEWS[path] ?? 'evidence-csv', url);
  if (req.method === 'GET' && path === '/requests') return requestsPageRoute(req, res, ctx, url);
  if (req.method === 'POST' && path === '/requests/decide') return decideRoute(req, res, ctx);
  if (req.method === 'GET' && path === '/v1/exceptions') return exceptionsApiRoute(req, res, ctx, url);
  if (req.method === 'GET' && path === '/v1/requests/status') return requestStatusRoute(req, res, ctx, url);
  if (req.method === 'POST' && path === '/login') return login(req, res, ctx);
  if (req.method === 'POST' && path === '/logout') {
    await ctx.credentials.closeSession(req);
    return send(res, 303, 'text/plain; charset=utf-8', '', { location: '/', 'set-cookie': clearCookie() });
  }
  if (req.method === 'GET' && path === '/healthz') {
    const h = await ctx.store.health();
    return sendJson(res, h.ok ? 200 : 503, h.ok ? { ok: true, schema: h.schemaVersion, events: h.head?.count } : { ok: false, error: h.problem });
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/policy.yaml' || path === '/policy.yaml.sig')) {
    return publishedPolicy(req, res, ctx, path.endsWith('.sig') ? 'signature' : 'policy');
  }
  const known = ['/v1/events', '/v1/logs', '/v1/metrics', '/v1/report', '/', '/developer', '/evidence', '/login', '/logout', '/healthz', '/policy.yaml', '/policy.yaml.sig', '/requests', '/requests/decide', '/v1/exceptions', '/v1/requests/status'];
  if (known.includes(path)) return sendJson(res, 405, { error: `${req.method} not allowed here` });
  return sendJson(res, 404, { error: 'not found' });
}

function isHttps(req: http.IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers['x-forwarded-proto'] === 'https';
}

async function login(req: http.IncomingMessage, res: http.ServerResponse, ctx: Ctx): Promise<void> {
  const address = clientAddress(req, ctx.trustProxy);
  const nonce = randomBytes(16).toString('base64');
  const html = { 'content-security-policy': cspHeader(nonce), 'x-frame-options': 'DENY' };
  const form = new URLSearchParams(await readBody(req, 4096).catch(() => ''));
  const cred = await ctx.credentials.classify(form.get('token') ?? '');
  if (cred.role === 'admin') {
    const id = await ctx.credentials.openSession();
    return send(res, 303, 'text/plain; charset=utf-8', '', { location: '/', 'set-cookie': sessionCookie(id, isHttps(req)) });
  }
  if (cred.role === 'ingest') return send(res, 403, 'text/html; charset=utf-8', loginPage(nonce, 'This token can only send events; sign in with the admin token.'), html);
  const wait = ctx.throttle.fail(address);
  if (wait) return send(res, 429, 'text/html; charset=utf-8', loginPage(nonce, `Too many failed sign-ins from this address; try again in ${wait} s.`), { ...html, 'retry-after': String(wait) });
  return send(res, 303, 'text/plain; charset=utf-8', '', { location: '/?failed' });
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

