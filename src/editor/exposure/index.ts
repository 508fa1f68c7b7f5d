import type { Services } from '../services';
export function registerExposure(_s: Services): void {}
