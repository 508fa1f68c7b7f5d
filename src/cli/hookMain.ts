// dist/hook.js: the agent hook on its own, so that a call loads only what judging one payload needs.
import { run } from './commands/hook';
import { errorText } from '../core/errorText';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(errorText('ai-policy hook: failed unexpectedly:', err) + '\n');
    process.exitCode = 2;
  },
);
