// Generic secrets: a random-looking value assigned to a name such as key, secret, token or password.
import type { MatchContext, Rule } from '../types';
import { placeholderSecret } from '../placeholders';
import { entropy, wordy } from '../validators';

const KEYWORDS = String.raw`secrets?|tokens?|password|passwd|pwd|api_?key|auth|credentials?|keys?|pass`;
/** Quoted value anywhere, or an unquoted value in `NAME=value` / `name: value` lines (.env, YAML, properties). */
const SOURCE = String.raw`(?:${KEYWORDS})[\w.-]{0,20}?["'\`]?\]?(?:\s+[A-Za-z]\w{0,15})?\s{0,4}(?:[:?.+|]{0,3}=>?|:|,|>)\s{0,6}(?:["'\`]([^"'\`\s]{8,150})["'\`]|([\w.=+/~@#%^&*!-]{10,150})[ \t]*(?=\\[nr]|#|$))`;

/**
 * The keyword sits at a word or camelCase boundary in one of the casings identifiers use (`slackToken`,
 * `API_KEY`, `Password`), not inside a word (`tokenizer`, `monkeys`, `bypass`). Checked here rather than in the
 * regex, which stays small and quick to compile.
 */
function atBoundary(text: string, start: number, re: RegExp): boolean {
  re.lastIndex = start;
  const kw = re.exec(text)?.[0];
  if (!kw) return false;
  const before = text[start - 1] ?? '';
  const after = text[start + kw.length] ?? '';
  if (/[a-z]/.test(after)) return false;
  if (kw === kw.toLowerCase()) return !/[A-Za-z]/.test(before);
  if (kw === kw.toUpperCase() || kw === kw[0] + kw.slice(1).toLowerCase()) return !/[A-Z]/.test(before) || kw === kw.toUpperCase() && !/[A-Za-z]/.test(before);
  return false;
}

/** Names that hold identifiers or public values, not secrets (`key_id`, `tokenType`, `publicKey`…). */
const BENIGN_NAME =
  /(?:^|[_.-])(?:id|ids|uuid|name|names|path|file|dir|url|uri|type|kind|len|length|size|count|version|hash|digest|alg|algorithm|format|prefix|suffix|header|field|column|index|event|label|mode|method|ttl|expiry|expires|timeout|endpoint|host|region|bucket|email|user|username|login|policy|hint|pattern|regex|template|ref|env|var|provider|usage|fingerprint|schema|arn|source)$|public|publishable|csrf|xsrf|authenticity|sha\d*|checksum|integrity|nonce/;

/** The whole identifier around the keyword the match starts at (`GENERIC_TOKEN`, `db.password`). */
function nameOf(ctx: MatchContext): string {
  const { text } = ctx;
  let s = ctx.match.start;
  while (s > 0 && /[\w$.-]/.test(text[s - 1])) s--;
  let e = ctx.match.start;
  while (e < text.length && /[\w$.-]/.test(text[e])) e++;
  return text.slice(s, e);
}

const QUALIFIED_KEY = /(?:api|secret|private|access|auth|client|signing|master|encryption|app|license|service|account)[_.-]?keys?$/i;

function genericSecret(value: string, ctx: MatchContext, providerPrefixes: readonly string[], providerNames: RegExp | undefined, keywordAt: RegExp): boolean {
  if (!atBoundary(ctx.text, ctx.match.start, keywordAt)) return false;
  const name = nameOf(ctx);
  if (!name || BENIGN_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())) return false;
  if (providerNames?.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())) return false; // the provider's rule knows its format
  if (/keys?$/i.test(name) && !/secret|token|pass|pwd|auth|credential/i.test(name) && !QUALIFIED_KEY.test(name)) return false;
  const low = value.toLowerCase();
  if (providerPrefixes.some((p) => low.startsWith(p))) return false; // judged by the provider's own rule
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (entropy(value) < 3.5 || placeholderSecret(value) || wordy(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false; // member access
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(value)) return false; // host or file name
  if (/^[a-z0-9]+(?:[-_][a-z0-9]+)+$/.test(value) && /(?:^|[-_])[a-z]{3,}(?:[-_]|$)/.test(value)) return false; // resource name
  if (/^(?:https?:|\/|\.\/|\.\.\/)/.test(value) || /^v?\d+(?:\.\d+)+/.test(value)) return false; // paths, versions
  return !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) || /secret|token|pass|api_?key/i.test(name);
}

/**
 * `providerPrefixes`: the prefixes of token rules; `providerNames`: the provider names of keyed rules. Values
 * with one, or assigned to a name with one, are left to those rules to judge.
 */
export function genericRules(providerPrefixes: readonly string[], providerNames: readonly string[] = []): Rule[] {
  // Sticky, used synchronously within one validation.
  const keywordAt = new RegExp(KEYWORDS, 'iy');
  // At the start of a word of the name: `meraki_token`, `TwitterApiSecret`, not `booktable_token` for okta.
  const names = providerNames.length ? new RegExp(`(?<![a-z])(?:${providerNames.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})`) : undefined;
  return [
    {
      id: 'generic-secret',
      name: 'Generic secret assignment',
      family: 'generic',
      dataClass: 'secret',
      anchors: ['secret', 'token', 'passw', 'pwd', 'key', 'auth', 'credential', 'pass'],
      regex: new RegExp(SOURCE, 'gim'),
      // The match starts at the keyword; name suffix, assignment and value fit in 300 characters.
      reach: [24, 300],
      validate: (v, ctx) => genericSecret(v, ctx, providerPrefixes, names, keywordAt),
    },
  ];
}
