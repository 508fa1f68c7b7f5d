// What to do about a finding, in the order a security engineer would want it: revoke and rotate the
// credential, take the value out of the file, keep AI tools away from the file, and only last allow it.
import type { Finding } from './types';

export type Remedy =
  | { kind: 'revoke'; provider: string; url: string }
  | { kind: 'env-reference'; envName: string; replacement: Replacement }
  | { kind: 'ignore-file' }
  | { kind: 'policy' }
  | { kind: 'allow' };

/** A replacement on one line: 0-based columns [start, end) become `text`; `importLine` goes at the top when missing. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
  importLine?: string;
}

/** Where each provider documents revoking and rotating its keys (by rule family). */
const REVOKE: Record<string, { provider: string; url: string }> = {
  aws: { provider: 'AWS', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html' },
  gcp: { provider: 'Google Cloud', url: 'https://cloud.google.com/iam/docs/keys-create-delete' },
  azure: { provider: 'Azure', url: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage' },
  github: { provider: 'GitHub', url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation' },
  gitlab: { provider: 'GitLab', url: 'https://docs.gitlab.com/ee/user/profile/personal_access_tokens.html' },
  slack: { provider: 'Slack', url: 'https://api.slack.com/authentication/rotation' },
  stripe: { provider: 'Stripe', url: 'https://docs.stripe.com/keys' },
  openai: { provider: 'OpenAI', url: 'https://platform.openai.com/api-keys' },
  anthropic: { provider: 'Anthropic', url: 'https://console.anthropic.com/settings/keys' },
  huggingface: { provider: 'Hugging Face', url: 'https://huggingface.co/docs/hub/security-tokens' },
  npm: { provider: 'npm', url: 'https://docs.npmjs.com/revoking-access-tokens' },
  pypi: { provider: 'PyPI', url: 'https://pypi.org/help/#apitoken' },
  dockerhub: { provider: 'Docker Hub', url: 'https://docs.docker.com/security/for-developers/access-tokens/' },
  twilio: { provider: 'Twilio', url: 'https://www.twilio.com/docs/iam/api-keys' },
  sendgrid: { provider: 'SendGrid', url: 'https://docs.sendgrid.com/ui/account-and-settings/api-keys' },
};
/** For a secret whose provider has no page of its own. */
const GENERIC_REVOKE = { provider: '', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' };

/** The revoke-and-rotate page for a secret finding (`provider` is empty for the general guide). */
export function revokeLink(f: Pick<Finding, 'family' | 'dataClass'>): { provider: string; url: string } | undefined {
  if (f.dataClass !== 'secret') return undefined;
  return REVOKE[f.family] ?? GENERIC_REVOKE;
}

/** `accessKeyId`, `api-key`, `aws-access-key-id` → `ACCESS_KEY_ID`, `API_KEY`, `AWS_ACCESS_KEY_ID`. */
export function envName(name: string): string {
  const s = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z_]/.test(s) ? s : `_${s}`;
}

const JS = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);
const PLACEHOLDER = new Set(['yaml', 'ini', 'properties', 'toml']);

/**
 * The mechanical replacement of a literal secret on `line` (columns [start, end) of the value) by an
 * environment-variable reference: `process.env.X` in JS/TS, `os.environ["X"]` in Python, a `${X}`
 * placeholder in YAML/INI/TOML. Undefined where it would not be mechanical (the value is part of a longer string).
 */
export function envReference(languageId: string, line: string, start: number, end: number, ruleId: string): { envName: string; replacement: Replacement } | undefined {
  const q = line[start - 1];
  const quoted = (q === '"' || q === "'" || q === '`') && line[end] === q;
  const before = line.slice(0, quoted ? start - 1 : start);
  const assigned = /([A-Za-z_][\w.-]*)["']?\s*(?::=|[:=])\s*$/.exec(before)?.[1]?.split('.').pop();
  const name = envName(assigned && assigned.length > 2 ? assigned : ruleId);
  const from = quoted ? start - 1 : start;
  const to = quoted ? end + 1 : end;
  if (JS.has(languageId)) return quoted ? { envName: name, replacement: { start: from, end: to, text: `process.env.${name}` } } : undefined;
  if (languageId === 'python') {
    return quoted ? { envName: name, replacement: { start: from, end: to, text: `os.environ["${name}"]`, importLine: 'import os' } } : undefined;
  }
  if (PLACEHOLDER.has(languageId) && assigned) {
    const text = quoted ? `${q}\${${name}}${q}` : `\${${name}}`;
    return { envName: name, replacement: { start: from, end: to, text } };
  }
  return undefined;
}

/**
 * The remedies for a finding, best first. `line` is the text of the finding's line (content findings).
 * Inline allowing is last, and only offered where the language has comments (`canAllow`).
 */
export function remedies(f: Finding, languageId: string, line: string | undefined, canAllow: boolean): Remedy[] {
  const out: Remedy[] = [];
  const revoke = revokeLink(f);
  if (revoke) out.push({ kind: 'revoke', ...revoke });
  if (f.kind === 'content' && f.dataClass === 'secret' && line !== undefined && f.line === f.endLine) {
    const env = envReference(languageId, line, f.col - 1, f.endCol - 1, f.ruleId);
    if (env) out.push({ kind: 'env-reference', ...env });
  }
  out.push({ kind: 'ignore-file' }, { kind: 'policy' });
  if (canAllow && f.kind === 'content') out.push({ kind: 'allow' });
  return out;
}
