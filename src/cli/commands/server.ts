// ai-policy server: the reference audit server (events in, evidence report and dashboard out).
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { createAuditServer } from '../../server/app';

const HELP = `ai-policy server --port P --db FILE --token T [--policy FILE] [--host H]

  --port P        port to listen on (0 picks a free one)
  --db FILE       SQLite database file (created when missing)
  --token T       bearer token for ingest, report and dashboard (or env AI_POLICY_SERVER_TOKEN)
  --policy FILE   publish this policy at /policy.yaml (and FILE.sig at /policy.yaml.sig)
  --host H        address to bind (default 127.0.0.1)
  --max-body N    largest accepted request body in bytes (default 5 MiB)
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      token: { type: 'string' },
      policy: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'max-body': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const token = values.token || process.env.AI_POLICY_SERVER_TOKEN || '';
  const port = Number(values.port);
  const problems: string[] = [];
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) problems.push('--port must be an integer 0-65535');
  if (!values.db) problems.push('--db FILE is required');
  if (!token) problems.push('--token (or AI_POLICY_SERVER_TOKEN) is required');
  if (values.policy && !fs.existsSync(values.policy)) problems.push(`--policy: ${values.policy} does not exist`);
  const maxBody = values['max-body'] === undefined ? undefined : Number(values['max-body']);
  if (maxBody !== undefined && !(Number.isInteger(maxBody) && maxBody > 0)) problems.push('--max-body must be a positive number of bytes');
  if (problems.length) {
    process.stderr.write(problems.map((p) => `ai-policy server: ${p}\n`).join('') + '\n' + HELP);
    return 2;
  }
  const app = createAuditServer({
    dbFile: path.resolve(values.db as string),
    token,
    policyFile: values.policy ? path.resolve(values.policy) : undefined,
    maxBodyBytes: maxBody,
  });
  const host = values.host as string;
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(port, host, () => resolve());
  });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const base = `http://${shownHost}:${actualPort}`;
  process.stdout.write(`ai-policy server listening on ${base}/\n  events:    POST ${base}/v1/events\n  report:    GET  ${base}/v1/report?format=json|csv\n  dashboard: ${base}/\n`);
  if (values.policy) process.stdout.write(`  policy:    ${base}/policy.yaml\n`);
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    process.stderr.write('ai-policy server: serving plain HTTP beyond loopback; put it behind an HTTPS reverse proxy (editors only send to https).\n');
  }
  return new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      process.stdout.write(`ai-policy server: ${signal}, closing\n`);
      void app.close().then(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
