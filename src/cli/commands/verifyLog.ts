// ai-policy verify-log: recomputes the audit server's hash chain. Exit 0 and the head hash when every
// row is intact; exit 1 naming the first broken row; exit 2 when the database cannot be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { describeDbSpec, isPostgresUrl, openStore } from '../../server/store';

const HELP = `ai-policy verify-log --db FILE|URL [--expect-head HASH]

  --db FILE|URL        the audit server's database: a SQLite file or a postgres:// URL (the server
                       may be running)
  --expect-head HASH   a head hash printed earlier (e.g. in an evidence pack): also check that the
                       log still contains it, so that rows removed after it are noticed
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'expect-head': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const expectHead = values['expect-head']?.toLowerCase();
  if (!values.db || (expectHead !== undefined && !/^[0-9a-f]{64}$/.test(expectHead))) {
    process.stderr.write(`ai-policy verify-log: ${!values.db ? '--db FILE or URL is required' : '--expect-head must be a 64-digit sha256 hex'}\n\n${HELP}`);
    return 2;
  }
  const db = values.db;
  const spec = isPostgresUrl(db) ? db : path.resolve(db);
  if (!isPostgresUrl(db) && !fs.existsSync(spec)) {
    process.stderr.write(`ai-policy verify-log: ${db}: no such file\n`);
    return 2;
  }
  let store;
  try {
    store = await openStore(spec, { readOnly: true });
  } catch (e) {
    process.stderr.write(`ai-policy verify-log: ${isPostgresUrl(db) ? '' : `${describeDbSpec(db)}: `}${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    const r = await store.verifyLog({ expectHead });
    if (!r.ok) {
      process.stdout.write(`BROKEN at row ${r.brokenSeq}${r.brokenId ? ` (event ${r.brokenId})` : ''}: ${r.reason}\n`);
      return 1;
    }
    if (expectHead !== undefined && !r.foundHead) {
      process.stdout.write(`BROKEN: the expected head ${expectHead} is not in the log (rows were removed or replaced after it); current head ${r.head.hash}\n`);
      return 1;
    }
    process.stdout.write(`OK ${r.head.count} events, head (row ${r.head.seq}) ${r.head.hash}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
