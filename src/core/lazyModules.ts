// Code that only some runs need, loaded on first use: the RE2 engine (policy regexes, gitleaks rules), the TOML
// parser (gitleaks configurations) and, for the editor, the built-in scanner. Every user goes through here. The
// extension's build puts each in its own file next to the bundle (dist/lazy/*.js, see esbuild.js), so a start that
// needs none of them does not load them.
/* eslint-disable @typescript-eslint/no-require-imports -- a require inside a function is what makes these lazy */
import type * as Re2 from 're2js';
import type * as SmolToml from 'smol-toml';
import type * as Scanning from './scan/onDemand';

let re2: typeof Re2 | undefined;
let toml: typeof SmolToml | undefined;
let scan: typeof Scanning | undefined;

/** The re2js module (RE2JS.compile and friends). */
export function re2js(): typeof Re2 {
  return (re2 ??= require('re2js') as typeof Re2);
}

/** The smol-toml module. */
export function smolToml(): typeof SmolToml {
  return (toml ??= require('smol-toml') as typeof SmolToml);
}

/** The scanner and the helpers the editor scans with (src/core/scan/onDemand.ts). */
export function scanning(): typeof Scanning {
  return (scan ??= require('./scan/onDemand') as typeof Scanning);
}
