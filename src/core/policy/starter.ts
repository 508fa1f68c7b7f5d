// The starter sample made into an organization's first policy: its name and today's dates, nothing else.
import { addDays, dayStart, isoDay } from './dates';

export interface StarterOptions {
  organization: string;
  /** "Today"; the policy is published, effective and reviewed on this day (UTC). */
  now: Date;
}

/** The name the starter sample uses for its organization. */
export const SAMPLE_ORGANIZATION = 'Example Corp';

/** A problem with the organization name, or undefined when it can be written into the policy. */
export function organizationError(name: string): string | undefined {
  if (!name.trim()) return 'the organization name is empty';
  if (/[\r\n]/.test(name)) return 'the organization name must be one line';
  if (name.length > 200) return 'the organization name is longer than 200 characters';
  return undefined;
}

/** The starter sample's text with the organization's name and dates from `now`; validates as written. */
export function starterPolicy(sampleText: string, o: StarterOptions): string {
  const error = organizationError(o.organization);
  if (error) throw new Error(error);
  const today = isoDay(dayStart(o.now.toISOString().slice(0, 10)));
  const nextReview = sameDayNextYear(today);
  // Valid a little beyond the review date, so that a late review does not switch the policy off at once.
  const expires = isoDay(addDays(dayStart(nextReview), 61));
  const name = o.organization.trim();
  const dates: Record<string, string> = { published: today, effective: today, reviewedOn: today, nextReview, expires };
  let text = sampleText.replace(/^# yaml-language-server:.*\n/m, '');
  text = text.replace(/^# Starter AI tool policy:.*$/m, (line) => `${line}\n# Written by "ai-policy init" on ${today}. Replace the example people and addresses, then run "ai-policy validate".`);
  for (const [key, value] of Object.entries(dates)) text = replaceLine(text, key, value);
  text = replaceLine(text, 'organization', yamlScalar(name));
  // Elsewhere the name stands inside Markdown text (block scalars), where it needs no quoting.
  return text.split(SAMPLE_ORGANIZATION).join(name);
}

function replaceLine(text: string, key: string, value: string): string {
  const re = new RegExp(`^${key}: .*$`, 'm');
  if (!re.test(text)) throw new Error(`the starter sample has no top-level "${key}"`);
  return text.replace(re, () => `${key}: ${value}`);
}

/** The same day a year later; 29 February becomes 28 February (so at most 365 days). */
function sameDayNextYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return isoDay(next.getTime());
}

/** A YAML plain scalar when that reads back as the same string, else a double-quoted (JSON) one. */
function yamlScalar(s: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9 .,&()'/+-]*$/.test(s) && !/ #|: |\s$/.test(s) && !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}
