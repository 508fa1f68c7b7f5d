// What the editor says about exceptions in force for this developer: "approved for you until DATE" on a tool,
// and which exceptions are due their one warning before they end. No editor API here, so it is unit-tested.
import { DAY_MS } from '../../core/policy/dates';
import { exceptionWindow, type ExceptionNote } from '../../core/tools/exceptions';
import type { Translate } from './translate';


/** Days before its end when an exception is announced, once. */
export const EXPIRY_WARNING_DAYS = 14;

const plain: Translate = (m, ...a) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]));

/** `approved for you until 2026-12-31`, `pii data cleared for team payments until …`, `approved in this repository until …`. */
export function approvalText(n: ExceptionNote, t: Translate = plain): string {
  if (n.dataClass) {
    if (n.scope === 'person') return t('{0} data cleared for you until {1}', n.dataClass, n.until);
    if (n.scope === 'team') return t('{0} data cleared for team {1} until {2}', n.dataClass, n.team ?? '', n.until);
    return t('{0} data cleared in this repository until {1}', n.dataClass, n.until);
  }
  if (n.scope === 'person') return t('approved for you until {0}', n.until);
  if (n.scope === 'team') return t('approved for team {0} until {1}', n.team ?? '', n.until);
  return t('approved in this repository until {0}', n.until);
}

/** The key remembered once an exception's end was announced: a renewal (a new end date) is announced again. */
export const warningKey = (n: Pick<ExceptionNote, 'id' | 'until'>) => `${n.id}@${n.until}`;

export interface ExpiryWarning {
  note: ExceptionNote;
  /** The tools it approves here. */
  names: string[];
  daysLeft: number;
}

/** Exceptions in force on these items that end within EXPIRY_WARNING_DAYS and were not announced yet. */
export function expiryWarningsDue(items: readonly { name: string; exceptions?: readonly ExceptionNote[] }[], warned: readonly string[], now: Date): ExpiryWarning[] {
  const due = new Map<string, ExpiryWarning>();
  for (const item of items) {
    for (const n of item.exceptions ?? []) {
      const left = exceptionWindow({ from: n.until, until: n.until }).end - now.getTime();
      if (!(left > 0 && left <= EXPIRY_WARNING_DAYS * DAY_MS) || warned.includes(warningKey(n))) continue;
      const w = due.get(warningKey(n)) ?? { note: n, names: [], daysLeft: Math.ceil(left / DAY_MS) };
      if (!w.names.includes(item.name)) w.names.push(item.name);
      due.set(warningKey(n), w);
    }
  }
  return [...due.values()].sort((a, b) => a.note.until.localeCompare(b.note.until));
}
