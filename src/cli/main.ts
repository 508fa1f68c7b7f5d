// ai-policy: the command-line face of the shared core.
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../../package.json';
import { commands } from './commands';
import { errorText } from '../core/errorText';

const USAGE = `ai-policy <command> [options]

Commands:
  init [--org NAME] [--out FILE]           write a starter policy for your organization
  validate FILE...                         check policies against the schema and lint rules
  sign --key PRIVATE.pem FILE              write FILE.sig (Ed25519, base64)
  verify --pubkey PUBLIC.pem FILE          check FILE.sig against the public key (or keys)
  keygen --out DIR                         create an Ed25519 key pair for signing policies
  scan [--policy FILE] [--format text|json|sarif] PATH...
                                           find secrets and personal data
  inventory [--policy FILE] [--extensions-dir DIR]... [--format text|json]
                                           classify installed editor extensions
  export --policy FILE --target TARGET     derive enforcement configs from the policy
  server --port P --db FILE --admin-token A [--token T] [--roster CSV] [--policy FILE] [--host H]
                                           run the reference audit server
  enroll --db FILE --developer ID          issue a per-developer ingest token (printed on the last line)
  verify-log --db FILE [--expect-head H] [--heads DIR --pubkey PUB]
                                           check the audit server's tamper-evident log
  publish-head --db FILE --head-key KEY --head-out DIR|URL
                                           sign and publish the log's head (for cron)
  hook --harness H [--policy FILE]         judge one agent hook payload (stdin) against the policy
  hooks install|uninstall|status [--harness H] [--scope user|project]
                                           put the policy hook into AI agents' hook configuration
  hooks flush                              send what the agent hooks recorded, without an editor
  disclosure check --base REF [--head REF] [--pr-body FILE] [--report URL --token T]
                                           check commits' AI trailers and the PR's disclosure (CI)
  managed [--file FILE]                    show and check this machine's managed configuration
  exceptions list|pull --policy FILE [--server URL --token ADMIN]
                                           list the policy's exceptions; merge approved ones from the server

Run "ai-policy <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`ai-policy: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  return command(rest);
}

// The audit server renders its reports in a worker thread running this same bundle.
if (!isMainThread && (workerData as { aiPolicyRenderWorker?: boolean } | null)?.aiPolicyRenderWorker) {
  void import('../server/render/renderWorker').then((m) => m.runRenderWorker());
} else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(errorText('ai-policy: failed unexpectedly:', err) + '\n');
    process.exitCode = 2;
  },
);
