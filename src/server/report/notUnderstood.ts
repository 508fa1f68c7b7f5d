// What the log holds that this server version stored without understanding it (a newer editor's event types
// and fields) and the records whose claimed time was too far ahead, counted from the counters the store
// keeps for the server's notes (rebuilt from the chained log by verify-log). Counts since the log began.
import { CLOCK_AHEAD, NOT_UNDERSTOOD_FIELD, NOT_UNDERSTOOD_TYPE } from '../store/serverNote';

export interface SkewRow {
  type: string;
  /** The field path, or '' for the whole event type. */
  field: string;
  what: 'event type not understood' | 'field not understood' | 'clock ahead';
  events: number;
}

/** The counters of server notes as rows, sorted by type and field. */
export function notUnderstoodRows(counters: Readonly<Record<string, number>>): SkewRow[] {
  const rows: SkewRow[] = [];
  for (const [name, events] of Object.entries(counters)) {
    if (name.startsWith(NOT_UNDERSTOOD_TYPE)) rows.push({ type: name.slice(NOT_UNDERSTOOD_TYPE.length), field: '', what: 'event type not understood', events });
    else if (name.startsWith(CLOCK_AHEAD)) rows.push({ type: name.slice(CLOCK_AHEAD.length), field: '', what: 'clock ahead', events });
    else if (name.startsWith(NOT_UNDERSTOOD_FIELD)) {
      const rest = name.slice(NOT_UNDERSTOOD_FIELD.length);
      const colon = rest.indexOf(':');
      rows.push({ type: rest.slice(0, colon), field: rest.slice(colon + 1), what: 'field not understood', events });
    }
  }
  return rows.sort((a, b) => (a.type === b.type ? (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) : a.type < b.type ? -1 : 1));
}
