// Credentials and roles. The ingest token (what editors hold) and enrolled per-developer tokens may only
// send events; the admin token (or a dashboard session opened with it) reads the evidence. Sessions are
// random ids kept server-side (only their hash, in the store) with an expiry, removed at sign-out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sha256 } from '../core/sha256';
import type { AuditStore } from './store/types';

export const COOKIE = 'aip_session';
export const MIN_TOKEN_LENGTH = 16;
export const SESSION_TTL_MS = 12 * 3600 * 1000;


/** Constant-time comparison (both sides hashed first, so lengths do not leak either). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** A token is visible ASCII and nothing else: no spaces, no control characters, no bytes above 0x7E. */
export const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

/**
 * The token an `Authorization` header presents: undefined when there is no such header; otherwise the
 * token of a well-formed `Bearer TOKEN`, or '' for anything else (another scheme, no token, a token with
 * inner or non-ASCII white space such as U+00A0), which classify() calls invalid. Nothing is trimmed into
 * an empty token.
 */
export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(h);
  return m && TOKEN_SHAPE.test(m[1]) ? m[1] : '';
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** A new per-developer token (printed once by `ai-policy enroll`; the store keeps its sha256). */
export function newToken(): string {
  return `aipe_${randomBytes(32).toString('base64url')}`;
}

export type Credential =
  | { role: 'admin' }
  | { role: 'ingest'; auth: 'shared' }
  | { role: 'ingest'; auth: 'enrolled'; developer: string }
  | { role: 'none' }
  | { role: 'invalid' };

export class Credentials {
  constructor(
    private readonly store: AuditStore,
    private readonly ingestToken: string | undefined,
    private readonly adminToken: string,
  ) {}

  /** What a presented token is allowed to do: 'none' only when no token was presented at all. */
  async classify(token: string | undefined): Promise<Credential> {
    if (token === undefined) return { role: 'none' };
    if (!TOKEN_SHAPE.test(token)) return { role: 'invalid' };
    if (sameSecret(token, this.adminToken)) return { role: 'admin' };
    if (this.ingestToken !== undefined && sameSecret(token, this.ingestToken)) return { role: 'ingest', auth: 'shared' };
    const developer = await this.store.enrolledDeveloper(sha256(token));
    return developer !== undefined ? { role: 'ingest', auth: 'enrolled', developer } : { role: 'invalid' };
  }

  async openSession(): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.store.createSession(sha256(id), Date.now() + SESSION_TTL_MS);
    return id;
  }

  async hasSession(req: IncomingMessage): Promise<boolean> {
    const id = cookie(req, COOKIE);
    return id !== undefined && id.length <= 100 && this.store.sessionValid(sha256(id), Date.now());
  }

  async closeSession(req: IncomingMessage): Promise<void> {
    const id = cookie(req, COOKIE);
    if (id !== undefined && id.length <= 100) await this.store.deleteSession(sha256(id));
  }
}

export function sessionCookie(id: string, secure: boolean): string {
  return `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}${secure ? '; Secure' : ''}`;
}

export function clearCookie(): string {
  return `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}

/**
 * Who a failure is counted against: an IPv4 address, or an IPv6 address's /64 (one host usually holds a
 * whole /64, so counting single IPv6 addresses would let it rotate past the limit). IPv4-mapped IPv6
 * addresses count as their IPv4 address.
 */
export function throttleKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const bare = address.split('%')[0].toLowerCase();
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return bare;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * Failed authentications per client address (IPv6 per /64) in a sliding minute. Only failures are counted
 * and only failures are refused: past the limit a wrong credential gets 429 instead of 401, while the
 * right one still works (an office behind one NAT is not locked out by someone else's typos).
 */
export class AuthThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Seconds to wait when the address is throttled, else 0. */
  retryAfter(address: string, now = Date.now()): number {
    const times = this.recent(throttleKey(address), now);
    return times.length >= this.limit ? Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000)) : 0;
  }

  /** Counts a failure; returns the seconds to wait when the address is now over the limit, else 0. */
  fail(address: string, now = Date.now()): number {
    const key = throttleKey(address);
    const times = this.recent(key, now);
    const over = times.length >= this.limit;
    times.push(now);
    this.failures.delete(key);
    this.failures.set(key, times.slice(-this.limit));
    if (this.failures.size > this.maxAddresses) this.failures.delete(this.failures.keys().next().value as string);
    return over ? this.retryAfter(address, now) : 0;
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
  }
}

/** The client's address: the socket's, or with a trusted reverse proxy the last X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : undefined;
  return forwarded || req.socket.remoteAddress || 'unknown';
}
