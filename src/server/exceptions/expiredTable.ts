// Approved exceptions that have ended while their tool is still installed or still in use: one table, shown
// on the dashboard and in the evidence pack (section 8).
import { esc } from '../report/charts';
import { table, when } from '../report/html';
import type { ExceptionEvidenceRow } from './evidence';

export function expiredExceptionsTable(rows: readonly ExceptionEvidenceRow[]): string {
  return `<h3>Expired exceptions still in use</h3>
${table(
  ['Request', 'Requested by', 'What', 'Scope', 'Ended', 'Last seen', 'Last active'],
  rows.map((e) => [esc(e.requestId), esc(e.requestedBy), esc(e.what), `${esc(e.scope)} ${esc(e.whom)}`, esc(e.until), when(e.lastSeen), esc(e.lastActive ?? '')]),
  { id: 'ev-expired-in-use', empty: 'None: no tool is still seen or active after its exception ended.' },
)}`;
}
