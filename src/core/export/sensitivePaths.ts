// The sensitive path rules in force: the built-in ones plus the policy's dataHandling.rules[].paths.
// The built-in list is the scanner's (src/core/scan/paths.ts), so the editor's warnings and the exports agree.
import type { Policy } from '../policy/types';
import { builtinPathRules } from '../scan/paths';

export interface SensitivePath {
  /** minimatch glob on the workspace-relative path; a leading `!` marks an exception. */
  glob: string;
  class: string;
  /** Rule id (`builtin.*` for the built-in ones). */
  rule: string;
}

/** The scanner's built-in path rules (src/core/scan/paths.ts), as workspace-relative globs. */
export const BUILTIN_SENSITIVE_PATHS: readonly SensitivePath[] = builtinPathRules.flatMap((r) =>
  r.globs.map((g) => ({ glob: g.includes('/') ? g : `**/${g}`, class: r.dataClass, rule: `builtin.${r.id}` })),
);

/** Templates and public keys that look sensitive but are not; ignore files that support negation re-include them. */
export const BUILTIN_PATH_EXCEPTIONS: readonly string[] = [...new Set(builtinPathRules.flatMap((r) => r.except ?? []))];

/** As the scanner: built-in path rules apply unless builtinDetectors is `none`. */
function builtinPathsOn(policy?: Policy): boolean {
  return policy?.dataHandling?.builtinDetectors !== 'none';
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
  const off = new Set(policy?.dataHandling?.allowlist?.rules ?? []);
  if (builtin) BUILTIN_SENSITIVE_PATHS.filter((p) => !off.has(p.rule.replace(/^builtin\./, ''))).forEach(add);
  for (const r of policy?.dataHandling?.rules ?? []) {
    if (off.has(r.id)) continue;
    for (const glob of r.paths ?? []) add({ glob, class: r.class, rule: r.id });
  }
  const exceptions = [...(builtin ? BUILTIN_PATH_EXCEPTIONS : []), ...(policy?.dataHandling?.allowlist?.paths ?? [])];
  return { paths: paths.filter((p) => !p.glob.startsWith('!')), exceptions: [...exceptions, ...paths.filter((p) => p.glob.startsWith('!')).map((p) => p.glob.slice(1))] };
}
