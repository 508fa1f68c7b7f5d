// Time helpers for the report: instants are epoch ms, days are UTC epoch days, weeks start on Monday (UTC).
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));
export const dayIso = (day: number): string => iso(day * DAY_MS).slice(0, 10);

/** Monday 00:00 UTC of the week holding `ms` (1970-01-01 was a Thursday). */
export function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  return (day - ((day + 3) % 7)) * DAY_MS;
}
