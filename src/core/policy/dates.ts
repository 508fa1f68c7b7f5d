// Date helpers for policy dates (YYYY-MM-DD, read as UTC days).
export const DAY_MS = 86_400_000;

/** Midnight UTC of a YYYY-MM-DD date, or NaN. */
export function dayStart(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
}

/** True when the whole day `date` lies before `now`. */
export function isPast(date: string | undefined, now: Date): boolean {
  if (!date) return false;
  const t = dayStart(date);
  return !Number.isNaN(t) && now.getTime() >= t + DAY_MS;
}

export function addDays(t: number, days: number): number {
  return t + days * DAY_MS;
}

export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
