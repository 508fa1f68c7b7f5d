// The whole corpus: attacks and everyday calls, by category (the order categories first appear in).
import { ATTACKS } from './attacks';
import { EVERYDAY } from './everyday';
import type { CorpusCase } from './shapes';

export const CORPUS: readonly CorpusCase[] = [...ATTACKS, ...EVERYDAY];

export function categories(cases: readonly CorpusCase[] = CORPUS): string[] {
  return [...new Set(cases.map((c) => c.category))];
}

/** The values a hook's answer, output or audit spool must never repeat. */
export const SECRET_VARS = ['STRIPE_KEY', 'STRIPE_KEY_PROD', 'AWS_SECRET', 'OLD_AWS_SECRET', 'DB_PASSWORD', 'GATEWAY_TOKEN', 'IBAN'] as const;
