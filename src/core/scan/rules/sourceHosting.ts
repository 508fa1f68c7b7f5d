// Source hosting: GitHub, GitLab, Bitbucket, Atlassian.
import type { Rule } from '../types';
import { githubChecksumOk, randomLooking } from '../validators';
import { keyed, RB, token } from './define';

/** A token whose CRC32 matches is certain; otherwise it must at least look random. */
const github = (s: string) => githubChecksumOk(s) || randomLooking(s, 3.5);

/** The header and payload of a JWT are base64url JSON objects; the signature looks random. */
function jwtShaped(jwt: string): boolean {
  const [h, p, sig] = jwt.split('.');
  const json = (b: string) => Buffer.from(b, 'base64url').toString('latin1').startsWith('{"');
  return json(h) && json(p) && randomLooking(sig, 3.5);
}

export const sourceHostingRules: Rule[] = [
  token('github-token', 'GitHub token', 'github', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    String.raw`\b(gh[pousr]_[A-Za-z0-9]{36})\b`, { entropy: 0, validate: github }),
  // Installation tokens of GitHub Apps in the newer shape: `ghs_`, the app's numeric id, `_`, and a signed JWT.
  token('github-installation-token', 'GitHub App installation token', 'github', ['ghs_'],
    String.raw`\b(ghs_\d{1,12}_eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{16,})`, { entropy: 0, validate: (s) => jwtShaped(s.slice(s.indexOf('_eyJ') + 1)) }),
  token('github-fine-grained-pat', 'GitHub fine-grained token', 'github', ['github_pat_'],
    String.raw`\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`, { entropy: 3.5 }),
  token('gitlab-token', 'GitLab token', 'gitlab',
    ['glpat-', 'glptt-', 'glrt-', 'gldt-', 'glft-', 'glimt-', 'gloas-', 'glsoat-', 'glagent-', 'glcbt-', 'glffct-', 'glrtr-', 'glwt-'],
    String.raw`\b((?:glpat|glrt|gldt|glft|glimt|glsoat|glagent|glffct|glwt|glrtr)-[\w-]{20,}(?:\.[0-9a-z]{2}[0-9a-z]{7})?|glptt-[0-9a-f]{40}|gloas-[\w-]{64}|glcbt-[0-9a-fA-F]{1,5}_[\w-]{20})${RB}`,
    { entropy: 3 }),
  token('gitlab-runner-registration-token', 'GitLab runner registration token', 'gitlab', ['gr1348941'],
    String.raw`\b(GR1348941[\w-]{20})${RB}`, { entropy: 3 }),
  token('bitbucket-app-password', 'Bitbucket app password', 'bitbucket', ['atbb'], String.raw`\b(ATBB[A-Za-z0-9_=.-]{32})\b`),
  keyed('bitbucket-client-secret', 'Bitbucket client secret', 'bitbucket', ['bitbucket'], '[\\w=-]{64}', { entropy: 3.5 }),
  keyed('bitbucket-client-id', 'Bitbucket client ID', 'bitbucket', ['bitbucket'], '[A-Za-z0-9]{32}', { entropy: 3.5 }),
  token('atlassian-api-token', 'Atlassian API token', 'atlassian', ['atatt3', 'atctt3'], String.raw`\b(AT[AC]TT3[\w=-]{186})${RB}`, { entropy: 3.5 }),
  keyed('atlassian-legacy-token', 'Atlassian API token (legacy)', 'atlassian', ['atlassian', 'confluence', 'jira'],
    '[A-Za-z0-9]{24}', { entropy: 3.5 }),
];
