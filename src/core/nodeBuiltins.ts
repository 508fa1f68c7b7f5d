// Node built-ins that a start does not need, required by the functions that use them: http/https when a policy is
// fetched or audit events are sent, child_process when git is asked, crypto when something is hashed or signed.
// Loaded at the top of a module they cost plain Node (the CLI, the hook) milliseconds of start-up each.
/* eslint-disable @typescript-eslint/no-require-imports -- a require inside a function is what makes these lazy */
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

/** node:http or node:https, for the URL's protocol. */
export function httpClient(url: URL): typeof Http | typeof Https {
  return url.protocol === 'https:' ? (require('node:https') as typeof Https) : (require('node:http') as typeof Http);
}

/** node:child_process. */
export function childProcess(): typeof ChildProcess {
  return require('node:child_process') as typeof ChildProcess;
}

/** node:crypto: hashing, signatures and random ids happen after a start, never while a module loads. */
export function nodeCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}
