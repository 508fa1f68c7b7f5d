// ai-policy verify-log: recomputes the audit server's hash chain, rebuilds the report's tables from the
// chained log and compares them, runs the database's integrity check, and with --heads checks that each
// signed head published earlier is still the hash of its row. Exit 0 and the head hash when all holds;
// exit 1 naming what is broken; exit 2 when the database or the heads cannot be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readPublicKey, readSignedHead } from '../../server/signedHead';
import { describeDbSpec, isPostgresUrl, openStore } from '../../server/store';
import type { Anchor } from '../../server/store/types';

const HELP = `ai-policy verify-log --db FILE|URL [--expect-head HASH] [--heads DIR --pubkey PUB]

  --db FILE|URL        the audit server's database: a SQLite file or a postgres:// URL (the server
                       may be running)
  --expect-head HASH   a head hash printed earlier (e.g. in an evidence pack): also check that the
                       log still contains it, so that rows removed after it are noticed
  --heads DIR          signed heads published by \`server --head-key\` or \`publish-head\`: each must
                       be signed by --pubkey and still be the hash of its row in today's log
  --pubkey PUB         the heads' public key (PEM), kept apart from the database
`;

function anchorsFrom(dir: string, pubkey: string): { anchors: Anchor[]; problems: string[] } {
  const key = readPublicKey(pubkey);
  const anchors: Anchor[] = [];
  const problems: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const r = readSignedHead(fs.readFileSync(path.join(dir, name), 'utf8'), key);
    if (r.ok) anchors.push(r.anchor);
    else problems.push(`${name}: ${r.reason}`);
  }
  return { anchors, problems };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'expect-head': { type: 'string' }, heads: { type: 'string' }, pubkey: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const expectHead = values['expect-head']?.toLowerCase();
  const usage = !values.db
    ? '--db FILE or URL is required'
    : expectHead !== undefined && !/^[0-9a-f]{64}$/.test(expectHead)
      ? '--expect-head must be a 64-digit sha256 hex'
      : !values.heads !== !values.pubkey
        ? '--heads and --pubkey go together'
        : undefined;
  if (usage || !values.db) {
    process.stderr.write(`ai-policy verify-log: ${usage}\n\n${HELP}`);
    return 2;
  }
  const anchors: Anchor[] = expectHead ? [{ hash: expectHead }] : [];
  if (values.heads && values.pubkey) {
    let read;
    try {
      read = anchorsFrom(values.heads, values.pubkey);
    } catch (e) {
      process.stderr.write(`ai-policy verify-log: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    if (read.problems.length) {
      process.stdout.write(`BROKEN: published heads that do not verify:\n${read.problems.map((p) => `  ${p}\n`).join('')}`);
      return 1;
    }
    if (!read.anchors.length) {
      process.stderr.write(`ai-policy verify-log: ${values.heads} holds no signed heads (*.json)\n`);
      return 2;
    }
    anchors.push(...read.anchors);
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
    const r = await store.verifyLog({ anchors });
    if (!r.ok) {
      process.stdout.write(r.brokenSeq > 0 ? `BROKEN at row ${r.brokenSeq}${r.brokenId ? ` (event ${r.brokenId})` : ''}: ${r.reason}\n` : `BROKEN: ${r.reason}\n`);
      return 1;
    }
    if (anchors.length && !r.foundHead) {
      const what = expectHead !== undefined && anchors.length === 1 ? `the expected head ${expectHead} is` : 'a published head is';
      process.stdout.write(`BROKEN: ${what} not in the log (rows were removed or replaced after it); current head ${r.head.hash}\n`);
      return 1;
    }
    for (const note of r.notes ?? []) process.stdout.write(`note: ${note}\n`);
    const heads = values.heads ? `, ${anchors.length - (expectHead ? 1 : 0)} published heads are prefixes of it` : '';
    process.stdout.write(`OK ${r.head.count} events, head (row ${r.head.seq}) ${r.head.hash}${heads}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
