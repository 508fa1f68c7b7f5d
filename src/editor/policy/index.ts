import type { Services } from '../services';
export function registerPolicy(_s: Services): void {}
