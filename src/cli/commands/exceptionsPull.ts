// `ai-policy exceptions pull`: reads the approved decisions from the audit server and writes them into the
// policy file as its next version, ready to sign. The file is written only when the result validates.
import { rename, writeFile } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, formatProblem, validatePolicyText } from '../../core/policy';
import { decisionToException, parseDecisions } from '../../core/policy/exceptionDecisions';
import { mergeExceptions } from '../../core/policy/exceptionMerge';
import { sourceError } from '../../core/policy/source';
import { readPolicyText } from './policyFile';

const TIMEOUT_MS = 15_000;

/** GET {server}/v1/exceptions?status=approved with the admin token; the parsed JSON body. */
export async function fetchApprovedDecisions(server: string, token: string): Promise<unknown> {
  const url = new URL('/v1/exceptions?status=approved', server.replace(/\/*$/, '/'));
  const refused = sourceError(url.href);
  if (refused) throw new Error(refused);
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  if (!res.ok) throw new Error(`${url.href}: HTTP ${res.status}${res.status === 401 || res.status === 403 ? ' (the admin token is required)' : ''}`);
  const body = await res.text();
  // The same ceiling as a policy file: decisions are small records, a larger answer is not one.
  if (body.length > DEFAULT_MAX_BYTES) throw new Error(`${url.href}: the answer is larger than ${DEFAULT_MAX_BYTES} bytes`);
  return JSON.parse(body) as unknown;
}

export async function pull(file: string, server: string, token: string, out: (line: string) => void): Promise<number> {
  const read = await readPolicyText(file);
  if ('error' in read) return out(read.error), 1;
  const { decisions, skipped } = parseDecisions(await fetchApprovedDecisions(server, token));
  for (const s of skipped) out(`skipped ${s}`);
  const merged = mergeExceptions(read.text, decisions.map(decisionToException));
  for (const e of merged.present) out(`already in the policy: ${e.id} (request ${e.requestId ?? '?'})`);
  if (!merged.added.length) return out(`${file}: no new approved exceptions; unchanged (version ${merged.version})`), 0;
  const result = validatePolicyText(merged.text, { file });
  if (!result.policy) {
    for (const p of result.problems) out(formatProblem(p, file));
    out(`${file}: not written: the merged policy would not validate`);
    return 1;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, merged.text, 'utf8');
  await rename(tmp, file);
  for (const e of merged.added) out(`added ${e.id} (request ${e.requestId ?? '?'}) until ${e.until}`);
  out(`${file}: version ${merged.version}; sign it before publishing: ai-policy sign --key KEY ${file}`);
  return 0;
}
