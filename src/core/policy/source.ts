// Fetches the policy (and its detached `.sig`) from an https URL, a loopback http URL or a file path.
// Uses node:http/https so that the editor's proxy support applies.
import { promises as fs } from 'node:fs';
import path = require('node:path');
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from '../loopback';
import { httpClient } from '../nodeBuiltins';

export interface FetchOptions {
  /** ETag of the copy we hold; a 304 answer yields `notModified`. */
  etag?: string;
  /** Largest accepted body, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** Whole-request deadline, in ms (default 15 s). */
  timeoutMs?: number;
}

export type FetchResult =
  | { notModified: true; source: string }
  | { notModified: false; source: string; data: Buffer; signature?: string; etag?: string };

export class SourceError extends Error {
  constructor(message: string, readonly source: string) {
    super(message);
    this.name = 'SourceError';
  }
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_SIG_BYTES = 4096;
const MAX_REDIRECTS = 3;

/** A reason the source is not acceptable (plain http off loopback, unknown scheme), or undefined. */
export function sourceError(source: string): string | undefined {
  if (!source) return 'no policy source is configured';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return undefined;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return `not a valid URL: ${source}`;
  }
  if (url.protocol === 'https:' || url.protocol === 'file:') return undefined;
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? undefined : `refusing plain http to ${url.hostname}: use https (http is allowed only on loopback)`;
  return `unsupported scheme ${url.protocol} (use https://, http:// on loopback, or a file path)`;
}

export async function fetchPolicy(source: string, options: FetchOptions = {}): Promise<FetchResult> {
  const bad = sourceError(source);
  if (bad) throw new SourceError(bad, source);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (/^https?:\/\//i.test(source)) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const main = await get(source, { etag: options.etag, maxBytes, timeoutMs });
    if (main.status === 304) return { notModified: true, source };
    if (main.status !== 200) throw new SourceError(`HTTP ${main.status} from ${source}`, source);
    const sig = await get(signatureUrl(source), { maxBytes: MAX_SIG_BYTES, timeoutMs });
    if (sig.status !== 200 && sig.status !== 404) throw new SourceError(`HTTP ${sig.status} fetching the signature of ${source}`, source);
    return { notModified: false, source, data: main.body, etag: main.etag, signature: sig.status === 200 ? sig.body.toString('utf8').trim() : undefined };
  }
  const file = source.startsWith('file:') ? fileURLToPath(source) : path.resolve(source);
  const data = await readBounded(file, maxBytes, source);
  let signature: string | undefined;
  try {
    signature = (await readBounded(`${file}.sig`, MAX_SIG_BYTES, source)).toString('utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return { notModified: false, source, data, signature };
}

export function signatureUrl(source: string): string {
  const url = new URL(source);
  url.pathname += '.sig';
  return url.toString();
}

async function readBounded(file: string, maxBytes: number, source: string): Promise<Buffer> {
  const stat = await fs.stat(file);
  if (stat.size > maxBytes) throw new SourceError(`${file} is ${stat.size} bytes, more than the ${maxBytes} allowed`, source);
  return fs.readFile(file);
}

interface Answer {
  status: number;
  body: Buffer;
  etag?: string;
}

function get(url: string, o: { etag?: string; maxBytes: number; timeoutMs: number }, redirects = 0): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const bad = sourceError(url);
    if (bad) return reject(new SourceError(bad, url));
    const u = new URL(url);
    const client = httpClient(u);
    const headers: Record<string, string> = { accept: 'application/yaml, text/yaml, application/json, text/plain, */*' };
    if (o.etag) headers['if-none-match'] = o.etag;
    const fail = (message: string) => {
      req.destroy();
      reject(new SourceError(message, url));
    };
    const timer = setTimeout(() => fail(`timed out after ${o.timeoutMs} ms fetching ${url}`), o.timeoutMs);
    const req = client.get(u, { headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        clearTimeout(timer);
        if (redirects >= MAX_REDIRECTS) return reject(new SourceError(`too many redirects from ${url}`, url));
        const next = new URL(res.headers.location, u).toString();
        get(next, o, redirects + 1).then(resolve, reject);
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > o.maxBytes) return fail(`response from ${url} is ${declared} bytes, more than the ${o.maxBytes} allowed`);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) return fail(`response from ${url} is larger than the ${o.maxBytes} bytes allowed`);
        chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const etag = res.headers.etag;
        resolve({ status, body: Buffer.concat(chunks), etag: typeof etag === 'string' ? etag : undefined });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(new SourceError(`reading ${url}: ${e.message}`, url));
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e instanceof SourceError ? e : new SourceError(`cannot fetch ${url}: ${e.message}`, url));
    });
  });
}
