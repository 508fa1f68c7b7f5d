// ai-policy server: the reference audit server (events in, evidence report and dashboard out).
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { createAuditServer, tokenProblems, type AuditServer } from '../../server/app';
import { headKeyProblem, startHeadPublisher } from '../../server/headPublisher';
import { describeDbSpec, isPostgresUrl, resolveDbSpec } from '../../server/store';

const HELP = `ai-policy server --port P --db FILE|URL --admin-token A [--token T] [--roster CSV] [--policy FILE] [--host H]

  --port P              port to listen on (0 picks a free one)
  --db FILE|URL         SQLite database file (created when missing, upgraded when older), or a
                        PostgreSQL URL postgres://USER@HOST:PORT/DATABASE (password from the URL or
                        PGPASSWORD; TLS with ?sslmode=require...): several servers may share it
  --admin-token A       reads the report, dashboard and evidence pack (or env AI_POLICY_ADMIN_TOKEN)
  --token T             shared ingest token: may only send events (or env AI_POLICY_SERVER_TOKEN);
                        without it only enrolled developer tokens (ai-policy enroll) can send
  --roster CSV          expected developers (id[,team]); those who sent nothing show as "no data"
  --policy FILE         publish this policy at /policy.yaml (and FILE.sig at /policy.yaml.sig); its
                        version is the current one in the report and the evidence pack
  --policy-pubkey PUB   check FILE.sig with these public key(s); the evidence names the key
  --policy-history DIR  earlier published versions (V.yaml with V.yaml.sig): versions editors report
                        that match one (validly signed, with --policy-pubkey) show as published
  --host H              address to bind (default 127.0.0.1)
  --identity-header N   trust header N, set by an authenticating reverse proxy, as the sender's
                        developer id (off by default; only behind such a proxy)
  --trust-proxy         throttle failed sign-ins by X-Forwarded-For (behind a reverse proxy)
  --max-body N          largest accepted request body in bytes (default 5 MiB)
  --head-key KEY        sign the log's head with this Ed25519 private key (kept outside the
                        database) and publish it to --head-out every --head-interval seconds
  --head-out DIR|URL    a folder (one file per publication) or an http(s) URL (PUT)
  --head-interval S     seconds between publications (default 3600)

Tokens must be at least 16 characters.
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      token: { type: 'string' },
      'admin-token': { type: 'string' },
      roster: { type: 'string' },
      policy: { type: 'string' },
      'policy-pubkey': { type: 'string' },
      'policy-history': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'identity-header': { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      'max-body': { type: 'string' },
      'head-key': { type: 'string' },
      'head-out': { type: 'string' },
      'head-interval': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const token = values.token || process.env.AI_POLICY_SERVER_TOKEN || undefined;
  const adminToken = values['admin-token'] || process.env.AI_POLICY_ADMIN_TOKEN || '';
  const port = Number(values.port);
  const problems: string[] = [];
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) problems.push('--port must be an integer 0-65535');
  if (!values.db) problems.push('--db FILE or URL is required');
  if (!adminToken) problems.push('--admin-token (or AI_POLICY_ADMIN_TOKEN) is required');
  else problems.push(...tokenProblems({ token, adminToken }).map((p) => p.replace('the admin token', '--admin-token').replace('the ingest token', '--token')));
  if (!adminToken && token && token.length < 16) problems.push('--token is shorter than 16 characters');
  if (values.policy && !fs.existsSync(values.policy)) problems.push(`--policy: ${values.policy} does not exist`);
  if (values['policy-pubkey'] && (!values.policy || !fs.existsSync(values['policy-pubkey']))) problems.push(`--policy-pubkey needs --policy and an existing key file`);
  if (values['policy-history'] && (!values.policy || !fs.statSync(values['policy-history'], { throwIfNoEntry: false })?.isDirectory())) problems.push('--policy-history needs --policy and an existing folder');
  if (values.roster && !fs.existsSync(values.roster)) problems.push(`--roster: ${values.roster} does not exist`);
  const header = values['identity-header'];
  if (header !== undefined && !/^[A-Za-z0-9-]{1,100}$/.test(header)) problems.push('--identity-header must be a header name');
  const maxBody = values['max-body'] === undefined ? undefined : Number(values['max-body']);
  if (maxBody !== undefined && !(Number.isInteger(maxBody) && maxBody > 0)) problems.push('--max-body must be a positive number of bytes');
  let headKey: string | undefined;
  if (!values['head-key'] !== !values['head-out']) problems.push('--head-key and --head-out go together');
  else if (values['head-key']) {
    try {
      headKey = fs.readFileSync(values['head-key'], 'utf8');
      const why = headKeyProblem(headKey);
      if (why) problems.push(`--head-key: ${why}`);
    } catch (e) {
      problems.push(`--head-key: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const headInterval = Number(values['head-interval'] ?? 3600);
  if (!(Number.isInteger(headInterval) && headInterval > 0)) problems.push('--head-interval must be a positive number of seconds');
  if (problems.length) {
    process.stderr.write(problems.map((p) => `ai-policy server: ${p}\n`).join('') + '\n' + HELP);
    return 2;
  }
  const log = (line: string): void => void process.stderr.write(`ai-policy server: ${line}\n`);
  let app: AuditServer;
  try {
    app = await createAuditServer({
      dbFile: resolveDbSpec(values.db as string),
      token,
      adminToken,
      policyFile: values.policy ? path.resolve(values.policy) : undefined,
      policyKeyFile: values['policy-pubkey'] ? path.resolve(values['policy-pubkey']) : undefined,
      policyHistoryDir: values['policy-history'] ? path.resolve(values['policy-history']) : undefined,
      rosterFile: values.roster ? path.resolve(values.roster) : undefined,
      identityHeader: header,
      trustProxy: values['trust-proxy'],
      maxBodyBytes: maxBody,
      log,
    });
  } catch (e) {
    const db = values.db as string;
    process.stderr.write(`ai-policy server: ${isPostgresUrl(db) ? '' : `${describeDbSpec(db)}: `}${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const host = values.host as string;
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(port, host, () => resolve());
  });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const base = `http://${shownHost}:${actualPort}`;
  process.stdout.write(
    `ai-policy server listening on ${base}/\n  events:    POST ${base}/v1/events\n  report:    GET  ${base}/v1/report?format=json|csv[&since=YYYY-MM-DD&until=YYYY-MM-DD]\n` +
      `  dashboard: ${base}/\n  evidence:  ${base}/evidence?since=YYYY-MM-DD&until=YYYY-MM-DD\n`,
  );
  const stopHeads = headKey && values['head-out'] ? startHeadPublisher(app.store, headKey, values['head-out'], headInterval * 1000, log) : undefined;
  if (stopHeads) process.stdout.write(`  signed heads: ${values['head-out']} every ${headInterval} s\n`);
  if (!token) process.stdout.write('  no shared ingest token: only enrolled developer tokens can send events\n');
  if (values.policy) process.stdout.write(`  policy:    ${base}/policy.yaml\n`);
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    process.stderr.write('ai-policy server: serving plain HTTP beyond loopback; put it behind an HTTPS reverse proxy (editors only send to https).\n');
  }
  return new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      process.stdout.write(`ai-policy server: ${signal}, closing\n`);
      stopHeads?.();
      void app.close().then(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
