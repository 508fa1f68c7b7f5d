// The argument handling the subcommands share: parse with node:util, answer --help, report usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The parsed arguments, or the exit code to return at once: 0 after printing the help (asked with the
 * command's `help` option), 2 after a usage error (unknown option, missing value), reported with the help.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(name: string, help: string, config: T): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    process.stderr.write(`ai-policy ${name}: ${e instanceof Error ? e.message : String(e)}\n${help}\n`);
    return 2;
  }
  if ((parsed.values as { help?: unknown }).help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  return parsed;
}
