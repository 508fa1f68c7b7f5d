// Text to a validated Policy: YAML syntax, then the schema, then lint; every problem located at line:col.
import { lintPolicy } from './lint';
import { parseYaml } from './parse';
import { schemaProblems } from './schema';
import type { Policy, PolicyProblem } from './types';

export interface ValidationResult {
  /** Present when there are no errors (warnings, and errors whose code is in `tolerate`, allowed). */
  policy?: Policy;
  problems: PolicyProblem[];
}

export function validatePolicyText(text: string, options: { now?: Date; file?: string; tolerate?: string[] } = {}): ValidationResult {
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
  if (schema.length) return { problems: sortProblems([...parsed.problems.map(withFile), ...schema]) };
  const policy = parsed.value as Policy;
  const problems = sortProblems([...parsed.problems.map(withFile), ...lintPolicy(policy, options.now).map(located)]);
  const blocking = problems.some((p) => p.severity === 'error' && !options.tolerate?.includes(p.code ?? ''));
  return blocking ? { problems } : { policy, problems };
}

export function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

/** `file:line:col: error: message`, the format compilers and problem matchers understand. */
export function formatProblem(p: PolicyProblem, file = p.file ?? '<policy>'): string {
  const loc = p.line ? `${file}:${p.line}:${p.col ?? 1}` : file;
  return `${loc}: ${p.severity}: ${p.message}`;
}
