// Text to a validated Policy: YAML syntax, then the schema, then lint; every problem located at line:col.
import { lintPolicy } from './lint';
import { parseYaml } from './parse';
import { placeholderProblems } from './placeholders';
import { schemaProblems } from './schema';
import type { Policy, PolicyProblem } from './types';

export interface ValidationResult {
  /** Present when there are no errors (warnings, and errors whose code is in `tolerate`, allowed). */
  policy?: Policy;
  problems: PolicyProblem[];
}

export interface ValidateOptions {
  now?: Date;
  file?: string;
  /** Error codes that do not block the policy. */
  tolerate?: string[];
  /** Also warn at owners and contacts still at the template's example domains (the CLI; see placeholders.ts). */
  placeholders?: boolean;
}

export function validatePolicyText(text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseYaml(text);
  const withFile = (p: PolicyProblem): PolicyProblem => (options.file ? { ...p, file: options.file } : p);
  if (parsed.problems.some((p) => p.severity === 'error')) return { problems: parsed.problems.map(withFile) };
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return { problems: [withFile({ severity: 'error', code: 'schema', message: 'a policy must be a YAML mapping', line: 1, col: 1 })] };
  }
  const located = (p: PolicyProblem & { atKey?: boolean }): PolicyProblem => {
    const { atKey, ...rest } = p;
    const pos = p.path !== undefined ? parsed.locate(p.path, atKey) : undefined;
    return withFile({ ...rest, ...pos });
  };
  const schema = schemaProblems(parsed.value).map(located);
  // The lint checks run on the same value, so that every problem is reported in one run; a lint finding at a
  // place the schema already objects to would say the same thing twice.
  const taken = new Set(schema.map((p) => p.path));
  const lint = lintPolicy(parsed.value as Policy, options.now)
    .concat(options.placeholders ? placeholderProblems(parsed.value) : [])
    .filter((p) => !taken.has(p.path))
    .map(located);
  const problems = sortProblems([...parsed.problems.map(withFile), ...schema, ...lint]);
  if (schema.length) return { problems };
  const blocking = problems.some((p) => p.severity === 'error' && !options.tolerate?.includes(p.code ?? ''));
  return blocking ? { problems } : { policy: parsed.value as Policy, problems };
}

export function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

/** `file:line:col: error: message`, the format compilers and problem matchers understand. */
export function formatProblem(p: PolicyProblem, file = p.file ?? '<policy>'): string {
  const loc = p.line ? `${file}:${p.line}:${p.col ?? 1}` : file;
  return `${loc}: ${p.severity}: ${p.message}`;
}
