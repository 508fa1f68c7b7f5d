// The sensitive path rules in force: the built-in ones plus the policy's dataHandling.rules[].paths.
// The one list of built-in sensitive path globs; the scanner and the ignore-file exports both read it.
import type { Policy } from '../policy/types';

export interface SensitivePath {
  /** minimatch glob on the workspace-relative path; a leading `!` marks an exception. */
  glob: string;
  class: string;
  /** Rule id (`builtin.*` for the built-in ones). */
  rule: string;
}

/** Files that commonly hold credentials or keys. Globs are workspace-relative (minimatch, dot files included). */
export const BUILTIN_SENSITIVE_PATHS: readonly SensitivePath[] = [
  ...['**/.env', '**/.env.*', '**/*.env'].map((glob) => ({ glob, class: 'secret', rule: 'builtin.env-files' })),
  ...['**/*.pem', '**/*.key', '**/*.p12', '**/*.pfx', '**/*.jks', '**/*.keystore', '**/*.kdbx'].map((glob) => ({ glob, class: 'secret', rule: 'builtin.key-files' })),
  ...['**/id_rsa', '**/id_dsa', '**/id_ecdsa', '**/id_ed25519', '**/.ssh/**'].map((glob) => ({ glob, class: 'secret', rule: 'builtin.ssh-keys' })),
  ...['**/.aws/credentials', '**/.docker/config.json', '**/.kube/config', '**/kubeconfig', '**/.npmrc', '**/.pypirc', '**/.netrc', '**/.git-credentials', '**/.htpasswd']
    .map((glob) => ({ glob, class: 'secret', rule: 'builtin.credential-files' })),
  ...['**/credentials.json', '**/service-account*.json', '**/secrets/**', '**/.secrets/**'].map((glob) => ({ glob, class: 'secret', rule: 'builtin.secret-folders' })),
  ...['**/*.tfstate', '**/*.tfstate.*', '**/*.tfvars'].map((glob) => ({ glob, class: 'secret', rule: 'builtin.terraform-state' })),
];

/** Templates that look like secret files but hold none; ignore files that support negation re-include them. */
export const BUILTIN_PATH_EXCEPTIONS: readonly string[] = ['**/.env.example', '**/.env.sample', '**/.env.template'];

/** Built-in detectors are on unless the policy says `none` (or names families without `secrets`). */
function builtinPathsOn(policy?: Policy): boolean {
  const b = policy?.dataHandling?.builtinDetectors;
  if (b === undefined || b === 'all') return true;
  if (b === 'none') return false;
  return b.some((x) => /secret/i.test(x));
}

/** Every sensitive path glob in force, built-in first, then the policy's, without duplicates. */
export function sensitivePathsInForce(policy?: Policy): { paths: SensitivePath[]; exceptions: string[] } {
  const seen = new Set<string>();
  const paths: SensitivePath[] = [];
  const add = (p: SensitivePath) => {
    if (!seen.has(p.glob)) {
      seen.add(p.glob);
      paths.push(p);
    }
  };
  const builtin = builtinPathsOn(policy);
  if (builtin) BUILTIN_SENSITIVE_PATHS.forEach(add);
  const off = new Set(policy?.dataHandling?.allowlist?.rules ?? []);
  for (const r of policy?.dataHandling?.rules ?? []) {
    if (off.has(r.id)) continue;
    for (const glob of r.paths ?? []) add({ glob, class: r.class, rule: r.id });
  }
  const exceptions = [...(builtin ? BUILTIN_PATH_EXCEPTIONS : []), ...(policy?.dataHandling?.allowlist?.paths ?? [])];
  return { paths: paths.filter((p) => !p.glob.startsWith('!')), exceptions: [...exceptions, ...paths.filter((p) => p.glob.startsWith('!')).map((p) => p.glob.slice(1))] };
}
