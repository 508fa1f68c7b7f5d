// Token checks. The API takes `Authorization: Bearer <token>`; the dashboard takes a session cookie set
// by the login form. The cookie holds an HMAC derived from the token, not the token itself, so a
// leaked cookie cannot be replayed as an API token for ingest.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'aip_session';

/** Constant-time comparison (both sides hashed first, so lengths do not leak either). */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('ai-policy-dashboard-session').digest('base64url');
}

export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(.+)$/i.exec(h) : null;
  return m ? m[1].trim() : undefined;
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export function hasBearer(req: IncomingMessage, token: string): boolean {
  const b = bearer(req);
  return b !== undefined && sameSecret(b, token);
}

/** Bearer token or dashboard session cookie. */
export function hasSession(req: IncomingMessage, token: string): boolean {
  if (hasBearer(req, token)) return true;
  const c = cookie(req, COOKIE);
  return c !== undefined && sameSecret(c, sessionValue(token));
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${COOKIE}=${sessionValue(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200${secure ? '; Secure' : ''}`;
}

export function clearCookie(): string {
  return `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}
