import type { Services } from '../services';
export function registerAudit(_s: Services): void {}
