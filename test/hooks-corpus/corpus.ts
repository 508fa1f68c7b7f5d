// The whole corpus: attacks and everyday calls, by category (the order categories first appear in).
import { ADDED_ATTACKS, ADDED_EVERYDAY } from './added';
import { ATTACKS } from './attacks';
import { EVERYDAY } from './everyday';
import { ROUND3_ATTACKS, ROUND3_EVERYDAY } from './round3';
import { ROUND4_ATTACKS, ROUND4_EVERYDAY } from './round4';
import { ROUND5_ATTACKS, ROUND5_EVERYDAY } from './round5';
import type { CorpusCase } from './shapes';

/** The first round (attacks.ts, everyday.ts), the second (added.ts) and the third (round3.ts), kept apart so the bench reports each. */
export const ORIGINAL: readonly CorpusCase[] = [...ATTACKS, ...EVERYDAY];
export const ADDED: readonly CorpusCase[] = [...ADDED_ATTACKS, ...ADDED_EVERYDAY];
/** The third round (round3.ts), written as an attacker against the first two. */
export const ROUND3: readonly CorpusCase[] = [...ROUND3_ATTACKS, ...ROUND3_EVERYDAY];
/** The fourth round (round4.ts), written as an attacker against the third. */
export const ROUND4: readonly CorpusCase[] = [...ROUND4_ATTACKS, ...ROUND4_EVERYDAY];
/** The fifth round (round5.ts), written as a white-box attacker against the fourth. */
export const ROUND5: readonly CorpusCase[] = [...ROUND5_ATTACKS, ...ROUND5_EVERYDAY];
export const CORPUS: readonly CorpusCase[] = [...ORIGINAL, ...ADDED, ...ROUND3, ...ROUND4, ...ROUND5];

export function categories(cases: readonly CorpusCase[] = CORPUS): string[] {
  return [...new Set(cases.map((c) => c.category))];
}

/** The values a hook's answer, output or audit spool must never repeat. */
export const SECRET_VARS = ['STRIPE_KEY', 'STRIPE_KEY_PROD', 'AWS_SECRET', 'OLD_AWS_SECRET', 'DB_PASSWORD', 'GATEWAY_TOKEN', 'IBAN'] as const;
