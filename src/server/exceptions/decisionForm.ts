// Reads and checks the review queue's decision form: the decision, scope, team or repository globs, the
// last day (from today, within the policy's maximum), the note and who decided. One error line when wrong.
import { globError } from '../../core/policy/patterns';
import type { DecisionInput } from './records';

const DAY = 86_400_000;
const line = (v: string | null): string => (v ?? '').trim();
const oneLine = (v: string): boolean => v.length <= 200 && !/[\r\n\t\0]/.test(v);

export type CheckedDecision = { ok: true; input: DecisionInput } | { ok: false; error: string };

export function checkDecision(form: URLSearchParams, now: number, maxDays: number): CheckedDecision {
  const bad = (error: string): CheckedDecision => ({ ok: false, error });
  const requestId = line(form.get('requestId'));
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(requestId)) return bad('The request id is missing or malformed.');
  const status = line(form.get('decision'));
  if (status !== 'approved' && status !== 'declined') return bad('Choose Approve or Decline.');
  const scope = line(form.get('scope'));
  if (scope !== 'person' && scope !== 'team' && scope !== 'repository') return bad('Choose a scope: person, team or repository.');
  const approvedBy = line(form.get('approvedBy'));
  if (!approvedBy || !oneLine(approvedBy)) return bad('Say who decides (one line, at most 200 characters).');
  const note = line(form.get('note'));
  if (!oneLine(note)) return bad('The note is one line of at most 200 characters.');
  if (status === 'declined' && !note) return bad('Say why the request is declined.');
  const team = line(form.get('team'));
  if (!oneLine(team)) return bad('The team is one line of at most 200 characters.');
  const repositories = line(form.get('repositories'))
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  for (const g of repositories) {
    const problem = globError(g);
    if (problem) return bad(`Repository glob "${g.slice(0, 100)}": ${problem}`);
  }
  if (status === 'approved' && scope === 'repository' && !repositories.length) return bad('Scope "repository" needs at least one repository glob.');
  const from = new Date(now).toISOString().slice(0, 10);
  const until = line(form.get('until'));
  const end = /^\d{4}-\d{2}-\d{2}$/.test(until) ? Date.parse(`${until}T00:00:00Z`) : NaN;
  if (Number.isNaN(end)) return bad('The last day must be a date (YYYY-MM-DD).');
  const days = (end - Date.parse(`${from}T00:00:00Z`)) / DAY + 1;
  if (status === 'approved' && days < 1) return bad(`The last day (${until}) is before today (${from}).`);
  if (status === 'approved' && days > maxDays) return bad(`${days} days is more than the ${maxDays} days the policy allows (exceptions.maxDays).`);
  return {
    ok: true,
    input: {
      requestId,
      status,
      approvedBy,
      scope,
      ...(team ? { team } : {}),
      ...(repositories.length ? { repositories } : {}),
      from,
      until: status === 'approved' ? until : from,
      ...(note ? { note } : {}),
    },
  };
}
