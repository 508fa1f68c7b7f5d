// Reads and validates the --policy FILE of the inventory and export commands (and the files of validate).
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, formatProblem, validatePolicyText } from '../../core/policy';
import type { Policy } from '../../core/policy/types';

/** The text of a policy file, or an error line; files larger than the extension accepts are refused unread. */
export async function readPolicyText(file: string): Promise<{ text: string } | { error: string }> {
  try {
    const { size } = await stat(file);
    if (size > DEFAULT_MAX_BYTES) return { error: `${file}: error: ${size} bytes is more than the ${DEFAULT_MAX_BYTES} bytes a policy may have (the extension refuses it)` };
    return { text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (e) {
    return { error: `${file}: error: cannot read: ${(e as Error).message}` };
  }
}

/** The policy, or an error text with each problem located as `file:line:col`. */
export async function loadPolicyFile(file: string): Promise<{ policy: Policy } | { error: string }> {
  const read = await readPolicyText(file);
  if ('error' in read) return read;
  const result = validatePolicyText(read.text, { file });
  if (!result.policy) return { error: result.problems.map((p) => formatProblem(p, file)).join('\n') };
  return { policy: result.policy };
}
