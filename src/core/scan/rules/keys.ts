// Structural secrets: private key blocks, JWTs, credentials in URLs and commands, Kubernetes secrets.
import type { MatchContext, Rule } from '../types';
import { placeholderSecret } from '../placeholders';
import { looksPlaceholder, randomLooking } from '../validators';
import { ci, token } from './define';

function decodes(b64: string): string {
  return Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}

/** A JWT header is base64url JSON. */
const jwtHeader = (s: string) => decodes(s.slice(0, s.indexOf('.'))).startsWith('{');

/** Registered claims (RFC 7519 §4.1) and the usual identity and permission claims. */
const AUTH_CLAIM = /"(?:iss|sub|aud|exp|nbf|iat|jti|uid|user\w*|id|email|roles?|scopes?|permissions|azp|client_id|name)"\s*:/i;

/**
 * A token a server would accept says who or until when: a registered or identity claim, or several claims.
 * A payload of one other member (`{"confidence":0.8}`) is data signed for integrity, not a credential.
 */
function jwtCredential(s: string): boolean {
  if (!jwtHeader(s)) return false;
  const parts = s.split('.');
  const payload = decodes(parts[1] ?? '');
  if (AUTH_CLAIM.test(payload)) return true;
  try {
    const claims: unknown = JSON.parse(payload);
    return typeof claims !== 'object' || claims === null || Object.keys(claims).length >= 2;
  } catch {
    return true; // cut or escaped: judge by the shape alone
  }
}
/** A base64-wrapped JWT decodes to `eyJ….eyJ…`. */
const wrappedJwt = (s: string) => /^eyJ[\w-]{4,}\.eyJ[\w-]{4,}\./.test(decodes(s)) && jwtHeader(decodes(s));

