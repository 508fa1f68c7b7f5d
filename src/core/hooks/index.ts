// Agent hooks: one policy enforced where an agent reads, runs, calls or sends.
export { HARNESSES, isHarness, type Harness, type HookRequest } from './request';
export { parsePayload } from './payload';
export { shellReads, type ShellReads } from './shell';
export { decide, HARNESS_IDENTIFIERS, HARNESS_NAMES, type Decision, type DecideContext } from './decide';
export { answer, denialMessage, type HookAnswer } from './answer';
