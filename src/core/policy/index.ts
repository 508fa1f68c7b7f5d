// The policy core: parsing, validation, signatures, fetching, acceptance, cache, diff and status.
export * from './types';
export { parseYaml, pointerSegments, type ParsedYaml, type Position } from './parse';
export { schemaProblems } from './schema';
export { lintPolicy } from './lint';
export { validatePolicyText, formatProblem, sortProblems, type ValidationResult, type ValidateOptions } from './validate';
export { placeholderProblems, isExampleContact } from './placeholders';
export { signPolicy, verifyPolicy, publicKeyError, generateSigningKeys, keyKind, pemBlocks } from './signature';
export { isLoopbackHost } from '../loopback';
export { fetchPolicy, sourceError, signatureUrl, SourceError, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type FetchOptions, type FetchResult } from './source';
export { sha256 } from '../sha256';
export { acceptPolicy, type AcceptOptions, type AcceptResult, type Candidate } from './accept';
export { PolicyCache, type CachedPolicy } from './cache';
export { diffPolicies } from './diff';
export { reviewState, acknowledgementState, trainingStates, type ReviewState, type AckRecord, type AckState, type TrainingRecord, type TrainingState } from './status';
export { globError, regexError } from './patterns';
