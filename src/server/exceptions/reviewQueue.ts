// The review queue page from the store: every request and decision in the log, grouped and rendered.
import { DEFAULT_EXCEPTION_MAX_DAYS } from '../../core/policy/exceptionLint';
import type { RenderRequest } from '../render/protocol';
import type { PolicyInfo } from '../report/policyInfo';
import type { RosterEntry } from '../report/roster';
import type { AuditStore } from '../store/types';
import { buildQueue } from './queue';
import { EXCEPTION_DECIDED, readDecisions, readRequests, REQUESTED } from './records';
import { requestsPage } from './requestsPage';

export async function reviewQueue(store: AuditStore, policy: PolicyInfo | undefined, roster: readonly RosterEntry[], req: RenderRequest): Promise<string> {
  const rows = await store.chainedRecords([REQUESTED, EXCEPTION_DECIDED]);
  const groups = buildQueue(readRequests(rows), readDecisions(rows), roster, policy);
  return requestsPage(groups, {
    nonce: req.nonce,
    csrf: req.csrf ?? '',
    maxDays: policy?.exceptionMaxDays ?? DEFAULT_EXCEPTION_MAX_DAYS,
    now: req.now,
    organization: policy?.organization,
    notice: req.notice,
  });
}