const WEAK = /^(?:pass(?:word|wd)?|pwd|secret|user(?:name)?|test|admin|root|changeme|none|null|undefined|token|api[_-]?key|key|\*+|x+)$/i;
/** A password part that is real text, not a variable, template or placeholder (see placeholders.ts). */
const realPassword = (p: string) => !WEAK.test(p) && !/^[$%{<[]|^\$\(/.test(p) && !placeholderSecret(p);

/** Documentation examples use reserved domains (RFC 2606): `https://user:pass@example.com`. */
function exampleHost(ctx: MatchContext): boolean {
  const host = ctx.text.slice(ctx.match.secretStart + ctx.match.secret.length + 1, ctx.match.end).toLowerCase();
  return /(?:^|\.)example\.(?:com|org|net)$|\.(?:example|test|invalid)$/.test(host);
}

/** `user:password` (quoted or not) where the password is real; a lone key with an empty user or password counts. */
function userPass(raw: string): boolean {
  if (/\{\{|\$[({]/.test(raw)) return false;
  const s = raw.replace(/["'{}<>]/g, '');
  const i = s.indexOf(':');
  if (i < 0 || /^\s*\$|:\s*\$/.test(s)) return false;
  const user = s.slice(0, i);
  const pass = s.slice(i + 1);
  if (!pass || !user) return randomLooking(user || pass, 3) && /\d/.test(user || pass);
  return pass !== user && realPassword(pass) && pass.length >= 3;
}

/** Basic credentials are `user:password` in base64 (RFC 7617); anything else after `Basic` is not what it says. */
const basicCredentials = (s: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(s) && Buffer.from(s, 'base64').toString('latin1').includes(':');

/** Inside the `data:` or `stringData:` block of a manifest of kind Secret. */
function k8sData(_s: string, ctx: MatchContext): boolean {
  const docStart = ctx.text.lastIndexOf('\n---', ctx.match.start) + 1;
  let docEnd = ctx.text.indexOf('\n---', ctx.match.start);
  if (docEnd < 0) docEnd = ctx.text.length;
  // The manifest's own top-level kind, not a `kind: Secret` nested in a reference (secretKeyRef, ownerReferences…).
  // Top level: at the indentation of the document's `apiVersion:` (or none).
  const doc = ctx.text.slice(docStart, docEnd);
  const top = /^([ \t]*)apiVersion:/m.exec(doc)?.[1] ?? '';
  const kinds = doc.match(/^[ \t]*kind:[ \t]*["']?secret["']?[ \t]*$/gim) ?? [];
  if (!kinds.some((k) => /^[ \t]*/.exec(k)?.[0] === top)) return false;
  const lines = ctx.text.slice(0, ctx.match.start).split('\n');
  const cur = ctx.text.slice(ctx.match.start).split('\n')[0];
  lines.pop();
  let indent = /^[ \t]*/.exec(cur)?.[0].length ?? 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l.trim() || l.trim().startsWith('#')) continue;
    const ind = /^[ \t]*/.exec(l)?.[0].length ?? 0;
    if (ind < indent) {
      if (/^\s*(?:data|stringData):\s*$/.test(l)) return true;
      if (/:\s*[|>][-+]?\s*$/.test(l)) {
        indent = ind;
        continue;
      }
      return false;
    }
  }
  return false;
}

export const keyRules: Rule[] = [
  token('private-key', 'Private key', 'private-key', ['private key'],
    String.raw`(-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,8192}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)`,
    { entropy: 0, multiline: true, validate: (s) => (s.replace(/-----[^-]+-----/g, '').match(/[A-Za-z0-9+/=]/g)?.length ?? 0) >= 64 }),
  token('jwt', 'JSON Web Token', 'jwt', ['eyj'],
    String.raw`\b(ey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.(?:[A-Za-z0-9/\\_-]{10,}={0,2})?)`, { entropy: 0, validate: jwtCredential }),
  token('jwt-base64', 'Base64-encoded JSON Web Token', 'jwt', ['zxlk'],
    String.raw`\b(ZXlK[A-Za-z0-9+/]{60,}={0,2})`, { entropy: 0, validate: wrappedJwt }),
  token('url-password', 'Password in URL or connection string', 'connection-string', ['://'],
    String.raw`://(?<=\b[a-zA-Z][a-zA-Z0-9+.-]{1,30}://)[^\s:/@'"<>{}\`]{1,64}:([^\s@/'"<>\`]{3,128})@[\w-]+(?:\.[\w-]+)*`,
    { entropy: 0, validate: (p, ctx) => realPassword(p) && !exampleHost(ctx) }),
  token('connection-string-password', 'Password in connection string', 'connection-string', ['password=', 'pwd='],
    String.raw`(?:${ci('server')}|${ci('data source')}|${ci('host')}|${ci('address')})=[^;'"\n]+;[^'"\n]*?(?:${ci('password')}|${ci('pwd')})=([^;'"\s]{4,})`,
    { entropy: 0, validate: realPassword }),
  token('curl-basic-auth', 'Credentials in a curl command', 'curl', ['curl'],
    String.raw`\bcurl\b(?:[^\n]|\\\n|\n(?=[ \t]*#?[ \t]+-)){0,600}?\s(?:-u|--user)[\s=]+((?:["'][^"'\n]*["']|[^\s"':]+)(?::(?:["'][^"'\n]*["']|[^\s"']+))?)`,
    { entropy: 0, validate: userPass }),
  token('curl-auth-header', 'Authorization header in a curl command', 'curl', ['curl'],
    String.raw`\bcurl\b(?:[^\n]|\\\n|\n(?=[ \t]*#?[ \t]+-)){0,600}?(?:-H|--header)\s*["'][\w-]*(?:${ci('auth')}|${ci('token')}|${ci('key')}|${ci('secret')})[\w-]*:\s*(?:[A-Za-z-]{3,12}\s+)?([^\s'"]{8,})`,
    { entropy: 2.5, validate: (s, ctx) => !/^[$%{<]/.test(s) && (!/\bBasic\s+$/i.test(ctx.text.slice(Math.max(0, ctx.match.secretStart - 12), ctx.match.secretStart)) || basicCredentials(s)) }),
  token('bearer-token', 'Bearer token', 'bearer', ['bearer '], String.raw`\bBearer\s+([A-Za-z0-9._~+/-]{24,}=*)`, { entropy: 3.5 }),
  token('kubernetes-secret', 'Kubernetes Secret data', 'kubernetes', ['kind: secret', "kind: 'secret'", 'kind: "secret"'],
    String.raw`^[ \t]+[\w.-]+:[ \t]*(?:[|>][-+]?[ \t]*\n[ \t]+)?["']?([A-Za-z0-9+/]{10,}={0,2})["']?[ \t]*$`,
    { entropy: 0, flags: 'm', multiline: true, validate: (s, ctx) => !looksPlaceholder(s) && k8sData(s, ctx) }),
];
