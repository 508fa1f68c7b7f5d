// The audit trail core: event construction and guard, identity, the on-disk queue and delivery.
export * from './events';
export * from './eventData';
export { sanitizeData, hashPath, looksLikePath, looksLikeSecret, LIMITS } from './eventGuard';
export * from './identity';
export * from './queue';
export * from './queueSlot';
export * from './endpoint';
export { isLoopbackHost } from '../loopback';
export * from './sender';
export * from './otlp';
