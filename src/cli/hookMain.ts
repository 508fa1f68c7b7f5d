// dist/hook.js: the agent hook on its own, so that a call loads only what judging one payload needs.
// `hook.js --flush` is the hook's once-a-day delivery (see commands/hookActivity.ts), loaded only then.
import { run } from './commands/hook';
import { errorText } from '../core/errorText';

const args = process.argv.slice(2);
const main = args[0] === '--flush' ? import('./commands/hooksFlush').then((m) => m.run(args.slice(1))) : run(args);

main.then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(errorText('ai-policy hook: failed unexpectedly:', err) + '\n');
    process.exitCode = 2;
  },
);
