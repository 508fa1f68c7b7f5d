// One entry per subcommand; each lives in its own file and returns the process exit code.
export type Command = (args: string[]) => Promise<number>;

export const commands: Record<string, Command> = {
  init: (a) => import('./init').then((m) => m.run(a)),
  validate: (a) => import('./validate').then((m) => m.run(a)),
  sign: (a) => import('./sign').then((m) => m.run(a)),
  verify: (a) => import('./verify').then((m) => m.run(a)),
  keygen: (a) => import('./keygen').then((m) => m.run(a)),
  scan: (a) => import('./scan').then((m) => m.run(a)),
  inventory: (a) => import('./inventory').then((m) => m.run(a)),
  export: (a) => import('./export').then((m) => m.run(a)),
  server: (a) => import('./server').then((m) => m.run(a)),
  enroll: (a) => import('./enroll').then((m) => m.run(a)),
  'verify-log': (a) => import('./verifyLog').then((m) => m.run(a)),
  'publish-head': (a) => import('./publishHead').then((m) => m.run(a)),
  hook: (a) => import('./hook').then((m) => m.run(a)),
  hooks: (a) => import('./hooks').then((m) => m.run(a)),
  managed: (a) => import('./managed').then((m) => m.run(a)),
  disclosure: (a) => import('./disclosure').then((m) => m.run(a)),
  exceptions: (a) => import('./exceptions').then((m) => m.run(a)),
};
