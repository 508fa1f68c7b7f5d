// Package registries: npm, PyPI, NuGet, RubyGems, Docker Hub, crates.io, Clojars.
import type { Rule } from '../types';
import { publishedByVendor } from '../publicByDesign';
import { looksPlaceholder } from '../validators';
import { token } from './define';

export const registryRules: Rule[] = [
  token('npm-access-token', 'npm access token', 'npm', ['npm_'], String.raw`\b(npm_[A-Za-z0-9]{36})\b`),
  token('npmrc-auth', 'npm registry credential', 'npm', ['_authtoken', '_auth=', '_password='],
    String.raw`(?:_authToken|_auth|_password)\s*=\s*["']?([A-Za-z0-9+/=._-]{16,})`, { entropy: 3 }),
  token('pypi-upload-token', 'PyPI upload token', 'pypi', ['pypi-ageichlwas5vcmc'], String.raw`\b(pypi-AgEIcHlwaS5vcmc[\w-]{50,})`),
  token('nuget-api-key', 'NuGet API key', 'nuget', ['oy2'], String.raw`\b(oy2[a-z0-9]{43})\b`),
  token('nuget-config-password', 'NuGet config password', 'nuget', ['password'],
    String.raw`<add\s+key=["'](?:ClearText)?Password["']\s+value=["']([^"']{6,})["']`,
    { entropy: 0, validate: (s) => !looksPlaceholder(s) && !/^%.*%$|^\$/.test(s) && !publishedByVendor('nuget-config-password', s), paths: ['**/nuget.config', '**/NuGet.Config', '**/Nuget.config', '**/NuGet.config', '**/nuget.Config'] }),
  token('rubygems-api-key', 'RubyGems API key', 'rubygems', ['rubygems_'], String.raw`\b(rubygems_[a-f0-9]{48})\b`),
  token('dockerhub-pat', 'Docker Hub access token', 'dockerhub', ['dckr_pat_', 'dckr_oat_'], String.raw`\b(dckr_(?:pat|oat)_[\w-]{27,32})(?![\w-])`),
  token('docker-config-auth', 'Docker registry credential', 'dockerhub', ['"auth"'],
    String.raw`"auth"\s*:\s*"([A-Za-z0-9+/]{12,}={0,2})"`, { validate: (s) => Buffer.from(s, 'base64').toString('latin1').includes(':') }),
  token('crates-io-token', 'crates.io API token', 'crates-io', ['cio'], String.raw`\b(cio[a-zA-Z0-9]{32})\b`, { entropy: 3.5 }),
  token('clojars-token', 'Clojars deploy token', 'clojars', ['clojars_'], String.raw`\b(CLOJARS_[a-z0-9]{60})\b`),
  token('sidekiq-credential', 'Sidekiq Enterprise credential', 'sidekiq', ['contribsys'],
    String.raw`BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\s*[:=]\s*["']?([a-f0-9]{8}:[a-f0-9]{8})|https?://([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com`,
    { entropy: 0 }),
  token('artifactory-token', 'JFrog Artifactory token', 'artifactory', ['akcp', 'cmvmdgtu'],
    String.raw`\b(AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})\b`, { entropy: 4 }),
];
