// Agent hooks: one policy enforced where an agent reads, runs, calls or sends.
export { HARNESSES, isHarness, type Harness, type HookRequest } from './request';
export { parsePayload } from './payload';
export { CommandFlow, type CommandReads } from './commandFlow';
export { decide, HARNESS_IDENTIFIERS, HARNESS_NAMES, type Decision, type DecideContext } from './decide';
export { answer, denialMessage, type HookAnswer } from './answer';
