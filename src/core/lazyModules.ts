// Libraries that only some runs need, loaded on first use: the RE2 engine (policy regexes, gitleaks rules) and the
// TOML parser (gitleaks configurations). Every user goes through here. The extension's build puts each in its own
// file next to the bundle (dist/lazy/*.js, see esbuild.js), so a start that needs neither does not load them.
/* eslint-disable @typescript-eslint/no-require-imports -- a require inside a function is what makes these lazy */
import type * as Re2 from 're2js';
import type * as SmolToml from 'smol-toml';

let re2: typeof Re2 | undefined;
let toml: typeof SmolToml | undefined;

/** The re2js module (RE2JS.compile and friends). */
export function re2js(): typeof Re2 {
  return (re2 ??= require('re2js') as typeof Re2);
}

/** The smol-toml module. */
export function smolToml(): typeof SmolToml {
  return (toml ??= require('smol-toml') as typeof SmolToml);
}
