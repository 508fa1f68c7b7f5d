// Time-dependent state of a policy for one developer: review, acknowledgement deadline, trainings.
import { addDays, dayStart, DAY_MS, isoDay, isPast } from './dates';
import type { Policy, Training } from './types';

export interface ReviewState {
  reviewOverdue: boolean;
  expired: boolean;
  nextReview: string;
  expires?: string;
  /** Negative when overdue. */
  daysUntilReview: number;
}

export function reviewState(policy: Policy, now: Date = new Date()): ReviewState {
  return {
    reviewOverdue: isPast(policy.nextReview, now),
    expired: isPast(policy.expires, now),
    nextReview: policy.nextReview,
    expires: policy.expires,
    daysUntilReview: Math.floor((dayStart(policy.nextReview) - startOfDay(now)) / DAY_MS),
  };
}

export interface AckRecord {
  version: number;
  hash: string;
  at: string;
}

export interface AckState {
  required: boolean;
  acknowledged: boolean;
  /** ISO time by which this version must be acknowledged (when required). */
  dueAt?: string;
  overdue: boolean;
  /** Whole days left before the deadline (negative when past). */
  daysLeft?: number;
}

/** `firstSeenAt`: when this developer first saw this version. */
export function acknowledgementState(policy: Policy, hash: string, ack: AckRecord | undefined, firstSeenAt: string, now: Date = new Date()): AckState {
  const required = policy.acknowledgement?.required ?? false;
  const acknowledged = !!ack && ack.version === policy.version && ack.hash === hash;
  if (!required) return { required, acknowledged, overdue: false };
  const due = addDays(Date.parse(firstSeenAt), policy.acknowledgement?.withinDays ?? 0);
  return {
    required,
    acknowledged,
    dueAt: new Date(due).toISOString(),
    overdue: !acknowledged && now.getTime() > due,
    daysLeft: Math.floor((due - now.getTime()) / DAY_MS),
  };
}

export interface TrainingRecord {
  training: string;
  completedAt: string;
}

export interface TrainingState {
  training: Training;
  state: 'complete' | 'due' | 'overdue';
  /** YYYY-MM-DD by which it must be (re)done; for `complete` with renewal, when it must be renewed. */
  dueDate?: string;
  completedAt?: string;
}

/** `firstSeen`: training id → when this developer first saw it required. */
export function trainingStates(policy: Policy, records: readonly TrainingRecord[], firstSeen: Readonly<Record<string, string>>, now: Date = new Date()): TrainingState[] {
  return (policy.training ?? []).map((training) => {
    const last = records
      .filter((r) => r.training === training.id)
      .map((r) => r.completedAt)
      .sort()
      .pop();
    if (last) {
      if (!training.renewalDays) return { training, state: 'complete', completedAt: last };
      const renew = addDays(Date.parse(last), training.renewalDays);
      return { training, state: now.getTime() > renew ? 'overdue' : 'complete', completedAt: last, dueDate: isoDay(renew) };
    }
    const seen = Date.parse(firstSeen[training.id] ?? now.toISOString());
    const due = addDays(seen, training.dueWithinDays);
    return { training, state: now.getTime() > due ? 'overdue' : 'due', dueDate: isoDay(due) };
  });
}

function startOfDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export { isPast };
