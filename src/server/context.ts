// What every route handler is given: the store, the credentials and limits, the renderer and the published
// policy. A leaf module, so the routes and the server that wires them do not import each other.
import type { AuthThrottle, Credentials } from './auth';
import type { BodyBudget, UploadSlots } from './http';
import type { PublishedPolicy } from './publishedPolicy';
import type { Renderer } from './render/renderer';
import type { AuditStore } from './store/types';

export interface Ctx {
  store: AuditStore;
  credentials: Credentials;
  throttle: AuthThrottle;
  bodies: BodyBudget;
  uploads: { perCredential: UploadSlots; perAddress: UploadSlots; minBytesPerSecond: number; graceMs: number };
  renderer: Renderer;
  policy?: PublishedPolicy;
  maxBodyBytes: number;
  trustProxy: boolean;
  identityHeader?: string;
  onIngestBody?: (body: string) => void;
  log?: (line: string) => void;
}
