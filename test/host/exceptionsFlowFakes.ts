// The files of the exceptions end-to-end run, written when the runs are defined (before VS Code starts): an
// Ed25519 key pair, policy v1 signed with it (the starter with exceptions.maxDays 21 and unlisted MCP servers
// prohibited), and the global git configuration whose user.email is the developer's audit identity.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSigningKeys, signPolicy } from '../../src/core/policy';
import { repoRoot } from '../harness/workspaceSetup';

// In this checkout's test-output (another checkout's run on the same machine must not rewrite it).
const dir = path.join(repoRoot(), 'test-output', 'host-fixtures', 'exceptions-flow');

export const exceptionsFlow = {
  dir,
  /** The policy the editor reads (machine setting), with its `.sig` beside it. */
  policy: path.join(dir, 'published', 'org.aipolicy.yaml'),
  privateKey: path.join(dir, 'policy-signing.key'),
  publicKey: path.join(dir, 'policy-signing.pub'),
  /** GIT_CONFIG_GLOBAL of the editor: names the developer. */
  gitConfig: path.join(dir, 'gitconfig'),
  developer: 'dev.flow@example.com',
};

/** Writes the run's keys, signed policy v1 and git configuration afresh; returns the public key (PEM). */
export function writeExceptionsFlow(): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(exceptionsFlow.policy), { recursive: true });
  const keys = generateSigningKeys();
  fs.writeFileSync(exceptionsFlow.privateKey, keys.privateKeyPem, { mode: 0o600 });
  fs.writeFileSync(exceptionsFlow.publicKey, keys.publicKeyPem);
  const starter = fs.readFileSync(path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml'), 'utf8');
  const v1 = starter.replace(/^version: 1$/m, 'version: 1\nexceptions:\n  maxDays: 21') + '\nmcp:\n  unlisted: prohibited\n  servers: []\n';
  fs.writeFileSync(exceptionsFlow.policy, v1);
  fs.writeFileSync(`${exceptionsFlow.policy}.sig`, signPolicy(v1, keys.privateKeyPem) + '\n');
  fs.writeFileSync(exceptionsFlow.gitConfig, `[user]\n\temail = ${exceptionsFlow.developer}\n`);
  return keys.publicKeyPem;
}
