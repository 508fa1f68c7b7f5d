// Code that only some runs need, or not while the extension host starts, loaded on first use: the RE2 engine
// (policy regexes, gitleaks rules), the TOML parser (gitleaks configurations), the YAML library and the policy's
// schema validator (the policy is read after activate() has returned) and, for the editor, the built-in scanner.
// Every user goes through here. The extension's build puts each in its own file next to the bundle
// (dist/lazy/*.js, see esbuild.js), so loading the bundle does not read or compile them.
/* eslint-disable @typescript-eslint/no-require-imports -- a require inside a function is what makes these lazy */
import type * as Re2 from 're2js';
import type * as SmolToml from 'smol-toml';
import type * as Yaml from 'yaml';
import type PolicyValidator = require('policy-validator:generated');
import type * as Scanning from './scan/onDemand';

let re2: typeof Re2 | undefined;
let toml: typeof SmolToml | undefined;
let yamlLib: typeof Yaml | undefined;
let validator: typeof PolicyValidator | undefined;
let scan: typeof Scanning | undefined;

/** The re2js module (RE2JS.compile and friends). */
export function re2js(): typeof Re2 {
  return (re2 ??= require('re2js') as typeof Re2);
}

/** The smol-toml module. */
export function smolToml(): typeof SmolToml {
  return (toml ??= require('smol-toml') as typeof SmolToml);
}

/** The yaml module (parseDocument, stringify, the node guards). */
export function yaml(): typeof Yaml {
  return (yamlLib ??= require('yaml') as typeof Yaml);
}

/** The policy's JSON Schema validator, generated at build time (scripts/build/policyValidator.js). */
export function policyValidator(): typeof PolicyValidator {
  return (validator ??= require('policy-validator:generated') as typeof PolicyValidator);
}

/** The scanner and the helpers the editor scans with (src/core/scan/onDemand.ts). */
export function scanning(): typeof Scanning {
  return (scan ??= require('./scan/onDemand') as typeof Scanning);
}
