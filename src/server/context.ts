// What every route handler is given: the store, the credentials and limits, the renderer and the published
// policy. A leaf module, so the routes and the server that wires them do not import each other.
import type { AuthThrottle, Credentials } from './auth';
import type { BodyBudget, UploadSlots } from './http';
import type { PublishedPolicy } from './publishedPolicy';
import type { Renderer } from './render/renderer';
import type { GroupCommit } from './otlp/groupCommit';
import type { PolicyKey } from './otlp/policyKey';
import type { RateLimit } from './otlp/rateLimit';
import type { AuditStore } from './store/types';

export interface Ctx {
  store: AuditStore;
  credentials: Credentials;
  throttle: AuthThrottle;
  bodies: BodyBudget;
  uploads: { perCredential: UploadSlots; perAddress: UploadSlots; minBytesPerSecond: number; graceMs: number };
  renderer: Renderer;
  policy?: PublishedPolicy;
  /** The published policy's pseudonymization key, for e-mails in telemetry. */
  policyKey: PolicyKey;
  otlpRate: RateLimit;
  /** OTLP writes, merged while one is in progress. */
  usageWrites: GroupCommit;
  maxBodyBytes: number;
  trustProxy: boolean;
  identityHeader?: string;
  onIngestBody?: (body: string) => void;
  log?: (line: string) => void;
}
