// Where events may go: HTTPS anywhere, plain HTTP only to this machine (loopback).
import { isLoopbackHost } from '../loopback';
import { httpClient } from '../nodeBuiltins';

/** Parses an endpoint URL; throws with a readable reason when it is not allowed. */
export function checkEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`audit endpoint is not a URL: ${endpoint}`);
  }
  if (url.username || url.password) throw new Error('audit endpoint must not carry credentials in the URL; use the token');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new Error(`audit endpoint must use https (plain http only to loopback): ${url.origin}`);
}

export interface PostResult {
  status: number;
  body: string;
  retryAfterSeconds?: number;
  /** The wire schema the server says it understands (WIRE_SCHEMA_HEADER; absent from older servers). */
  wireSchema?: string;
}

/** Response header in which the audit server names the wire schema it understands. */
export const WIRE_SCHEMA_HEADER = 'ai-policy-wire-schema';

/**
 * POSTs a JSON body with node:http/https. Deliberately not global fetch: inside the editor these modules
 * are the ones that honour the editor's proxy settings.
 */
export function postJson(url: URL, body: string, token: string | undefined, timeoutMs: number): Promise<PostResult> {
  const mod = httpClient(url);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'user-agent': 'ai-tool-policy-audit',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 64 * 1024) chunks.push(c);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const ra = Number(res.headers['retry-after']);
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          retryAfterSeconds: Number.isFinite(ra) && ra > 0 ? ra : undefined,
          wireSchema: typeof res.headers[WIRE_SCHEMA_HEADER] === 'string' ? res.headers[WIRE_SCHEMA_HEADER] : undefined,
        });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}
