// Reads and validates the --policy FILE of the inventory and export commands.
import { readFile } from 'node:fs/promises';
import { formatProblem, validatePolicyText } from '../../core/policy';
import type { Policy } from '../../core/policy/types';

/** The policy, or an error text with each problem located as `file:line:col`. */
export async function loadPolicyFile(file: string): Promise<{ policy: Policy } | { error: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { error: `${file}: error: cannot read: ${(e as Error).message}` };
  }
  const result = validatePolicyText(text.replace(/^\uFEFF/, ''), { file });
  if (!result.policy) return { error: result.problems.map((p) => formatProblem(p, file)).join('\n') };
  return { policy: result.policy };
}
