// ai-policy publish-head: signs the audit log's current head (hash, row, count, time) with a key kept
// outside the database and writes it to a folder or PUTs it to a URL. Run it from cron, or let the
// server do it (`server --head-key`). Exit 0 and where it went; exit 2 on bad arguments or a failure.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { headKeyProblem, publishOnce } from '../../server/headPublisher';
import { describeDbSpec, openStore, resolveDbSpec } from '../../server/store';

const HELP = `ai-policy publish-head --db FILE|URL --head-key KEY --head-out DIR|URL

  --db FILE|URL      the audit server's database (it may be running)
  --head-key KEY     Ed25519 private key (PEM, from \`ai-policy keygen\`), kept outside the database
  --head-out DIR|URL a folder (one file per publication) or an http(s) URL the head is PUT under
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'head-key': { type: 'string' }, 'head-out': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.db || !values['head-key'] || !values['head-out']) {
    process.stderr.write(`ai-policy publish-head: --db, --head-key and --head-out are required\n\n${HELP}`);
    return 2;
  }
  let key: string;
  try {
    key = fs.readFileSync(values['head-key'], 'utf8');
  } catch (e) {
    process.stderr.write(`ai-policy publish-head: --head-key: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const problem = headKeyProblem(key);
  if (problem) {
    process.stderr.write(`ai-policy publish-head: --head-key: ${problem}\n`);
    return 2;
  }
  let store;
  try {
    store = await openStore(resolveDbSpec(values.db), { readOnly: true });
  } catch (e) {
    process.stderr.write(`ai-policy publish-head: ${describeDbSpec(values.db)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    process.stdout.write(`${await publishOnce(store, key, values['head-out'])}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`ai-policy publish-head: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  } finally {
    await store.close();
  }
}
