// dist/hook.js: the agent hook on its own, so that a call loads only what judging one payload needs.
import { run } from './commands/hook';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ai-policy hook: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
