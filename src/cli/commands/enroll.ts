// ai-policy enroll: issues a per-developer ingest token. The token is printed once, on the last line of
// stdout; the store keeps only its sha256. Events sent with it must carry that developer id.
import { parseArgs } from 'node:util';
import { sha256 } from '../../core/sha256';
import { newToken } from '../../server/auth';
import { describeDbSpec, isPostgresUrl, openStore, resolveDbSpec } from '../../server/store';

const HELP = `ai-policy enroll --db FILE|URL --developer ID

  --db FILE|URL    the audit server's database: a SQLite file or a postgres:// URL (the server
                   may be running)
  --developer ID   the developer id exactly as the editor sends it (e.g. the git e-mail, or
                   anon:<hex> when the policy pseudonymizes identities)

Prints the new token on the last line. Enrolling a developer again revokes their earlier tokens.
Give the token to the developer: AI Policy: Set Audit Endpoint Token, or AI_POLICY_AUDIT_TOKEN.
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, developer: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const problems: string[] = [];
  if (!values.db) problems.push('--db FILE or URL is required');
  const developer = values.developer?.trim() ?? '';
  if (!developer) problems.push('--developer ID is required');
  else if (developer.length > 200 || /\s/.test(developer)) problems.push('--developer must be one id without spaces (at most 200 characters)');
  if (problems.length) {
    process.stderr.write(problems.map((p) => `ai-policy enroll: ${p}\n`).join('') + '\n' + HELP);
    return 2;
  }
  const db = values.db as string;
  let store;
  try {
    store = await openStore(resolveDbSpec(db), { log: (l) => void process.stderr.write(`ai-policy enroll: ${l}\n`) });
  } catch (e) {
    process.stderr.write(`ai-policy enroll: ${isPostgresUrl(db) ? '' : `${describeDbSpec(db)}: `}${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    const token = newToken();
    const { revoked } = await store.enroll(developer, sha256(token));
    process.stdout.write(`Enrolled ${developer}${revoked ? ` (revoked ${revoked} earlier token${revoked === 1 ? '' : 's'})` : ''}. Their ingest token (shown once):\n${token}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
