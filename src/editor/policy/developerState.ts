// What this developer has done with the policy, kept in globalState: acknowledgements, first-seen
// times, training attestations and the acknowledgement prompt's pacing.
import type vscode = require('vscode');
import type { AckRecord, LoadedPolicy, TrainingRecord } from '../../core/policy';

export interface PromptRecord {
  /** `version:hash` the record is about. */
  key: string;
  lastShownAt: string;
  count: number;
}

const KEYS = {
  ack: 'aiPolicy.acknowledged',
  ackText: 'aiPolicy.acknowledgedText',
  firstSeen: 'aiPolicy.firstSeen',
  trainingFirstSeen: 'aiPolicy.trainingFirstSeen',
  trainings: 'aiPolicy.trainings',
  prompt: 'aiPolicy.prompt',
} as const;

export class DeveloperState {
  constructor(private readonly memento: vscode.Memento) {}

  /**
   * The newer of what this window recorded and what the memento holds (another window of the same profile may
   * have acknowledged since). The window's own record is kept in memory because a memento read right after
   * an update can still answer the value from before it while other keys' writes are being synchronized.
   */
  acknowledgement(): AckRecord | undefined {
    const stored = this.memento.get<AckRecord>(KEYS.ack);
    const mine = this.written?.record;
    if (!mine || !stored) return mine ?? stored;
    return stored.at > mine.at ? stored : mine;
  }

  /** The policy text this developer last acknowledged, for "what changed since". */
  acknowledgedText(): string | undefined {
    const mine = this.written;
    return mine && this.acknowledgement() === mine.record ? mine.text : this.memento.get<string>(KEYS.ackText);
  }

  private written: { record: AckRecord; text: string } | undefined;

  async acknowledge(loaded: LoadedPolicy, now = new Date()): Promise<AckRecord> {
    const record: AckRecord = { version: loaded.policy.version, hash: loaded.hash, at: now.toISOString() };
    this.written = { record, text: loaded.text };
    await this.memento.update(KEYS.ack, record);
    await this.memento.update(KEYS.ackText, loaded.text);
    return record;
  }

  /** When this developer first saw this exact version (recorded on first call). */
  async firstSeen(loaded: LoadedPolicy, now = new Date()): Promise<string> {
    const key = `${loaded.policy.version}:${loaded.hash}`;
    const all = this.memento.get<Record<string, string>>(KEYS.firstSeen, {});
    if (all[key]) return all[key];
    // Keep only recent entries: the map is per version and versions are few.
    const kept = Object.fromEntries(Object.entries(all).slice(-20));
    await this.memento.update(KEYS.firstSeen, { ...kept, [key]: now.toISOString() });
    return now.toISOString();
  }

  firstSeenSync(loaded: LoadedPolicy): string | undefined {
    return this.memento.get<Record<string, string>>(KEYS.firstSeen, {})[`${loaded.policy.version}:${loaded.hash}`];
  }

  trainingFirstSeen(): Record<string, string> {
    return this.memento.get<Record<string, string>>(KEYS.trainingFirstSeen, {});
  }

  /** Records when each required training was first seen, so its due date does not move. */
  async noteTrainings(loaded: LoadedPolicy, now = new Date()): Promise<void> {
    const seen = this.trainingFirstSeen();
    const missing = (loaded.policy.training ?? []).filter((t) => !seen[t.id]);
    if (!missing.length) return;
    for (const t of missing) seen[t.id] = now.toISOString();
    await this.memento.update(KEYS.trainingFirstSeen, seen);
  }

  trainingRecords(): TrainingRecord[] {
    return this.memento.get<TrainingRecord[]>(KEYS.trainings, []);
  }

  async completeTraining(training: string, now = new Date()): Promise<TrainingRecord> {
    const record = { training, completedAt: now.toISOString() };
    await this.memento.update(KEYS.trainings, [...this.trainingRecords().slice(-200), record]);
    return record;
  }

  prompt(): PromptRecord | undefined {
    return this.memento.get<PromptRecord>(KEYS.prompt);
  }

  async notePrompt(key: string, now = new Date()): Promise<void> {
    const old = this.prompt();
    await this.memento.update(KEYS.prompt, { key, lastShownAt: now.toISOString(), count: old?.key === key ? old.count + 1 : 1 });
  }
}
