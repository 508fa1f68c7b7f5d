// Publishes the signed head at a fixed interval from a running server (`server --head-key`), and once
// on demand (`ai-policy publish-head`, for cron). A failed publication is logged with its stack and tried
// again at the next tick; the server keeps serving.
import { keyKind } from '../core/policy/signature';
import { publishHead, signHead } from './signedHead';
import type { AuditStore } from './store/types';

/** Checks that the text is a private key that can sign heads; returns a reason when it is not. */
export function headKeyProblem(pem: string): string | undefined {
  if (keyKind(pem) !== 'private') return 'the head key must be an Ed25519 private key (PEM PKCS#8, e.g. from `ai-policy keygen`)';
  try {
    signHead({ count: 0, seq: 0, hash: '0'.repeat(64) }, 0, pem);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export async function publishOnce(store: AuditStore, keyPem: string, target: string): Promise<string> {
  const head = await store.logHead();
  return publishHead(signHead(head, Date.now(), keyPem), target);
}

export function startHeadPublisher(store: AuditStore, keyPem: string, target: string, intervalMs: number, log: (line: string) => void): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    publishOnce(store, keyPem, target)
      .then((where) => log(`signed head published to ${where}`))
      .catch((e: unknown) => log(`publishing the signed head to ${target} failed (tried again in ${intervalMs / 1000} s): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
