// Generic secrets: a random-looking value assigned to a name such as key, secret, token or password.
import type { MatchContext, Rule } from '../types';
import { entropy, looksPlaceholder } from '../validators';

const NAMES = String.raw`secret|token|passw(?:or)?d|passwd|pwd|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|auth|credential|key`;
/** Quoted value anywhere, or an unquoted value in `NAME=value` / `name: value` lines (.env, YAML, properties). */
const SOURCE =
  String.raw`(?:${NAMES})[\w.-]{0,20}?["'\`]?\s{0,4}(?:=|:=|:|=>)\s{0,4}(?:["'\`]([^"'\`\s]{8,150})["'\`]|([\w.=+/~@#%^&*!-]{10,150})[ \t]*(?:#.*)?$)`;

/** Names that hold identifiers, not secrets (`key_id`, `tokenType`, `password_file`…). */
const BENIGN_NAME =
  /(?:^|[_.-])(?:id|ids|uuid|name|names|path|file|dir|url|uri|type|kind|len|length|size|count|version|hash|digest|alg|algorithm|format|prefix|suffix|header|field|column|index|event|label|mode|method|ttl|expiry|expires|timeout|endpoint|host|region|bucket|email|user|username|login|policy|hint|pattern|regex|template|ref|env|var|provider|usage|fingerprint|schema|arn)$/;

function nameOf(ctx: MatchContext): string {
  const before = ctx.text.slice(Math.max(0, ctx.match.start - 60), ctx.match.secretStart);
  const m = /([A-Za-z_][\w.-]*)["'`]?\]?\s*(?:=|:=|:|=>)\s*["'`]?$/.exec(before);
  return m ? m[1] : '';
}

function genericSecret(value: string, ctx: MatchContext): boolean {
  const name = nameOf(ctx);
  if (!name || BENIGN_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())) return false;
  if (/keys?$/i.test(name) && !/(?:api|secret|private|access|auth|client|signing|master|encryption|app)[_.-]?keys?$/i.test(name)) return false;
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (looksPlaceholder(value) || entropy(value) < 3.5) return false;
  if (/^(?:[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Za-z]+(?:[_.-][A-Za-z]+)+\d*)$/.test(value)) return false; // identifiers
  if (/^[\w-]+\.(?:js|ts|json|ya?ml|png|svg|txt|md|html|css|pem|key|crt)$/i.test(value)) return false; // file names
  if (/^(?:https?:|\/|\.\/|\.\.\/)/.test(value) || /^v?\d+(?:\.\d+)+/.test(value)) return false; // paths, versions
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return /secret|token|pass|api[_.-]?key/i.test(name);
  return true;
}

export const genericRules: Rule[] = [
  {
    id: 'generic-secret',
    name: 'Generic secret assignment',
    family: 'generic',
    dataClass: 'secret',
    anchors: ['secret', 'token', 'passw', 'pwd', 'key', 'auth', 'credential'],
    regex: new RegExp(SOURCE, 'gim'),
    validate: genericSecret,
  },
];
