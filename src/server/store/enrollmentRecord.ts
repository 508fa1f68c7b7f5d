// An enrollment as a chained record: `enroll` appends it to the log (auth "server"), and the enrollments
// table is folded from these records like any aggregate, so verify-log can rebuild it and notice a row
// inserted or revoked behind the log's back. It carries the token's sha256, never the token.
import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CheckedEvent, IncomingEvent } from '../validate';
import { ENROLLMENT } from './eventFold';

export function enrollmentRecord(developer: string, tokenHash: string, at: number): CheckedEvent {
  const event = { id: randomUUID(), type: ENROLLMENT, time: new Date(at).toISOString(), developer, data: { tokenHash } } as unknown as IncomingEvent;
  return { event, at, developer, body: canonicalize(event) as string };
}
